using OneStop.SharedKernel;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Licensing.Applications;

internal enum ReviewTaskStatus
{
    /// <summary>A later stage: opens when the stages before it approve.</summary>
    Waiting,

    /// <summary>In the office's queue, nobody working on it.</summary>
    Open,

    /// <summary>An officer took it.</summary>
    Claimed,

    Approved,

    /// <summary>Sent back to the applicant; opens again when they resubmit.</summary>
    SentBack,

    Rejected,

    /// <summary>Not needed any more: another step rejected the licence.</summary>
    Cancelled,
}

internal enum ReviewTaskTrigger
{
    Open,
    Claim,
    Release,
    Approve,
    SendBack,
    Reject,
    Reopen,
    Cancel,
}

internal enum ReviewOutcome
{
    Approve,
    SendBack,
    Reject,
}

/// <summary>An officer's decision: sending back marks the fields and documents at fault, rejecting gives a reason.</summary>
internal sealed record ReviewDecision(ReviewOutcome Outcome, string? Reason, IReadOnlyList<string> Marked);

/// <summary>
/// One step of a licence's review, in one agency office's queue for one role. Its fields beside the
/// workflow (application number, licence, applicant, submission time) are copied from the application so
/// an office's queue is read from this table alone.
/// </summary>
internal sealed class ReviewTask
{
    public static readonly StateMachine<ReviewTaskStatus, ReviewTaskTrigger> Flow = new("review_task", static (state, trigger) => (state, trigger) switch
    {
        (ReviewTaskStatus.Waiting, ReviewTaskTrigger.Open) => ReviewTaskStatus.Open,
        (ReviewTaskStatus.Open, ReviewTaskTrigger.Claim) => ReviewTaskStatus.Claimed,
        (ReviewTaskStatus.Claimed, ReviewTaskTrigger.Release) => ReviewTaskStatus.Open,
        (ReviewTaskStatus.Open or ReviewTaskStatus.Claimed, ReviewTaskTrigger.Approve) => ReviewTaskStatus.Approved,
        (ReviewTaskStatus.Open or ReviewTaskStatus.Claimed, ReviewTaskTrigger.SendBack) => ReviewTaskStatus.SentBack,
        (ReviewTaskStatus.Open or ReviewTaskStatus.Claimed, ReviewTaskTrigger.Reject) => ReviewTaskStatus.Rejected,
        (ReviewTaskStatus.SentBack, ReviewTaskTrigger.Reopen) => ReviewTaskStatus.Open,
        (ReviewTaskStatus.Waiting or ReviewTaskStatus.Open or ReviewTaskStatus.Claimed or ReviewTaskStatus.SentBack, ReviewTaskTrigger.Cancel) => ReviewTaskStatus.Cancelled,
        _ => null,
    });

    public Guid Id { get; init; }

    public Guid LicenceRequestId { get; init; }

    public Guid ApplicationId { get; init; }

    public required string ApplicationNumber { get; init; }

    public required string LicenceCode { get; init; }

    /// <summary>Who the application is for, as the queue shows it (the company, or the person).</summary>
    public required string ApplicantName { get; init; }

    /// <summary>Stages run in order; the tasks of one stage run in parallel.</summary>
    public int Stage { get; init; }

    public required string AgencyCode { get; init; }

    /// <summary>The office the premises' province and district route the task to.</summary>
    public required string OfficeCode { get; init; }

    /// <summary>The officer role that may decide it (see the Agencies contract's role codes).</summary>
    public required string Role { get; init; }

    /// <summary>The catalogue lets this step approve itself when it opens (e.g. a registration the rules grant).</summary>
    public bool AutoApprove { get; init; }

    public ReviewTaskStatus Status { get; private set; }

    public DateTime? SubmittedAt { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateTime? OpenedAt { get; private set; }

    public string? ClaimedBy { get; private set; }

    public string? ClaimedByName { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? Reason { get; private set; }

    public List<string> Marked { get; private set; } = [];

    /// <summary>Changed on every write; a decision names the version it saw (optimistic concurrency).</summary>
    public int Version { get; set; }

    public bool IsFinished => Status is ReviewTaskStatus.Approved or ReviewTaskStatus.Rejected or ReviewTaskStatus.Cancelled;

    public bool IsInQueue => Status is ReviewTaskStatus.Open or ReviewTaskStatus.Claimed;

    /// <summary>An officer takes the task; taking one's own task again changes nothing.</summary>
    public Result<ReviewTaskStatus> Claim(string officer, string officerName)
    {
        if (Status == ReviewTaskStatus.Claimed && ClaimedBy == officer)
        {
            return Status;
        }

        if (Status == ReviewTaskStatus.Claimed)
        {
            return ClaimedElsewhere();
        }

        var next = Move(ReviewTaskTrigger.Claim);
        if (next.IsSuccess)
        {
            ClaimedBy = officer;
            ClaimedByName = officerName;
        }

        return next;
    }

    /// <summary>The officer who took the task gives it back to the queue.</summary>
    public Result<ReviewTaskStatus> Release(string officer)
    {
        if (Status == ReviewTaskStatus.Claimed && ClaimedBy != officer)
        {
            return ClaimedElsewhere();
        }

        var next = Move(ReviewTaskTrigger.Release);
        if (next.IsSuccess)
        {
            ClaimedBy = null;
            ClaimedByName = null;
        }

        return next;
    }

    internal Result<ReviewTaskStatus> Decide(ReviewDecision decision, string officer, DateTime now)
    {
        if (Status == ReviewTaskStatus.Claimed && ClaimedBy != officer)
        {
            return ClaimedElsewhere();
        }

        var next = Move(decision.Outcome switch
        {
            ReviewOutcome.Approve => ReviewTaskTrigger.Approve,
            ReviewOutcome.SendBack => ReviewTaskTrigger.SendBack,
            ReviewOutcome.Reject => ReviewTaskTrigger.Reject,
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.Outcome, "Unknown outcome."),
        });
        if (next.IsSuccess)
        {
            DecidedBy = officer;
            DecidedAt = now;
            Reason = decision.Reason;
            Marked = [.. decision.Marked];
        }

        return next;
    }

    internal void Open(DateTime now)
    {
        Move(ReviewTaskTrigger.Open).ThrowIfFailed();
        OpenedAt = now;
        if (AutoApprove)
        {
            Move(ReviewTaskTrigger.Approve).ThrowIfFailed();
            DecidedBy = "system";
            DecidedAt = now;
        }
    }

    internal void Reopen()
    {
        Move(ReviewTaskTrigger.Reopen).ThrowIfFailed();
        ClaimedBy = null;
        ClaimedByName = null;
        DecidedBy = null;
        DecidedAt = null;
        Marked = [];
    }

    internal void Cancel() => Move(ReviewTaskTrigger.Cancel).ThrowIfFailed();

    private static Error ClaimedElsewhere()
        => Error.Conflict("review_task.claimed_by_another", "Another officer is working on this task.");

    private Result<ReviewTaskStatus> Move(ReviewTaskTrigger trigger)
    {
        var next = Flow.Fire(Status, trigger);
        if (next.IsSuccess)
        {
            Status = next.Value;
            Version++;
        }

        return next;
    }
}
