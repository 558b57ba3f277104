using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Testing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Tests.Http;

/// <summary>Agency systems authenticate to the exchange with the Digital ID's client-credentials tokens (connection type OAuth2).</summary>
public sealed class ExchangeTokenTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Client = "TH/GOV/DEMO/agency-system";
    private const string Trader = "/r1/TH/GOV/CUSTOMS/nsw/traders/0105999000016";

    private async Task<string> TokenAsync(string client = "demo-agency", string secret = "demo-agency-secret", string scope = "exchange")
    {
        var (status, body) = await new OidcDance(app).TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = scope }, client, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> CallAsync(string? token, string? remoteAddress = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Trader);
        request.Headers.Add("X-Road-Client", Client);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (remoteAddress is not null)
        {
            request.Headers.Add("X-Test-Remote-Address", remoteAddress);
        }

        return await app.CreateClient().SendAsync(request);
    }

    private static string? XRoadError(HttpResponseMessage response) => response.Headers.TryGetValues("X-Road-Error", out var values) ? values.Single() : null;

    [Fact]
    public async Task AnAccessToken_NamesTheExchangeAsItsAudience()
    {
        var payload = OidcDance.Payload(await TokenAsync());

        Assert.Equal("onestop-exchange", payload.GetProperty("aud").ValueKind == System.Text.Json.JsonValueKind.Array
            ? payload.GetProperty("aud")[0].GetString()
            : payload.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Introspection_ByTheClientItWasIssuedTo_IsInactive_ByTheResourceServer_IsActive()
    {
        var token = await TokenAsync();
        await app.WithScopeAsync(async sp =>
        {
            var applications = sp.GetRequiredService<IOpenIddictApplicationManager>();
            if (await applications.FindByClientIdAsync("onestop-exchange") is null)
            {
                await applications.CreateAsync(new OpenIddictApplicationDescriptor
                {
                    ClientId = "onestop-exchange", ClientSecret = "resource-server-secret", ClientType = ClientTypes.Confidential,
                    Permissions = { Permissions.Endpoints.Introspection },
                });
            }

            return 0;
        });

        async Task<bool> IntrospectAsync(string client, string secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/introspect") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{client}:{secret}")));
            var answer = System.Text.Json.JsonDocument.Parse(await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
            return answer.TryGetProperty("active", out var active) && active.GetBoolean();
        }

        var bySelf = await IntrospectAsync("demo-agency", "demo-agency-secret");
        var byResourceServer = await IntrospectAsync("onestop-exchange", "resource-server-secret");

        Assert.False(bySelf);
        Assert.True(byResourceServer);
    }

    [Fact]
    public async Task UserInfo_WithAMachinesToken_IsInvalidToken_NotAServerError()
    {
        var token = await TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_WithTheSubsystemsToken_AnswersTheService()
    {
        var response = await CallAsync(await TokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("0105999000016", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_WithoutAToken_IsClientNotAuthenticated()
    {
        var response = await CallAsync(token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Server.ClientProxy.SslAuthenticationFailed", XRoadError(response));
    }

    [Fact]
    public async Task Gateway_WithAForgedToken_IsClientNotAuthenticated()
    {
        var token = await TokenAsync();
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var response = await CallAsync(forged);

        Assert.Equal("Server.ClientProxy.SslAuthenticationFailed", XRoadError(response));
    }

    [Fact]
    public async Task Gateway_WithAnotherClientsToken_IsClientNotAuthenticated()
    {
        await app.WithScopeAsync(async sp =>
        {
            var applications = sp.GetRequiredService<IOpenIddictApplicationManager>();
            if (await applications.FindByClientIdAsync("other-agency") is null)
            {
                await applications.CreateAsync(new OpenIddictApplicationDescriptor
                {
                    ClientId = "other-agency", ClientSecret = "other-agency-secret", ClientType = ClientTypes.Confidential,
                    Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "exchange" },
                });
            }

            return 0;
        });

        var response = await CallAsync(await TokenAsync("other-agency", "other-agency-secret"));

        Assert.Equal("Server.ClientProxy.SslAuthenticationFailed", XRoadError(response));
    }

    [Fact]
    public async Task Gateway_TokenOverPlainHttpFromAnUnlistedAddress_IsRefused()
    {
        var response = await CallAsync(await TokenAsync(), remoteAddress: "203.0.113.9");

        Assert.Equal("Server.ClientProxy.SslAuthenticationFailed", XRoadError(response));
        Assert.Contains("HTTPS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
