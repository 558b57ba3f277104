using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Operators register an agency's system with its public key from the command line, never by editing the database.</summary>
public sealed class ClientRegistrationTests(AppFactory app) : IClassFixture<AppFactory>, IDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly string folder = Directory.CreateTempSubdirectory("onestop-clients-").FullName;

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await IdentityModule.RunCommandAsync(app.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string KeyFile(ECDsa key, bool withPrivatePart = false)
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(withPrivatePart ? key : ECDsa.Create(key.ExportParameters(false))) { KeyId = "k1" });
        jwk.Use = "sig";
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { jwk } }, WithoutNulls));
        return path;
    }

    [Fact]
    public async Task AddClient_WithAPublicKey_TheSystemGetsAnExchangeToken()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = $"tax-system-{Guid.NewGuid():N}"[..24];

        var (code, output, error) = await RunAsync("add-client", "--client-id", clientId, "--name", "Tax system", "--name-th", "ระบบภาษี", "--jwks", KeyFile(key), "--scope", "exchange");

        Assert.True(code == 0, error);
        Assert.Contains(clientId, output, StringComparison.Ordinal);
        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId, Audience = "http://localhost/connect/token",
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString("N") },
            Expires = DateTime.UtcNow.AddMinutes(2), IssuedAt = DateTime.UtcNow,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256),
        });
        var response = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = "exchange", ["client_id"] = clientId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", ["client_assertion"] = assertion,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddClient_Refuses_APrivateKey_AnUnknownScope_APersonsScopeWithoutRedirect_AndATakenId()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = $"portal-{Guid.NewGuid():N}"[..20];

        var privateKey = await RunAsync("add-client", "--client-id", clientId, "--name", "P", "--jwks", KeyFile(key, withPrivatePart: true), "--scope", "exchange");
        var unknownScope = await RunAsync("add-client", "--client-id", clientId, "--name", "P", "--jwks", KeyFile(key), "--scope", "everything");
        var noRedirect = await RunAsync("add-client", "--client-id", clientId, "--name", "P", "--jwks", KeyFile(key), "--scope", "pid");
        var portal = await RunAsync("add-client", "--client-id", clientId, "--name", "P", "--jwks", KeyFile(key), "--scope", "pid", "--redirect-uri", "https://portal.example.go.th/callback");
        var again = await RunAsync("add-client", "--client-id", clientId, "--name", "P", "--jwks", KeyFile(key), "--scope", "exchange");
        var noKey = await RunAsync("add-client", "--client-id", clientId + "x", "--name", "P");

        Assert.Equal(1, privateKey.Code);
        Assert.Contains("public keys only", privateKey.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownScope.Code);
        Assert.Contains("everything", unknownScope.Error, StringComparison.Ordinal);
        Assert.Equal(1, noRedirect.Code);
        Assert.Contains("--redirect-uri", noRedirect.Error, StringComparison.Ordinal);
        Assert.True(portal.Code == 0, portal.Error);
        Assert.Equal(1, again.Code);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, noKey.Code);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
