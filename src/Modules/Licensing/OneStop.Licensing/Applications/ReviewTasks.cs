using Microsoft.EntityFrameworkCore;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Licensing.Applications;

/// <summary>Which tasks an officer may see: their agency's, and only their office's when they belong to one.</summary>
internal static class TaskAccess
{
    public static IQueryable<ReviewTask> VisibleTo(this IQueryable<ReviewTask> tasks, Officer officer)
        => officer.OfficeCode is { } office
            ? tasks.Where(t => t.AgencyCode == officer.AgencyCode && t.OfficeCode == office)
            : tasks.Where(t => t.AgencyCode == officer.AgencyCode);

    public static bool CanSee(this Officer officer, ReviewTask task)
        => task.AgencyCode == officer.AgencyCode && (officer.OfficeCode is null || officer.OfficeCode == task.OfficeCode);

    /// <summary>Another agency's task is not there at all for this officer, not merely forbidden.</summary>
    public static Error NotFound(Guid id) => new("review_task.not_found", $"No task {id} in your agency's queue.", ErrorKind.NotFound);

    public static Error WrongRole(string role)
        => new("review_task.role_required", $"This step is for an officer with the role '{role}'.", ErrorKind.Forbidden);
}

/// <summary>An officer takes a task from the queue (or gives it back), so two do not work on the same one.</summary>
internal static class ClaimTask
{
    internal sealed class Handler(LicensingDbContext db, TimeProvider clock)
    {
        public async Task<Result<ReviewTask>> HandleAsync(Officer officer, string subject, string name, Guid id, bool release, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (task is null || !officer.CanSee(task))
            {
                return TaskAccess.NotFound(id);
            }

            if (!officer.Roles.Contains(task.Role))
            {
                return TaskAccess.WrongRole(task.Role);
            }

            var wasClaimed = task.Status == ReviewTaskStatus.Claimed && task.ClaimedBy == subject;
            var moved = release ? task.Release(subject) : task.Claim(subject, name);
            if (!moved.IsSuccess)
            {
                return moved.Error!;
            }

            if (!release && wasClaimed)
            {
                return task; // claiming one's own task again
            }

            if (!release)
            {
                db.Events.Add(new ApplicationEvent
                {
                    ApplicationId = task.ApplicationId, At = clock.UtcNowAsStored(), Kind = ApplicationEventKind.Claimed,
                    LicenceCode = task.LicenceCode, AgencyCode = task.AgencyCode, Actor = name,
                });
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("review_task.claimed_by_another", "Another officer took this task a moment ago.");
            }

            return task;
        }
    }
}

/// <summary>
/// An officer decides a task: approve, send back marking the fields and documents at fault, or reject with
/// a reason. The decision names the task version the officer saw; a task decided or changed since is refused.
/// </summary>
internal static class DecideTask
{
    public const int MaxReasonLength = 2000;

    public sealed record Request(string? Outcome, string? Reason, IReadOnlyList<string>? Marked, int? Version);

    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, Agencies.Contracts.IWorkingDayCalendar calendar, TimeProvider clock)
    {
        public async Task<Result<ReviewTask>> HandleAsync(Officer officer, string subject, string name, Guid id, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            ArgumentNullException.ThrowIfNull(request);
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            if (task is null || !officer.CanSee(task))
            {
                return TaskAccess.NotFound(id);
            }

            if (!officer.Roles.Contains(task.Role))
            {
                return TaskAccess.WrongRole(task.Role);
            }

            if (Validate(request, catalogue.Find(task.LicenceCode)) is { } invalid)
            {
                return invalid;
            }

            var application = await db.Applications.Include(a => a.Licences).ThenInclude(l => l.Tasks).SingleAsync(a => a.Id == task.ApplicationId, ct);
            var licence = application.Licences.Single(l => l.Id == task.LicenceRequestId);
            var tracked = licence.Tasks.Single(t => t.Id == id);
            if (tracked.Version != request.Version)
            {
                return Error.Conflict("review_task.changed", $"The task changed since you opened it (version {tracked.Version}, not {request.Version}); reload it.");
            }

            var decision = new ReviewDecision(OutcomeOf(request.Outcome!), request.Reason, request.Marked ?? []);
            var now = clock.UtcNowAsStored();
            var watch = ReviewEvents.Watch(application);
            var today = DateOnly.FromDateTime(ThaiDates.ToThaiTime(now));
            var stopped = licence.PausedOn is { } paused && decision.Outcome == ReviewOutcome.Reject ? await calendar.CountWorkingDaysAsync(paused.AddDays(-1), today, ct) : 0;
            var alreadyWaiting = licence.Status == LicenceStatus.WaitingForApplicant;
            var decided = licence.Decide(tracked, decision, subject, today, now, stopped);
            if (!decided.IsSuccess)
            {
                return decided.Error!;
            }

            var kind = decision.Outcome switch
            {
                ReviewOutcome.Approve => ApplicationEventKind.Approved,
                ReviewOutcome.SendBack => ApplicationEventKind.SentBack,
                _ => ApplicationEventKind.Rejected,
            };
            application.Record(kind, now, name, licence.LicenceCode, tracked.AgencyCode, decision.Reason);
            watch.Publish(db, catalogue, clock, now);
            if (alreadyWaiting && decision.Outcome == ReviewOutcome.SendBack)
            {
                // A parallel reviewer marks more while the applicant corrects: they are told of it too.
                db.AddIntegrationEvent(new Contracts.LicenceSentBack(application.Id, application.Number, licence.LicenceCode, licence.AgencyCode, licence.Marked, decision.Reason), clock);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("review_task.changed", "Someone decided this application a moment ago; reload it.");
            }

            return tracked;
        }

        private static Error? Validate(Request request, LicenceTerms? terms)
        {
            if (request.Outcome is not ("approve" or "send-back" or "reject"))
            {
                return Error.Invalid("outcome", "The outcome is approve, send-back or reject.");
            }

            if (request.Version is null)
            {
                return Error.Invalid("version", "Give the version of the task you decided on.");
            }

            if (request.Reason is { Length: > MaxReasonLength })
            {
                return Error.Invalid("reason", $"At most {MaxReasonLength} characters.");
            }

            if (request.Outcome == "reject" && string.IsNullOrWhiteSpace(request.Reason))
            {
                return Error.Invalid("reason", "Give the applicant the reason for the rejection.");
            }

            if (request.Outcome == "send-back")
            {
                if (request.Marked is not { Count: > 0 } marked)
                {
                    return Error.Invalid("marked", "Mark the questions or documents the applicant must correct.");
                }

                var known = (terms?.Fields.Select(f => f.Key) ?? []).Concat(terms?.Documents.Select(d => d.Key) ?? []).ToHashSet(StringComparer.Ordinal);
                if (marked.Any(m => m is null || !known.Contains(m)))
                {
                    return Error.Invalid("marked", $"'{marked.First(m => m is null || !known.Contains(m))}' is not a question or document of this licence.");
                }
            }

            return null;
        }

        private static ReviewOutcome OutcomeOf(string outcome) => outcome switch
        {
            "approve" => ReviewOutcome.Approve,
            "send-back" => ReviewOutcome.SendBack,
            _ => ReviewOutcome.Reject,
        };
    }
}
