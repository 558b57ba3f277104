using Microsoft.EntityFrameworkCore;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;

namespace OneStop.Licensing.Applications;

/// <summary>
/// Saves answers to a draft (any field of its licences) or, once sent back, to the fields the reviewers
/// marked. An empty value clears an answer. Nothing is saved unless every value fits.
/// </summary>
internal static class SaveAnswers
{
    public const int MaxAnswersPerRequest = 200;

    public sealed record Request(IReadOnlyDictionary<string, string?>? Answers);

    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, TimeProvider clock)
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

            if (request.Answers is not { Count: > 0 and <= MaxAnswersPerRequest } answers)
            {
                return Error.Invalid("answers", $"Send the answers as an object of 1 to {MaxAnswersPerRequest} fields.");
            }

            var fields = AnswerRules.UnionOf(application.Licences.Select(l => catalogue.Find(l.LicenceCode)).OfType<LicenceTerms>()).ToDictionary(f => f.Key, StringComparer.Ordinal);
            var editable = application.EditableFields();
            foreach (var (key, value) in answers)
            {
                if (!fields.TryGetValue(key, out var field))
                {
                    return Error.Invalid($"answers.{key}", $"'{key}' is not a question of this application.");
                }

                if (editable is not null && !editable.Contains(key))
                {
                    return Error.Conflict("application.field_locked", $"'{key}' cannot be changed now: only what the reviewers marked can be corrected.") with { Field = $"answers.{key}" };
                }

                if (value is { Length: > 0 } && AnswerRules.Check(field, value) is { } problem)
                {
                    return Error.Invalid($"answers.{key}", problem);
                }
            }

            var merged = new Dictionary<string, string>(application.Answers, StringComparer.Ordinal);
            foreach (var (key, value) in answers)
            {
                if (value is { Length: > 0 })
                {
                    merged[key] = value;
                }
                else
                {
                    merged.Remove(key);
                }

                // An answer the applicant changed is theirs, not the registry's; one sent back unchanged stays the registry's.
                if (application.Answers.GetValueOrDefault(key) != merged.GetValueOrDefault(key))
                {
                    application.Prefilled.Remove(key);
                }
            }

            var now = clock.UtcNowAsStored();
            if (application.Status == ApplicationStatus.ActionRequired)
            {
                RecordSharedChanges(application, answers.Keys.Where(k => application.Answers.GetValueOrDefault(k) != merged.GetValueOrDefault(k)), now, applicant.Actor);
            }

            application.Answers = merged;
            application.UpdatedAt = now;
            application.Version++;
            return await ApplicationAccess.SaveAsync(db, ct) is { } changed ? changed : application;
        }

        /// <summary>
        /// A corrected answer that licences not sent back also use is written into their history, so their
        /// agencies know the answer they decided on has changed.
        /// </summary>
        private void RecordSharedChanges(LicenceApplication application, IEnumerable<string> changedKeys, DateTime now, string actor)
        {
            foreach (var key in changedKeys)
            {
                foreach (var licence in application.Licences.Where(l => l.Status != LicenceStatus.WaitingForApplicant
                    && catalogue.Find(l.LicenceCode)?.Fields.Any(f => f.Key == key) == true))
                {
                    application.Record(ApplicationEventKind.AnswerChanged, now, actor, licence.LicenceCode, licence.AgencyCode, key);
                }
            }
        }
    }
}

/// <summary>Loading an application for the person it belongs to; anyone else is told it does not exist.</summary>
internal static class ApplicationAccess
{
    public static async Task<LicenceApplication?> LoadOwnedAsync(LicensingDbContext db, Applicant applicant, Guid id, CancellationToken ct)
    {
        var application = await db.Applications.Include(a => a.Licences).ThenInclude(l => l.Tasks).SingleOrDefaultAsync(a => a.Id == id, ct);
        return application is not null && applicant.Owns(application) ? application : null;
    }

    public static Error NotFound(Guid id) => new("application.not_found", $"No application {id} of yours.", ErrorKind.NotFound);

    /// <summary>Saves, or tells the caller the application changed meanwhile (another tab, a double click) instead of failing.</summary>
    public static async Task<Error?> SaveAsync(LicensingDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Changed;
        }
    }

    public static readonly Error Changed = Error.Conflict("application.changed", "The application changed meanwhile; reload it and try again.");
}
