namespace OneStop.Documents.Signing;

/// <summary>
/// An agency's ES256 signing key. One is current per agency; a rotated key is retired, not deleted, so every
/// document it signed stays verifiable and its public half stays published.
/// </summary>
internal sealed class IssuerKey
{
    /// <summary>The RFC 7638 thumbprint of the public key: the same key has the same id everywhere.</summary>
    public required string Thumbprint { get; init; }

    public required string AgencyCode { get; init; }

    /// <summary>The P-256 public point, base64url, as a JWK writes it.</summary>
    public required string X { get; init; }

    public required string Y { get; init; }

    /// <summary>The private key (PKCS#8), encrypted with the platform's Data Protection key ring.</summary>
    public required string ProtectedPrivateKey { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? RetiredAt { get; set; }
}
