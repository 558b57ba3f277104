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
