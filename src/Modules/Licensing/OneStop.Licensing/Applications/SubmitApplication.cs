using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Messaging;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Licensing.Applications;

/// <summary>
/// The applicant declares the answers true and submits: every required question answered, every required
/// document uploaded or held by a registry that answered. Fees and days follow the channel; each licence's
/// clock starts. Submitting again (a double click, a retry) changes nothing and answers the same.
/// </summary>
internal static class SubmitApplication
{
    public sealed record Request(bool Declaration);

    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, IWorkingDayCalendar calendar, TimeProvider clock)
    {
        public async Task<Result<LicenceApplication>> HandleAsync(Applicant applicant, Guid id, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            ArgumentNullException.ThrowIfNull(request);
            var application = await ApplicationAccess.LoadOwnedAsync(db, applicant, id, ct);
            if (application is null)
            {
                return ApplicationAccess.NotFound(id);
            }

            if (application.Status != ApplicationStatus.Draft)
            {
                return application;
            }

            if (!request.Declaration)
            {
                return Error.Invalid("declaration", "Declare that the answers are true to submit.");
            }

            if (application.Licences.FirstOrDefault(l => catalogue.Find(l.LicenceCode) is null) is { } withdrawn)
            {
                return Error.Conflict("licence.withdrawn", $"The licence '{withdrawn.LicenceCode}' is no longer in the catalogue; start a new application without it.");
            }

            var terms = application.Licences.Select(l => catalogue.Find(l.LicenceCode)).OfType<LicenceTerms>().ToList();
            if (AnswerRules.UnionOf(terms).FirstOrDefault(f => f.Required && !application.Answers.ContainsKey(f.Key)) is { } unanswered)
            {
                return Error.Invalid($"answers.{unanswered.Key}", $"Answer '{unanswered.LabelEn}' before submitting.");
            }

            var uploaded = await db.Documents.Where(d => d.ApplicationId == id).Select(d => d.DocumentKey).ToListAsync(ct);
            if (AnswerRules.DocumentsOf(terms).FirstOrDefault(d => d.Required && !uploaded.Contains(d.Key) && !application.AvoidedCopies.Contains(d.Key)) is { } missing)
            {
                return Error.Invalid($"documents.{missing.Key}", $"Upload '{missing.NameEn}' before submitting.");
            }

            var now = clock.UtcNowAsStored();
            var today = DateOnly.FromDateTime(ThaiDates.ToThaiTime(now));
            var watch = ReviewEvents.Watch(application);
            foreach (var licence in application.Licences)
            {
                var (fee, days) = catalogue.Charge(licence.LicenceCode, application.Channel, application.Answers);
                licence.FeeSatang = fee;
                licence.SlaDays = days;
                foreach (var task in licence.Tasks)
                {
                    task.SubmittedAt = now;
                }

                licence.Submit(today, await calendar.AddWorkingDaysAsync(today, days, ct), now).ThrowIfFailed();
            }

            application.Submit(now).ThrowIfFailed();
            application.Record(ApplicationEventKind.Submitted, now, applicant.Actor);
            watch.Publish(db, catalogue, clock, now);
            db.AddIntegrationEvent(new ApplicationSubmitted(application.Id, application.Number, application.ApplicantCitizenId, application.JuristicId,
                application.Licences.Select(l => l.LicenceCode).ToList(), now), clock);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The same application submitted at the same moment from another tab: that submission stands.
                db.ChangeTracker.Clear();
                return await ApplicationAccess.LoadOwnedAsync(db, applicant, id, ct) is { Status: not ApplicationStatus.Draft } submitted
                    ? submitted
                    : Error.Conflict("application.changed", "The application changed while it was being submitted; try again.");
            }

            return application;
        }
    }
}

/// <summary>The applicant corrected what was marked and sends the sent-back licences back to their reviewers.</summary>
internal static class ResubmitApplication
{
    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, IWorkingDayCalendar calendar, TimeProvider clock)
    {
        public async Task<Result<LicenceApplication>> HandleAsync(Applicant applicant, Guid id, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            var application = await ApplicationAccess.LoadOwnedAsync(db, applicant, id, ct);
            if (application is null)
            {
                return ApplicationAccess.NotFound(id);
            }

            var waiting = application.Licences.Where(l => l.Status == LicenceStatus.WaitingForApplicant).ToList();
            if (waiting.Count == 0)
            {
                return application.Status == ApplicationStatus.Draft
                    ? Error.Conflict("application.not_submitted", "Submit the application first.")
                    : application; // already resubmitted: a retry changes nothing
            }

            var now = clock.UtcNowAsStored();
            var today = DateOnly.FromDateTime(ThaiDates.ToThaiTime(now));
            foreach (var licence in waiting)
            {
                // From the day it was sent back up to today, no working day counts against the agency: the clock restarts tomorrow.
                var stopped = licence.PausedOn is { } paused ? await calendar.CountWorkingDaysAsync(paused.AddDays(-1), today, ct) : 0;
                var due = licence.DueOn is { } d ? await calendar.AddWorkingDaysAsync(d, stopped, ct) : await calendar.AddWorkingDaysAsync(today, licence.SlaDays, ct);
                licence.Resubmit(stopped, due).ThrowIfFailed();
                if (catalogue.Find(licence.LicenceCode) is not null)
                {
                    // A corrected answer (the floor area, the seats) may change the fee; the days stay as promised.
                    licence.FeeSatang = catalogue.Charge(licence.LicenceCode, application.Channel, application.Answers).FeeSatang;
                }

                application.Record(ApplicationEventKind.Resubmitted, now, applicant.Actor, licence.LicenceCode, licence.AgencyCode);
            }

            application.Refresh();
            application.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("application.changed", "The application changed meanwhile; reload it and try again.");
            }

            return application;
        }
    }
}
