using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Data;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Discovery, keys and client credentials: what agency systems and relying parties see first.</summary>
public sealed class ProviderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Discovery_Always_AdvertisesEs256S256AndTheAssuranceLevels()
    {
        var client = app.CreateClient();
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.Equal(["ES256"], Strings(discovery, "id_token_signing_alg_values_supported"));
        Assert.Equal(["S256"], Strings(discovery, "code_challenge_methods_supported"));
        Assert.Equal(["urn:onestop:aal:1", "urn:onestop:aal:2", "urn:onestop:aal:2:phishing-resistant"], Strings(discovery, "acr_values_supported"));
        Assert.Contains("client_credentials", Strings(discovery, "grant_types_supported"));
        Assert.Contains("private_key_jwt", Strings(discovery, "token_endpoint_auth_methods_supported"));
        Assert.EndsWith("/connect/par", discovery.GetProperty("pushed_authorization_request_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Equal(["nist_800_63A"], Strings(discovery, "trust_frameworks_supported"));
        Assert.Contains("pid", Strings(discovery, "claims_supported"));
        Assert.True(discovery.GetProperty("claims_parameter_supported").GetBoolean()); // an essential acr in it is enforced
        Assert.Contains("consent", Strings(discovery, "prompt_values_supported"));
    }

    [Fact]
    public async Task Jwks_Always_PublishesOnlyThePublicP256Key()
    {
        var client = app.CreateClient();
        var keys = JsonDocument.Parse(await client.GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys");

        var key = Assert.Single(keys.EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task ClientCredentials_DemoAgency_GetsAnEs256JwtThatTheJwksVerifiesAndNothingIsStored()
    {
        var dance = new OidcDance(app);
        var (status, body) = await dance.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "exchange" }, "demo-agency", "demo-agency-secret");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        var token = body.GetProperty("access_token").GetString()!;
        var header = OidcDance.Header(token);
        var payload = OidcDance.Payload(token);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal("demo-agency", payload.GetProperty("sub").GetString());
        Assert.Equal("exchange", payload.GetProperty("scope").GetString());
        Assert.True(await VerifiesWithJwksAsync(token));

        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<DigitalIdDbContext>()
            .Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Subject == "demo-agency"));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_IsInvalidClientAsOAuthSays()
    {
        var dance = new OidcDance(app);
        var (status, body) = await dance.TokenAsync(new() { ["grant_type"] = "client_credentials" }, "demo-agency", "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentials_ScopeNotGrantedToTheClient_IsInvalidScope()
    {
        var dance = new OidcDance(app);
        var (status, body) = await dance.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "pid" }, "demo-agency", "demo-agency-secret");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorize_ScopeNotGrantedToTheClient_SendsInvalidScopeBackToTheClient()
    {
        var dance = new OidcDance(app);
        var parameters = dance.AuthorizeParameters("openid exchange");

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(parameters));

        var callback = OidcDance.CallbackOf(response);
        Assert.Equal("invalid_scope", callback["error"]);
        Assert.Equal(parameters["state"], callback["state"]);
    }

    [Fact]
    public async Task PushedAuthorizationRequest_ScopeNotGrantedToTheClient_IsInvalidScope()
    {
        var dance = new OidcDance(app);
        using var par = new HttpRequestMessage(HttpMethod.Post, "/connect/par") { Content = new FormUrlEncodedContent(dance.AuthorizeParameters("openid exchange")) };
        par.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OidcDance.Portal}:{OidcDance.PortalSecret}")));

        var response = await dance.Backchannel.SendAsync(par);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentials_PortalNotAllowedThatGrant_IsUnauthorizedClient()
    {
        var dance = new OidcDance(app);
        var (status, body) = await dance.TokenAsync(new() { ["grant_type"] = "client_credentials" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_UnknownGrantType_IsUnsupportedGrantType()
    {
        var dance = new OidcDance(app);
        var (status, body) = await dance.TokenAsync(new() { ["grant_type"] = "password", ["username"] = "x", ["password"] = "y" }, "demo-agency", "demo-agency-secret");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    private async Task<bool> VerifiesWithJwksAsync(string jwt)
    {
        var keys = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys");
        var kid = OidcDance.Header(jwt).GetProperty("kid").GetString();
        var key = keys.EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = OidcDance.Base64UrlDecode(key.GetProperty("x").GetString()!), Y = OidcDance.Base64UrlDecode(key.GetProperty("y").GetString()!) },
        });
        var parts = jwt.Split('.');
        return ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), OidcDance.Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256);
    }

    private static string[] Strings(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
