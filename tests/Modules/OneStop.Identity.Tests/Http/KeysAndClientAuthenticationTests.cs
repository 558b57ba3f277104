using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneStop.Testing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Tests.Http;

/// <summary>Configured signing keys (rotation without downtime) and private_key_jwt client authentication.</summary>
public sealed class KeysAndClientAuthenticationTests(KeysAndClientAuthenticationTests.TwoKeyApp app) : IClassFixture<KeysAndClientAuthenticationTests.TwoKeyApp>
{
    /// <summary>The app with two configured signing keys: the first signs, both are published (the middle of a rotation).</summary>
    public sealed class TwoKeyApp : AppFactory
    {
        public static readonly ECDsa Current = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        public static readonly ECDsa Next = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Identity:SigningKeys:0"] = Current.ExportPkcs8PrivateKeyPem(),
            ["Identity:SigningKeys:1"] = Next.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKeys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
    }

    private static string KeyId(ECDsa key)
        => Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key)).ComputeJwkThumbprint());

    [Fact]
    public async Task Rotation_TwoConfiguredKeys_BothArePublishedAndTheFirstSigns()
    {
        var jwks = System.Text.Json.JsonDocument.Parse(await app.CreateClient().GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys");
        var (_, body) = await new OidcDance(app).TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "exchange" }, "demo-agency", "demo-agency-secret");

        var published = jwks.EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToHashSet();
        Assert.True(published.SetEquals([KeyId(TwoKeyApp.Current), KeyId(TwoKeyApp.Next)]), string.Join(", ", published));
        Assert.Equal(KeyId(TwoKeyApp.Current), OidcDance.Header(body.GetProperty("access_token").GetString()!).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task PrivateKeyJwt_ASignedAssertion_AuthenticatesOnceAndNotWithAnotherKey()
    {
        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = "jwt-agency-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithScopeAsync(async sp =>
        {
            var publicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(clientKey.ExportParameters(false))) { KeyId = "k1" });
            publicJwk.Use = "sig";
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId, ClientType = ClientTypes.Confidential, JsonWebKeySet = new JsonWebKeySet { Keys = { publicJwk } },
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "exchange" },
            };
            await sp.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
            return 0;
        });
        var assertion = Assertion(clientId, clientKey, "k1");

        var first = await PostAsync(clientId, assertion);
        var replay = await PostAsync(clientId, assertion);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = await PostAsync(clientId, Assertion(clientId, otherKey, "k1"));

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("invalid_client", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("JWT")]
    public async Task PrivateKeyJwt_AStandardAssertion_WithoutTheNewTyp_Authenticates(string? typ)
    {
        // RFC 7523 asks for no typ; openid-client and oauth4webapi send none by default.
        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = await RegisterJwtClientAsync(clientKey);
        var header = typ is null ? """{"alg":"ES256","kid":"k1"}""" : $$"""{"alg":"ES256","kid":"k1","typ":"{{typ}}"}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"iss":"{{clientId}}","sub":"{{clientId}}","aud":"http://localhost/connect/token","jti":"{{Guid.NewGuid():N}}","iat":{{now}},"exp":{{now + 120}}}""";
        var signingInput = $"{Base64Url(header)}.{Base64Url(payload)}";
        var assertion = signingInput + "." + OidcDance.Base64Url(clientKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256));

        var response = await PostAsync(clientId, assertion);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static string Base64Url(string json) => OidcDance.Base64Url(Encoding.UTF8.GetBytes(json));

    private async Task<string> RegisterJwtClientAsync(ECDsa clientKey)
    {
        var clientId = "jwt-agency-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithScopeAsync(async sp =>
        {
            var publicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(clientKey.ExportParameters(false))) { KeyId = "k1" });
            publicJwk.Use = "sig";
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId, ClientType = ClientTypes.Confidential, JsonWebKeySet = new JsonWebKeySet { Keys = { publicJwk } },
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "exchange" },
            };
            await sp.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
            return 0;
        });
        return clientId;
    }

    private Task<HttpResponseMessage> PostAsync(string clientId, string assertion)
        => app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = "exchange", ["client_id"] = clientId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", ["client_assertion"] = assertion,
        }));

    private static string Assertion(string clientId, ECDsa key, string keyId)
        => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId, Audience = "http://localhost/", TokenType = "client-authentication+jwt",
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString("N") },
            Expires = DateTime.UtcNow.AddMinutes(2), IssuedAt = DateTime.UtcNow,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });
}
