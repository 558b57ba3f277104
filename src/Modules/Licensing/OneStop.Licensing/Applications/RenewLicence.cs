using Microsoft.EntityFrameworkCore;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;

namespace OneStop.Licensing.Applications;

/// <summary>
/// Starts the renewal of a granted licence as a new draft filled from the application it came from: the same business,
/// premises and company, the answers and uploaded documents that licence asked for, and where each answer came from.
/// The applicant checks them, changes what changed, and submits; the agencies review and charge it as the catalogue says.
/// Asking again returns the renewal already started.
/// </summary>
internal static class RenewLicence
{
    public static readonly Error NotGranted = Error.Conflict("licence.not_granted", "Only a granted licence can be renewed.");

    public static readonly Error NotRenewable = Error.Conflict("licence.not_renewable", "This licence is not renewed: apply for it again instead.");

    internal sealed class Handler(LicensingDbContext db, StartApplication.Handler start, ILicenceTerms terms, TimeProvider clock)
    {
        public async Task<Result<LicenceApplication>> HandleAsync(Applicant applicant, Guid applicationId, string licenceCode, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            if (await ApplicationAccess.LoadOwnedAsync(db, applicant, applicationId, ct) is not { } previous
                || previous.Licences.FirstOrDefault(l => l.LicenceCode == licenceCode) is not { } licence)
            {
                return ApplicationAccess.NotFound(applicationId);
            }

            if (await FindAsync(applicationId, licenceCode, ct) is { } started)
            {
                return started;
            }

            if (licence.Status != LicenceStatus.Approved)
            {
                return NotGranted;
            }

            if (terms.Find(licenceCode) is not { Renewable: true } licenceTerms)
            {
                return NotRenewable;
            }

            var now = clock.UtcNowAsStored();
            // The renewal is the same holder's: the company the licence was granted to, whoever of it signs now.
            var holder = applicant with { JuristicId = previous.JuristicId, CompanyName = previous.CompanyName };
            var renewal = await start.NewAsync(holder, previous.BusinessTypeCode, [licenceTerms], previous.ProvinceCode, previous.DistrictCode, null, now, ct);
            renewal.RenewalOf = previous.Id;
            renewal.RenewalOfNumber = previous.Number;
            renewal.RenewalOfLicenceCode = licenceCode;
            var asked = licenceTerms.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            renewal.Answers = previous.Answers.Where(a => asked.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            renewal.Prefilled = previous.Prefilled.Where(asked.Contains).ToList();
            renewal.AvoidedCopies = [.. previous.AvoidedCopies.Where(k => licenceTerms.Documents.Any(d => d.Key == k))];
            db.Applications.Add(renewal);

            var documentKeys = licenceTerms.Documents.Select(d => d.Key).ToList();
            foreach (var document in await db.Documents.AsNoTracking().Where(d => d.ApplicationId == previous.Id && documentKeys.Contains(d.DocumentKey)).ToListAsync(ct))
            {
                db.Documents.Add(new ApplicationDocument
                {
                    Id = Guid.CreateVersion7(), ApplicationId = renewal.Id, DocumentKey = document.DocumentKey, FileName = document.FileName,
                    ContentType = document.ContentType, Size = document.Size, Content = document.Content, UploadedAt = document.UploadedAt,
                });
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return renewal;
            }
            catch (DbUpdateException)
            {
                // Two clicks at once: the other one's renewal is the one.
                db.ChangeTracker.Clear();
                return await FindAsync(applicationId, licenceCode, ct) is { } other ? other : ApplicationAccess.Changed;
            }
        }

        private Task<LicenceApplication?> FindAsync(Guid applicationId, string licenceCode, CancellationToken ct)
            => db.Applications.Include(a => a.Licences).ThenInclude(l => l.Tasks).SingleOrDefaultAsync(a => a.RenewalOf == applicationId && a.RenewalOfLicenceCode == licenceCode, ct);
    }
}
