namespace OneStop.Payments.Payments;

/// <summary>What became of a bank's notification.</summary>
internal enum NotificationOutcome
{
    /// <summary>Applied to the payment.</summary>
    Accepted,

    /// <summary>The same transaction and status were already accepted: answered as before, nothing changed.</summary>
    Duplicate,

    /// <summary>Valid, but news the payment has moved past (a "pending" after "paid").</summary>
    Ignored,
    BadSignature,

    /// <summary>Signed too long ago (or in the future): a replay.</summary>
    Stale,
    Malformed,
    UnknownReference,
    WrongAmount,

    /// <summary>The invoice was already paid, expired or cancelled, or the attempt had expired.</summary>
    NotPayable,
}

/// <summary>
/// Every notification a gateway sent, accepted or refused, with the reason: the record a finance officer and an
/// auditor read. At most one accepted per gateway, transaction and bank status, which makes retries and
/// concurrent duplicates harmless.
/// </summary>
internal sealed class GatewayNotification
{
    public Guid Id { get; init; }

    public required string Gateway { get; init; }

    /// <summary>The gateway's message id (<c>webhook-id</c>).</summary>
    public string? MessageId { get; init; }

    public string? TransactionId { get; init; }

    /// <summary><c>paid</c>, <c>pending</c> or <c>failed</c>, as the gateway said.</summary>
    public string? BankStatus { get; init; }

    public string? InvoiceNumber { get; init; }

    public long? AmountSatang { get; init; }

    public NotificationOutcome Outcome { get; init; }

    public string? Detail { get; init; }

    public Guid? PaymentId { get; init; }

    public DateTime ReceivedAt { get; init; }

    /// <summary>The body as received (cut at <see cref="MaxBody"/> characters), for disputes.</summary>
    public required string Body { get; init; }

    public const int MaxBody = 4000;
}
