using OneStop.SharedKernel.Messaging;

namespace OneStop.Payments.Contracts;

/// <summary>An invoice was raised: for an application's licence fees (<see cref="ApplicationId"/>), or a fine or fee an agency raised.</summary>
public sealed record InvoiceRaised(Guid InvoiceId, string Number, Guid? ApplicationId, string Reference, long AmountSatang, DateOnly DueOn) : IIntegrationEvent;

/// <summary>
/// An invoice is settled: paid in full (with its receipt), or owing nothing. Documents issues the e-licences of an
/// application once its fees are paid, and signs the receipt; each agency's items say what it was paid. The payer,
/// the title and the collecting agency (whose account took the money) are what the signed receipt shows.
/// </summary>
public sealed record InvoicePaid(Guid InvoiceId, string Number, Guid? ApplicationId, string Reference, long AmountSatang, IReadOnlyList<PaidItem> Items,
    string? ReceiptNumber, DateTime PaidAt, string? PayerCitizenId = null, string? PayerJuristicId = null, string? PayerName = null, string? TitleTh = null,
    string? TitleEn = null, string? CollectedBy = null) : IIntegrationEvent;

/// <summary>One agency's item of a paid invoice.</summary>
public sealed record PaidItem(string AgencyCode, string ItemCode, long AmountSatang);

/// <summary>An agency gave money back from a payment.</summary>
public sealed record RefundIssued(Guid RefundId, Guid InvoiceId, string InvoiceNumber, string AgencyCode, long AmountSatang, DateTime At) : IIntegrationEvent;
