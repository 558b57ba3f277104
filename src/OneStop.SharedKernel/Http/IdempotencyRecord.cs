namespace OneStop.SharedKernel.Http;

/// <summary>
/// A request made with an <c>Idempotency-Key</c> header: which caller, which key, a fingerprint of the
/// request, and once it has been answered, the answer to give again to a retry.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who sent it: keys are the caller's own, so two callers may pick the same one.</summary>
    public required string Caller { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the method, path and bound request; the same key with another request is refused.</summary>
    public required string Fingerprint { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    /// <summary>Null while the first request is still being answered.</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }
}
