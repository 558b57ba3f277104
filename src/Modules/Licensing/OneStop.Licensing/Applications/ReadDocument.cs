using Microsoft.EntityFrameworkCore;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Applications;

/// <summary>
/// A document uploaded with an application, for its applicant or for a reviewer of a licence that asks for it.
/// A reviewer's read is recorded in the application's history like opening the task.
/// </summary>
internal static class ReadDocument
{
    internal sealed record File(string FileName, string ContentType, byte[] Content);

    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, TimeProvider clock)
    {
        public async Task<Result<File>> ForApplicantAsync(Applicant applicant, Guid id, string key, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            if (await ApplicationAccess.LoadOwnedAsync(db, applicant, id, ct) is null)
            {
                return ApplicationAccess.NotFound(id);
            }

            return await FileAsync(id, key, ct) is { } file ? file : NoDocument(key);
        }

        public async Task<Result<File>> ForReviewerAsync(Officer officer, string name, Guid taskId, string key, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !officer.CanSee(task))
            {
                return TaskAccess.NotFound(taskId);
            }

            if (!officer.Roles.Contains(task.Role))
            {
                return TaskAccess.WrongRole(task.Role);
            }

            if (catalogue.Find(task.LicenceCode)?.Documents.Any(d => d.Key == key) != true || await FileAsync(task.ApplicationId, key, ct) is not { } file)
            {
                return NoDocument(key);
            }

            db.Events.Add(new ApplicationEvent
            {
                ApplicationId = task.ApplicationId, At = clock.UtcNowAsStored(), Kind = ApplicationEventKind.Viewed,
                LicenceCode = task.LicenceCode, AgencyCode = task.AgencyCode, Actor = name, Note = key,
            });
            await db.SaveChangesAsync(ct);
            return file;
        }

        private async Task<File?> FileAsync(Guid applicationId, string key, CancellationToken ct)
            => await db.Documents.AsNoTracking().Where(d => d.ApplicationId == applicationId && d.DocumentKey == key)
                .Select(d => new File(d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(ct);

        private static Error NoDocument(string key) => new("document.not_found", $"No uploaded document '{key}' here.", ErrorKind.NotFound);
    }
}
