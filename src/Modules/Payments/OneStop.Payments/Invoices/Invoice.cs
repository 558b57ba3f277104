using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Payments.Invoices;

internal enum InvoiceStatus
{
    /// <summary>Waiting to be paid.</summary>
    Open,
    Paid,

    /// <summary>The due date passed unpaid.</summary>
    Expired,

    /// <summary>Withdrawn by the agency (a fine annulled, a fee waived).</summary>
    Cancelled,
}

internal enum InvoiceTrigger
{
    Pay,
    Expire,
    Cancel,
}

/// <summary>What an invoice is for.</summary>
internal enum InvoiceKind
{
    /// <summary>The fees of a licence application, one line per licence.</summary>
    LicenceFees,

    /// <summary>A fee for a service an agency raised through the API.</summary>
    ServiceFee,

    /// <summary>A fine an agency raised through the API.</summary>
    Fine,
}

/// <summary>
/// What a person or company owes, once: lines per agency (each agency's revenue kept apart), a due date, and
/// its number as reference 1 of the Thai QR bill payment, so the bank's notification names it.
/// </summary>
internal sealed class Invoice
{
    public static readonly StateMachine<InvoiceStatus, InvoiceTrigger> Workflow = new("invoice", (state, trigger) => (state, trigger) switch
    {
        (InvoiceStatus.Open, InvoiceTrigger.Pay) => InvoiceStatus.Paid,
        (InvoiceStatus.Open, InvoiceTrigger.Expire) => InvoiceStatus.Expired,
        (InvoiceStatus.Open, InvoiceTrigger.Cancel) => InvoiceStatus.Cancelled,
        _ => null,
    });

    public Guid Id { get; init; }

    /// <summary>Reference 1 of the bill payment: <c>INV</c>, the Buddhist year and eight random characters.</summary>
    public required string Number { get; init; }

    public InvoiceKind Kind { get; init; }

    public InvoiceStatus Status { get; private set; }

    /// <summary>The application whose fees these are (licence fees only).</summary>
    public Guid? ApplicationId { get; init; }

    /// <summary>What the payer knows it by: the application number, or the agency's own fine or fee reference.</summary>
    public required string Reference { get; init; }

    public required string PayerCitizenId { get; init; }

    public string? PayerJuristicId { get; init; }

    public required string PayerName { get; init; }

    public required string TitleTh { get; init; }

    public required string TitleEn { get; init; }

    /// <summary>The agency that raised it through the API (fines and service fees); null for licence fees.</summary>
    public string? RaisedBy { get; init; }

    /// <summary>The sum of the lines.</summary>
    public long AmountSatang { get; set; }

    /// <summary>What the portal's incentives took off the lines.</summary>
    public long DiscountSatang { get; set; }

    public long RefundedSatang { get; set; }

    public DateOnly DueOn { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? PaidAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>Bumped by every change, so that two changes at once cannot both pass (optimistic concurrency).</summary>
    public int Version { get; set; }

    public List<InvoiceLine> Lines { get; init; } = [];

    public Money Amount => new(AmountSatang);

    public Result<InvoiceStatus> Pay(DateTime now) => Move(InvoiceTrigger.Pay, () => PaidAt = now);

    public Result<InvoiceStatus> Expire(DateTime now) => Move(InvoiceTrigger.Expire, () => ClosedAt = now);

    public Result<InvoiceStatus> Cancel(DateTime now, string reason) => Move(InvoiceTrigger.Cancel, () =>
    {
        ClosedAt = now;
        CancelReason = reason;
    });

    private Result<InvoiceStatus> Move(InvoiceTrigger trigger, Action apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var next = Workflow.Fire(Status, trigger);
        if (next.IsSuccess)
        {
            Status = next.Value;
            apply();
            Version++;
        }

        return next;
    }
}

/// <summary>One agency's item on an invoice: a licence's fee, a fine, a service fee.</summary>
internal sealed class InvoiceLine
{
    public Guid Id { get; init; }

    public Guid InvoiceId { get; init; }

    public required string AgencyCode { get; init; }

    /// <summary>The licence code, or the agency's own item code.</summary>
    public required string ItemCode { get; init; }

    public required string DescriptionTh { get; init; }

    public required string DescriptionEn { get; init; }

    /// <summary>The fee before the portal's incentive.</summary>
    public long StandardSatang { get; init; }

    public long AmountSatang { get; init; }

    public long RefundedSatang { get; set; }

    public long DiscountSatang => StandardSatang - AmountSatang;
}

internal static class InvoiceNumbers
{
    /// <summary><c>INV2569</c> and eight random characters: 15 characters, within reference 1's 20, capitals and digits only.</summary>
    public static string NewInvoice(DateTime now) => New("INV", now);

    /// <summary><c>RCP2569</c> and eight random characters.</summary>
    public static string NewReceipt(DateTime now) => New("RCP", now);

    /// <summary><c>PAY</c> and eight random characters: reference 2 of one attempt to pay.</summary>
    public static string NewPayment() => "PAY" + ReadableCode.Random(8);

    private static string New(string prefix, DateTime now) => $"{prefix}{ReadableCode.BuddhistYear(now)}{ReadableCode.Random(8)}";
}
