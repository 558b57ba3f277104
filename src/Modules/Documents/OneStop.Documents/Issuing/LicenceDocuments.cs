using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Data;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Contracts;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Documents.Issuing;

/// <summary>
/// Issues each approved licence as an e-licence once its application's fees are paid (or nothing was owed). The two
/// events may come in either order and more than once: each is kept, and whichever completes the pair issues.
/// </summary>
internal sealed class LicenceDocuments(DocumentsDbContext db, IssueDocument issue, ILicenceCatalogue catalogue, TimeProvider clock) :
    IIntegrationEventHandler<LicenceApproved>, IIntegrationEventHandler<InvoicePaid>
{
    public Task HandleAsync(Guid messageId, LicenceApproved integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return db.ConsumeOnceAsync(messageId, nameof(LicenceDocuments), clock, async ct =>
        {
            var e = integrationEvent;
            if (!await db.LicencesToIssue.AnyAsync(l => l.ApplicationId == e.ApplicationId && l.LicenceCode == e.LicenceCode, ct))
            {
                db.LicencesToIssue.Add(new LicenceToIssue
                {
                    Id = Guid.CreateVersion7(), ApplicationId = e.ApplicationId, ApplicationNumber = e.Number, LicenceCode = e.LicenceCode, AgencyCode = e.AgencyCode,
                    HolderCitizenId = e.HolderCitizenId, HolderJuristicId = e.HolderJuristicId,
                    HolderName = Fit(e.HolderName, 300) ?? e.HolderJuristicId ?? e.HolderCitizenId,
                    BusinessName = Fit(e.BusinessName, 300), PremisesAddress = Fit(e.PremisesAddress, 500), ApprovedAt = e.ApprovedAt, RenewalOf = e.RenewalOf,
                });
                await db.SaveChangesAsync(ct);
            }

            await IssueWhenPaidAsync(e.ApplicationId, ct);
        }, cancellationToken);
    }

    public Task HandleAsync(Guid messageId, InvoicePaid integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent.ApplicationId is not { } applicationId)
        {
            return Task.CompletedTask; // a fine or a service fee: no licence comes of it
        }

        return db.ConsumeOnceAsync(messageId, nameof(LicenceDocuments), clock, async ct =>
        {
            if (!await db.PaidApplications.AnyAsync(p => p.ApplicationId == applicationId, ct))
            {
                db.PaidApplications.Add(new PaidApplication
                {
                    ApplicationId = applicationId, InvoiceNumber = integrationEvent.Number, ReceiptNumber = integrationEvent.ReceiptNumber, PaidAt = integrationEvent.PaidAt,
                });
                await db.SaveChangesAsync(ct);
            }

            await IssueWhenPaidAsync(applicationId, ct);
        }, cancellationToken);
    }

    private async Task IssueWhenPaidAsync(Guid applicationId, CancellationToken ct)
    {
        if (!await db.PaidApplications.AnyAsync(p => p.ApplicationId == applicationId, ct))
        {
            return;
        }

        var due = await db.LicencesToIssue.Where(l => l.ApplicationId == applicationId && l.DocumentNumber == null).OrderBy(l => l.LicenceCode).ToListAsync(ct);
        foreach (var licence in due)
        {
            var document = await issue.LicenceAsync(licence, catalogue.FindLicence(licence.LicenceCode), ct);
            licence.DocumentNumber = document.Number;
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private static string? Fit(string? text, int length) => text is { Length: > 0 } t ? t.Length <= length ? t : t[..length] : null;
}
