using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Data;

namespace OneStop.Identity.Server;

/// <summary>
/// The OpenID Connect server's keys. Configured keys come first: <c>Identity:SigningKeys</c> (EC P-256
/// private keys, PEM text or the path of a PEM file) and <c>Identity:EncryptionKeys</c> (32 random
/// bytes in base64, or the path of a file holding them). The first key of each list is used; the
/// others stay published (signing) or accepted (encryption), so keys rotate without downtime:
/// add the new key second, wait for caches, move it first, remove the old one when its tokens expired.
/// Without configured keys, Development and tests generate keys once and keep them in the database;
/// anywhere else that is refused at start-up.
/// </summary>
internal sealed class ServerKeys(IConfiguration configuration, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string SigningKeysKey = "Identity:SigningKeys";
    public const string EncryptionKeysKey = "Identity:EncryptionKeys";

    private (IReadOnlyList<ECDsaSecurityKey> Signing, IReadOnlyList<SymmetricSecurityKey> Encryption)? loaded;

    /// <summary>Refuses to start a production node whose tokens would be signed by a key nobody chose.</summary>
    public static void RequireConfiguredOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            return;
        }

        if (!configuration.GetSection(SigningKeysKey).GetChildren().Any() || !configuration.GetSection(EncryptionKeysKey).GetChildren().Any())
        {
            throw new InvalidOperationException(
                $"Configure {SigningKeysKey} and {EncryptionKeysKey} (see docs/identity.md): outside Development the Digital ID does not make up its own keys.");
        }
    }

    public IReadOnlyList<ECDsaSecurityKey> SigningKeys => (loaded ??= Load()).Signing;

    public IReadOnlyList<SymmetricSecurityKey> EncryptionKeys => (loaded ??= Load()).Encryption;

    private (IReadOnlyList<ECDsaSecurityKey>, IReadOnlyList<SymmetricSecurityKey>) Load()
    {
        var signing = Configured(SigningKeysKey).Select(SigningKey).ToList();
        var encryption = Configured(EncryptionKeysKey).Select(EncryptionKey).ToList();
        if (signing.Count == 0 || encryption.Count == 0)
        {
            var (generatedSigning, generatedEncryption) = Generated();
            if (signing.Count == 0)
            {
                signing.Add(SigningKey(generatedSigning));
            }

            if (encryption.Count == 0)
            {
                encryption.Add(EncryptionKey(generatedEncryption));
            }
        }

        return (signing, encryption);
    }

    private IEnumerable<string> Configured(string key)
        => configuration.GetSection(key).GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)
            .Select(v => v.StartsWith("-----BEGIN", StringComparison.Ordinal) || !File.Exists(v) ? v : File.ReadAllText(v).Trim());

    private static ECDsaSecurityKey SigningKey(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        if (ecdsa.KeySize != 256)
        {
            throw new InvalidOperationException($"{SigningKeysKey}: ES256 needs an EC P-256 key, not a {ecdsa.KeySize}-bit one.");
        }

        var key = new ECDsaSecurityKey(ecdsa);
        // The RFC 7638 thumbprint: the same key always has the same kid, on every node.
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key).ComputeJwkThumbprint());
        return key;
    }

    private static SymmetricSecurityKey EncryptionKey(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        if (bytes.Length != 32)
        {
            throw new InvalidOperationException($"{EncryptionKeysKey}: a key is 32 random bytes in base64.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(bytes))[..16] };
    }

    private (string Signing, string Encryption) Generated(bool retried = false)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DigitalIdDbContext>();
        var keys = db.ServerKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToList();
        var signing = keys.FirstOrDefault(k => k.Use == ServerKeyUse.Signing);
        var encryption = keys.FirstOrDefault(k => k.Use == ServerKeyUse.Encryption);
        var now = clock.GetUtcNow().UtcDateTime;
        if (signing is null)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            signing = new ServerKey { Id = "signing-1", Use = ServerKeyUse.Signing, Material = ecdsa.ExportPkcs8PrivateKeyPem(), CreatedAt = now };
            db.ServerKeys.Add(signing);
        }

        if (encryption is null)
        {
            encryption = new ServerKey { Id = "encryption-1", Use = ServerKeyUse.Encryption, Material = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = now };
            db.ServerKeys.Add(encryption);
        }

        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException) when (!retried)
        {
            // Another node generated them first: use theirs.
            db.ChangeTracker.Clear();
            return Generated(retried: true);
        }

        return (signing.Material, encryption.Material);
    }
}
