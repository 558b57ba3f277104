using OneStop.SharedKernel;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Licensing.Applications;

/// <summary>Where one licence of an application stands.</summary>
internal enum LicenceStatus
{
    /// <summary>Part of an application not yet submitted.</summary>
    Draft,

    /// <summary>With the agencies; the clock runs.</summary>
    InReview,

    /// <summary>Sent back: the applicant corrects what was marked; the clock stops.</summary>
    WaitingForApplicant,

    Approved,
    Rejected,
}

internal enum LicenceTrigger
{
    Submit,
    SendBack,
    Resubmit,
    Approve,
    Reject,
}

/// <summary>
/// One licence asked for in an application, reviewed by its agencies' tasks in stages: the tasks of one
/// stage run in parallel, the next stage opens when all of them approve. Due dates count working days
/// from submission and stop while the licence waits on the applicant.
/// </summary>
internal sealed class LicenceRequest
{
    public static readonly StateMachine<LicenceStatus, LicenceTrigger> Flow = new("licence", static (state, trigger) => (state, trigger) switch
    {
        (LicenceStatus.Draft, LicenceTrigger.Submit) => LicenceStatus.InReview,
        (LicenceStatus.InReview, LicenceTrigger.SendBack) => LicenceStatus.WaitingForApplicant,
        (LicenceStatus.WaitingForApplicant, LicenceTrigger.SendBack) => LicenceStatus.WaitingForApplicant, // a parallel reviewer marks more
        (LicenceStatus.WaitingForApplicant, LicenceTrigger.Resubmit) => LicenceStatus.InReview,
        (LicenceStatus.InReview, LicenceTrigger.Approve) => LicenceStatus.Approved,
        (LicenceStatus.InReview or LicenceStatus.WaitingForApplicant, LicenceTrigger.Reject) => LicenceStatus.Rejected,
        _ => null,
    });

    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public required string LicenceCode { get; init; }

    /// <summary>The agency that issues the licence.</summary>
    public required string AgencyCode { get; init; }

    public LicenceStatus Status { get; private set; }

    /// <summary>The fee for the channel the application came through, in satang.</summary>
    public long FeeSatang { get; set; }

    /// <summary>The service level for the channel, in working days.</summary>
    public int SlaDays { get; set; }

    public DateOnly? SubmittedOn { get; private set; }

    public DateOnly? DueOn { get; private set; }

    /// <summary>Set while the licence waits on the applicant: the clock stopped that day.</summary>
    public DateOnly? PausedOn { get; private set; }

    /// <summary>Working days the clock has stood still in all, for the record and the statistics.</summary>
    public int StoppedWorkingDays { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>Why the licence was rejected, in the officer's words.</summary>
    public string? Reason { get; private set; }

    /// <summary>Field and document keys the reviewers marked for correction (the applicant may change only these).</summary>
    public List<string> Marked { get; private set; } = [];

    public List<ReviewTask> Tasks { get; init; } = [];

    /// <summary>Changed on every write: two officers deciding at once cannot both win.</summary>
    public int Version { get; set; }

    public bool IsDecided => Status is LicenceStatus.Approved or LicenceStatus.Rejected;

    /// <summary>The applicant submits: the clock starts and the first stage opens.</summary>
    public Result<LicenceStatus> Submit(DateOnly today, DateOnly dueOn, DateTime now)
    {
        var next = Move(LicenceTrigger.Submit);
        if (next.IsSuccess)
        {
            SubmittedOn = today;
            DueOn = dueOn;
            foreach (var task in Tasks)
            {
                task.DueOn = dueOn;
            }

            OpenNextStage(now);
        }

        return next;
    }

    /// <summary>
    /// An officer decides <paramref name="task"/>; the licence follows from all its tasks. A licence rejected while it
    /// waits on the applicant adds <paramref name="stoppedWhilePaused"/> (working days since it was sent back) to the clock's stops.
    /// </summary>
    public Result<LicenceStatus> Decide(ReviewTask task, ReviewDecision decision, string officer, DateOnly today, DateTime now, int stoppedWhilePaused = 0)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(decision);
        if (!Tasks.Contains(task))
        {
            throw new ArgumentException("The task is not one of this licence's.", nameof(task));
        }

        var decided = task.Decide(decision, officer, now);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        // Parallel tasks of one licence are different rows: the licence's own version makes two decisions at once collide.
        Version++;

        switch (decision.Outcome)
        {
            case ReviewOutcome.Approve:
                OpenNextStage(now);
                break;
            case ReviewOutcome.SendBack:
                var sentBack = Move(LicenceTrigger.SendBack);
                if (!sentBack.IsSuccess)
                {
                    return sentBack;
                }

                PausedOn ??= today;
                Marked = Marked.Union(decision.Marked, StringComparer.Ordinal).ToList();
                break;
            case ReviewOutcome.Reject:
                var rejected = Move(LicenceTrigger.Reject);
                if (!rejected.IsSuccess)
                {
                    return rejected;
                }

                Reason = decision.Reason;
                DecidedAt = now;
                StoppedWorkingDays += stoppedWhilePaused;
                PausedOn = null;
                foreach (var other in Tasks.Where(t => !t.IsFinished))
                {
                    other.Cancel();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision.Outcome, "Unknown outcome.");
        }

        return Status;
    }

    /// <summary>
    /// The applicant corrected what was marked: the tasks that sent it back open again and the due date
    /// moves by the <paramref name="stoppedWorkingDays"/> the clock stood still.
    /// </summary>
    public Result<LicenceStatus> Resubmit(int stoppedWorkingDays, DateOnly newDueOn)
    {
        var next = Move(LicenceTrigger.Resubmit);
        if (next.IsSuccess)
        {
            StoppedWorkingDays += stoppedWorkingDays;
            DueOn = newDueOn;
            PausedOn = null;
            Marked = [];
            foreach (var task in Tasks)
            {
                task.DueOn = newDueOn;
                if (task.Status == ReviewTaskStatus.SentBack)
                {
                    task.Reopen();
                }
            }
        }

        return next;
    }

    /// <summary>Whether the licence is past its due date on <paramref name="today"/> (never while the clock stands still).</summary>
    public bool IsOverdue(DateOnly today) => Status == LicenceStatus.InReview && DueOn is { } due && today > due;

    /// <summary>Opens the earliest stage not yet approved, approving automatic steps on the way; approves the licence when none is left.</summary>
    private void OpenNextStage(DateTime now)
    {
        while (true)
        {
            if (Tasks.Any(t => t.Status is ReviewTaskStatus.Open or ReviewTaskStatus.Claimed or ReviewTaskStatus.SentBack))
            {
                return; // the current stage is still being reviewed
            }

            var stage = Tasks.Where(t => t.Status == ReviewTaskStatus.Waiting).Select(t => (int?)t.Stage).Min();
            if (stage is null)
            {
                if (Status == LicenceStatus.InReview && Tasks.All(t => t.Status == ReviewTaskStatus.Approved))
                {
                    Move(LicenceTrigger.Approve);
                    DecidedAt = now;
                }

                return;
            }

            foreach (var task in Tasks.Where(t => t.Stage == stage))
            {
                task.Open(now);
            }
        }
    }

    private Result<LicenceStatus> Move(LicenceTrigger trigger)
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
