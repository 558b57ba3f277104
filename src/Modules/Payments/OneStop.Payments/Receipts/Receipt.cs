namespace OneStop.Payments.Receipts;

/// <summary>
/// The numbered e-receipt of a payment: who paid what to which agencies, when. Until the Documents module signs
/// receipts, this record is the receipt; its number is printed and can be looked up.
/// </summary>
internal sealed class Receipt
{
    public Guid Id { get; init; }

    public required string Number { get; init; }

    public Guid InvoiceId { get; init; }

    public Guid PaymentId { get; init; }

    public required string InvoiceNumber { get; init; }

    public required string PayerCitizenId { get; init; }

    public string? PayerJuristicId { get; init; }

    public required string PayerName { get; init; }

    public long AmountSatang { get; init; }

    public DateTime IssuedAt { get; init; }
}
