namespace OneStop.Payments.Reconciliation;

internal enum MatchKind
{
    /// <summary>The statement and our payment agree.</summary>
    Matched,

    /// <summary>The transaction is ours but the amount or reference differs.</summary>
    Mismatched,

    /// <summary>On the statement, but we have no payment with that transaction.</summary>
    Unmatched,

    /// <summary>We recorded it paid in the statement's period, but the statement does not have it.</summary>
    Missing,
}

/// <summary>A bank statement imported and matched against the payments; the same file twice is the same run.</summary>
internal sealed class ReconciliationRun
{
    public Guid Id { get; init; }

    /// <summary>SHA-256 of the file, so importing it again answers the first run.</summary>
    public required string FileHash { get; init; }

    public required string FileName { get; init; }

    public required string ImportedBy { get; init; }

    public DateTime ImportedAt { get; init; }

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    public int Matched { get; init; }

    public int Mismatched { get; init; }

    public int Unmatched { get; init; }

    public int Missing { get; init; }

    public List<ReconciliationItem> Items { get; init; } = [];
}

internal sealed class ReconciliationItem
{
    public long Id { get; init; }

    public Guid RunId { get; init; }

    public MatchKind Kind { get; init; }

    /// <summary>The statement's line number (null for a payment missing from it).</summary>
    public int? Line { get; init; }

    public string? TransactionId { get; init; }

    public string? Reference { get; init; }

    public long? StatementSatang { get; init; }

    public long? RecordedSatang { get; init; }

    public Guid? PaymentId { get; init; }

    public string? Note { get; init; }
}
