using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Documents.Signing;

/// <summary>A published public key: whose it is and the P-256 point, ready to verify with.</summary>
internal sealed record PublicIssuerKey(string Thumbprint, string AgencyCode, string X, string Y, DateTime CreatedAt, DateTime? RetiredAt, ECDsa Verifier);

/// <summary>
/// The platform's signing service. Each agency signs what it grants with its own ES256 key, made on first use and
/// kept in the Documents tables with the private half encrypted by the platform's Data Protection key ring. The
/// agency is a <c>did:web</c> issuer under the site (<c>did:web:{host}:agencies:{code}</c>), and each signature's
/// <c>kid</c> is that DID with the key's thumbprint as fragment, so anyone holding the published keys can verify.
/// Compact JWS is assembled here rather than through a JWT library: the credential is the whole payload, the
/// header is fixed, and verification has to run close to the raw speed of ES256 (issue 21's goal).
/// </summary>
internal sealed class DocumentSigner(IServiceScopeFactory scopes, IDataProtectionProvider protection, PublicOrigin origin, TimeProvider clock)
{
    public const string MediaType = "application/vc+jwt";
    public const string TokenType = "vc+jwt";

    private readonly IDataProtector protector = protection.CreateProtector("OneStop.Documents.IssuerKeys");
    private readonly ConcurrentDictionary<string, ECDsa> signers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PublicIssuerKey> published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IssuerKey Key, DateTime ReadAt)> currentKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// How long this node keeps signing with the key it read as an agency's current one. A rotation on another node is
    /// picked up within this time; meanwhile documents carry the retired key, which stays published and verifiable.
    /// </summary>
    public static readonly TimeSpan CurrentKeyLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The agency's DID: <c>did:web:{host}:agencies:{code}</c> (a port is written <c>%3A</c>, as did:web requires).</summary>
    public string IssuerDid(string agencyCode) => $"did:web:{Uri.EscapeDataString(new Uri(origin.Value).Authority)}:agencies:{agencyCode}";

    /// <summary>The agency code at the end of a DID this platform issues with, or null.</summary>
    public static string? AgencyOf(string? did)
        => did is not null && did.StartsWith("did:web:", StringComparison.Ordinal) && did.LastIndexOf(":agencies:", StringComparison.Ordinal) is var at and > 0
            && did[(at + ":agencies:".Length)..] is { Length: > 0 and <= 10 } code && code.All(char.IsAsciiLetterOrDigit) ? code : null;

    public string Link(string pathAndQuery) => origin.Link(pathAndQuery);

    /// <summary>Signs <paramref name="payload"/> as the agency's current key, making the key on first use. The key's thumbprint comes back with the JWS.</summary>
    public async Task<(string Jws, string Thumbprint)> SignAsync(DocumentsDbContext db, string agencyCode, JsonObject payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payload);
        var key = await CurrentKeyAsync(db, agencyCode, ct);
        var signer = signers.GetOrAdd(key.Thumbprint, _ => Private(key));
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = TokenType, ["cty"] = "vc", ["kid"] = $"{IssuerDid(agencyCode)}#{key.Thumbprint}" };
        var input = Encode(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = signer.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return ($"{input}.{Encode(signature)}", key.Thumbprint);
    }

    /// <summary>A key by thumbprint, current or retired, or null when this platform never had it.</summary>
    public async Task<PublicIssuerKey?> FindAsync(string thumbprint, CancellationToken ct)
    {
        if (published.TryGetValue(thumbprint, out var known))
        {
            return known;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var key = await db.IssuerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Thumbprint == thumbprint, ct);
        // Only keys that exist are kept: a flood of made-up thumbprints cannot fill the memory.
        return key is null ? null : published.GetOrAdd(thumbprint, _ => Public(key));
    }

    /// <summary>Every key the agencies have signed with, newest first (retired ones too: what they signed stays verifiable).</summary>
    public static async Task<List<IssuerKey>> AllAsync(DocumentsDbContext db, string? agencyCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = await db.IssuerKeys.AsNoTracking().Where(k => agencyCode == null || k.AgencyCode == agencyCode).ToListAsync(ct);
        return [.. keys.OrderBy(k => k.AgencyCode, StringComparer.Ordinal).ThenByDescending(k => k.CreatedAt)];
    }

    /// <summary>The public JWK of a key, with the <c>kid</c> signatures carry.</summary>
    public JsonObject Jwk(IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = key.X, ["y"] = key.Y, ["alg"] = "ES256", ["use"] = "sig",
            ["kid"] = $"{IssuerDid(key.AgencyCode)}#{key.Thumbprint}",
        };
    }

    /// <summary>
    /// Retires the agency's current key and makes a new one: documents signed from now on carry the new key, and
    /// everything the old one signed stays verifiable because the old key stays published.
    /// </summary>
    public async Task<IssuerKey> RotateAsync(DocumentsDbContext db, string agencyCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.IssuerKeys.SingleOrDefaultAsync(k => k.AgencyCode == agencyCode && k.RetiredAt == null, ct) is { } current)
        {
            current.RetiredAt = now;
            // The retirement is saved first: the index allows one current key per agency.
            await db.SaveChangesAsync(ct);
        }

        var next = NewKey(agencyCode, now);
        db.IssuerKeys.Add(next);
        await db.SaveChangesAsync(ct);
        currentKeys[agencyCode] = (next, now);
        return next;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private async Task<IssuerKey> CurrentKeyAsync(DocumentsDbContext db, string agencyCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (currentKeys.TryGetValue(agencyCode, out var known) && now - known.ReadAt < CurrentKeyLifetime)
        {
            return known.Key;
        }

        if (await db.IssuerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.AgencyCode == agencyCode && k.RetiredAt == null, ct) is { } saved)
        {
            // Only a key read back from the database is remembered: one made here may yet lose to another node's.
            currentKeys[agencyCode] = (saved, now);
            return saved;
        }

        var key = NewKey(agencyCode, clock.GetUtcNow().UtcDateTime);
        db.IssuerKeys.Add(key);
        // Saved with the document it signs: if another node made the agency's first key at the same moment, the unique
        // index refuses this one, the caller's transaction retries, and the document is signed with theirs.
        return key;
    }

    private IssuerKey NewKey(string agencyCode, DateTime now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ecdsa.ExportParameters(false).Q;
        var x = Encode(point.X);
        var y = Encode(point.Y);
        return new IssuerKey
        {
            Thumbprint = Thumbprint(x, y), AgencyCode = agencyCode, X = x, Y = y,
            ProtectedPrivateKey = protector.Protect(ecdsa.ExportPkcs8PrivateKeyPem()), CreatedAt = now,
        };
    }

    /// <summary>RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace.</summary>
    internal static string Thumbprint(string x, string y)
        => Encode(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));

    private ECDsa Private(IssuerKey key)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(protector.Unprotect(key.ProtectedPrivateKey));
        return ecdsa;
    }

    private static PublicIssuerKey Public(IssuerKey key)
        => new(key.Thumbprint, key.AgencyCode, key.X, key.Y, key.CreatedAt, key.RetiredAt, Verifier(key.X, key.Y));

    internal static ECDsa Verifier(string x, string y)
        => ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) } });
}
