namespace OneStop.Payments.Invoices;

internal enum InvoiceEventKind
{
    Raised,
    PaymentStarted,
    PaymentPending,
    PaymentFailed,
    Paid,
    Refunded,
    Expired,
    Cancelled,

    /// <summary>An officer opened the invoice with the payer's details (the read is recorded, as the PDPA asks).</summary>
    ReadByOfficer,
}

/// <summary>A line of an invoice's history, which the payer sees, including who at an agency read their details.</summary>
internal sealed class InvoiceEvent
{
    public long Id { get; init; }

    public Guid InvoiceId { get; init; }

    public InvoiceEventKind Kind { get; init; }

    public DateTime At { get; init; }

    /// <summary>Who did it: an officer's name and agency, a gateway, or null for the payer or the platform.</summary>
    public string? Actor { get; init; }

    public string? Note { get; init; }
}
