using OneStop.SharedKernel.Messaging;

namespace OneStop.Payments.Contracts;

/// <summary>An invoice was raised: for an application's licence fees (<see cref="ApplicationId"/>), or a fine or fee an agency raised.</summary>
public sealed record InvoiceRaised(Guid InvoiceId, string Number, Guid? ApplicationId, string Reference, long AmountSatang, DateOnly DueOn) : IIntegrationEvent;

/// <summary>
/// An invoice is settled: paid in full (with its receipt), or owing nothing. Documents issues the e-licences of an
/// application once its fees are paid; each agency's items say what it was paid.
/// </summary>
public sealed record InvoicePaid(Guid InvoiceId, string Number, Guid? ApplicationId, string Reference, long AmountSatang, IReadOnlyList<PaidItem> Items,
    string? ReceiptNumber, DateTime PaidAt) : IIntegrationEvent;

/// <summary>One agency's item of a paid invoice.</summary>
public sealed record PaidItem(string AgencyCode, string ItemCode, long AmountSatang);

/// <summary>An agency gave money back from a payment.</summary>
public sealed record RefundIssued(Guid RefundId, Guid InvoiceId, string InvoiceNumber, string AgencyCode, long AmountSatang, DateTime At) : IIntegrationEvent;
