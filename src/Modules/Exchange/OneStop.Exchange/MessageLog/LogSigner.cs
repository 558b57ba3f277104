using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;

namespace OneStop.Exchange.MessageLog;

/// <summary>
/// Signs log records with the newest active ES256 (ECDSA P-256, SHA-256) key. Keys live in the
/// database so that every node signs with them and old records stay verifiable after rotation.
/// </summary>
internal sealed class LogSigner(TimeProvider clock)
{
    private Key? current;

    /// <summary>A private key ready to sign.</summary>
    internal sealed class Key(string id, ECDsa ecdsa)
    {
        public string Id { get; } = id;

        public byte[] Sign(byte[] hash) => ecdsa.SignHash(hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public async Task<Key> CurrentKeyAsync(ExchangeDbContext db, CancellationToken ct)
    {
        if (current is { } key)
        {
            return key;
        }

        var stored = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null && k.PrivateKey != null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            stored = NewKey(clock.GetUtcNow().UtcDateTime);
            db.SigningKeys.Add(stored);
            await db.SaveChangesAsync(ct);
            db.Entry(stored).State = EntityState.Detached;
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.PrivateKey!), out _);
        return current = new Key(stored.KeyId, ecdsa);
    }

    /// <summary>Forgets the cached key, e.g. after a rotation.</summary>
    public void Reset() => current = null;

    public static SigningKey NewKey(DateTime now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = ecdsa.ExportSubjectPublicKeyInfo();
        return new SigningKey
        {
            KeyId = Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16],
            PrivateKey = Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey()),
            PublicKey = Convert.ToBase64String(publicKey),
            CreatedAt = now,
        };
    }

    public static bool Verify(string publicKey, string hashHex, string signature) => Verify(publicKey, Convert.FromHexString(hashHex), signature);

    public static bool Verify(string publicKey, byte[] digest, string signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        try
        {
            return ecdsa.VerifyHash(digest, Convert.FromBase64String(signature), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
