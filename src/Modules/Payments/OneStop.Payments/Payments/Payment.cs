using OneStop.SharedKernel;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Payments.Payments;

/// <summary>States of one attempt to pay, as GOV.UK Pay and the Comptroller General's e-payment name them.</summary>
internal enum PaymentStatus
{
    /// <summary>The QR code is shown; nothing heard from a bank yet.</summary>
    Created,

    /// <summary>The bank has the payment and is completing it.</summary>
    Pending,
    Paid,
    Failed,

    /// <summary>The code's time ran out unpaid.</summary>
    Expired,

    /// <summary>The payer gave up, or started again.</summary>
    Cancelled,
}

internal enum PaymentTrigger
{
    BankAccepted,
    BankPaid,
    BankFailed,
    Expire,
    Cancel,
}

/// <summary>
/// One attempt to pay an invoice: a dynamic Thai QR bill payment with the invoice number as reference 1 and the
/// attempt's own reference as reference 2, valid for <see cref="Lifetime"/>. A bank that pays a bill by reference 1
/// alone (a printed code, an app's bill menu) makes an attempt of its own when its notification arrives.
/// </summary>
internal sealed class Payment
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static readonly StateMachine<PaymentStatus, PaymentTrigger> Workflow = new("payment", (state, trigger) => (state, trigger) switch
    {
        (PaymentStatus.Created, PaymentTrigger.BankAccepted) => PaymentStatus.Pending,
        (PaymentStatus.Created or PaymentStatus.Pending, PaymentTrigger.BankPaid) => PaymentStatus.Paid,
        (PaymentStatus.Created or PaymentStatus.Pending, PaymentTrigger.BankFailed) => PaymentStatus.Failed,
        (PaymentStatus.Created or PaymentStatus.Pending, PaymentTrigger.Expire) => PaymentStatus.Expired,
        (PaymentStatus.Created, PaymentTrigger.Cancel) => PaymentStatus.Cancelled,
        _ => null,
    });

    public Guid Id { get; init; }

    public Guid InvoiceId { get; init; }

    /// <summary>Reference 2 of the code.</summary>
    public required string Reference { get; init; }

    public long AmountSatang { get; init; }

    public PaymentStatus Status { get; private set; }

    /// <summary>The Thai QR payload shown to the payer (null when the bank paid by reference 1 alone).</summary>
    public string? QrPayload { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    /// <summary>The gateway that told us of it and its transaction ID (unique per gateway).</summary>
    public string? Gateway { get; private set; }

    public string? TransactionId { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? FailureReason { get; private set; }

    public long RefundedSatang { get; set; }

    public int Version { get; set; }

    public Money Amount => new(AmountSatang);

    public bool IsLive(DateTime now) => Status is PaymentStatus.Created or PaymentStatus.Pending && now < ExpiresAt;

    public Result<PaymentStatus> Accept(string gateway, string transactionId) => Move(PaymentTrigger.BankAccepted, () => Identify(gateway, transactionId));

    public Result<PaymentStatus> Complete(string gateway, string transactionId, DateTime paidAt) => Move(PaymentTrigger.BankPaid, () =>
    {
        Identify(gateway, transactionId);
        PaidAt = paidAt;
    });

    public Result<PaymentStatus> Fail(string gateway, string transactionId, string reason, DateTime now) => Move(PaymentTrigger.BankFailed, () =>
    {
        Identify(gateway, transactionId);
        FailureReason = reason;
        ClosedAt = now;
    });

    public Result<PaymentStatus> Expire(DateTime now) => Move(PaymentTrigger.Expire, () => ClosedAt = now);

    public Result<PaymentStatus> Cancel(DateTime now) => Move(PaymentTrigger.Cancel, () => ClosedAt = now);

    private void Identify(string gateway, string transactionId)
    {
        Gateway = gateway;
        TransactionId = transactionId;
    }

    private Result<PaymentStatus> Move(PaymentTrigger trigger, Action apply)
    {
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
