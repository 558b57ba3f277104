using OneStop.SharedKernel;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Payments.Refunds;

internal enum RefundStatus
{
    /// <summary>Sent to the gateway, not yet confirmed.</summary>
    Submitted,
    Succeeded,
    Failed,
}

internal enum RefundTrigger
{
    Confirm,
    Fail,
}

/// <summary>
/// Money given back from one agency's share of a payment, by that agency's finance officer: never more than the
/// agency was paid on it, less what it already gave back.
/// </summary>
internal sealed class Refund
{
    public static readonly StateMachine<RefundStatus, RefundTrigger> Workflow = new("refund", (state, trigger) => (state, trigger) switch
    {
        (RefundStatus.Submitted, RefundTrigger.Confirm) => RefundStatus.Succeeded,
        (RefundStatus.Submitted, RefundTrigger.Fail) => RefundStatus.Failed,
        _ => null,
    });

    public Guid Id { get; init; }

    public Guid PaymentId { get; init; }

    public Guid InvoiceId { get; init; }

    public required string AgencyCode { get; init; }

    public long AmountSatang { get; init; }

    public required string Reason { get; init; }

    public RefundStatus Status { get; private set; }

    public required string RequestedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>The gateway's reference for the refund once it confirms.</summary>
    public string? GatewayReference { get; private set; }

    public Money Amount => new(AmountSatang);

    public Result<RefundStatus> Confirm(string gatewayReference, DateTime now)
    {
        var next = Workflow.Fire(Status, RefundTrigger.Confirm);
        if (next.IsSuccess)
        {
            Status = next.Value;
            GatewayReference = gatewayReference;
            CompletedAt = now;
        }

        return next;
    }
}
