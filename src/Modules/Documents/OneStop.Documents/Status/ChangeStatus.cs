using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Verification;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Documents.Status;

/// <summary>
/// The issuing agency suspends a document (an inspection, a dispute), reinstates it, or revokes it for good; the
/// agency's status lists change with it, so verifiers holding only the published lists see the same. Asking for
/// the state a document is already in changes nothing (a retry is harmless).
/// </summary>
internal static class ChangeStatus
{
    /// <param name="Status"><c>suspended</c>, <c>revoked</c> or <c>active</c> (to reinstate a suspended document).</param>
    /// <param name="Reason">Why, in words the holder and verifiers read.</param>
    public sealed record Request(string? Status, string? Reason);

    /// <summary>Who may: the issuing agency's approvers and administrators.</summary>
    public static bool MayChange(Officer officer, string agencyCode)
        => officer is not null && officer.AgencyCode == agencyCode
            && (officer.Roles.Contains(OfficerRoleCodes.Approver) || officer.Roles.Contains(OfficerRoleCodes.AgencyAdmin));

    internal sealed class Handler(DocumentsDbContext db, DocumentStatuses statuses, TimeProvider clock)
    {
        public async Task<Result<IssuedDocument>> HandleAsync(Officer officer, string by, string number, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            ArgumentNullException.ThrowIfNull(request);
            DocumentTrigger? trigger = request.Status switch
            {
                "suspended" => DocumentTrigger.Suspend,
                "revoked" => DocumentTrigger.Revoke,
                "active" => DocumentTrigger.Reinstate,
                _ => null,
            };
            if (trigger is null)
            {
                return Error.Invalid("status", "The status is 'suspended', 'revoked' or 'active'.");
            }

            var reason = request.Reason?.Trim();
            if (reason is not { Length: >= 3 and <= 500 })
            {
                return Error.Invalid("reason", "Give the reason in 3 to 500 characters: the holder and anyone verifying read it.");
            }

            return await db.RetryOnConflictAsync<Result<IssuedDocument>>(async attemptCt =>
            {
                // Another agency's document is "not found", so numbers cannot be probed.
                if (await db.Documents.SingleOrDefaultAsync(d => d.Number == number, attemptCt) is not { } document || !MayChange(officer, document.AgencyCode))
                {
                    return Error.NotFound("document", number);
                }

                var target = trigger switch { DocumentTrigger.Suspend => DocumentStatus.Suspended, DocumentTrigger.Revoke => DocumentStatus.Revoked, _ => DocumentStatus.Active };
                if (document.Status == target)
                {
                    return document;
                }

                var changed = document.Change(trigger.Value, reason, by, clock.GetUtcNow().UtcDateTime);
                if (!changed.IsSuccess)
                {
                    return changed.Error!;
                }

                var list = await db.StatusLists.SingleAsync(l => l.AgencyCode == document.AgencyCode && l.Number == document.StatusList, attemptCt);
                list.Revoked = StatusList.With(list.Revoked, document.StatusIndex, document.Status == DocumentStatus.Revoked);
                list.Suspended = StatusList.With(list.Suspended, document.StatusIndex, document.Status == DocumentStatus.Suspended);
                list.Version++;
                db.AddIntegrationEvent(new DocumentStatusChanged(document.Number, document.ApplicationId, document.LicenceCode, document.AgencyCode,
                    request.Status!, reason, document.StatusChangedAt!.Value), clock);
                await db.SaveChangesAsync(attemptCt);
                statuses.Forget(document.Number);
                return document;
            }, ct);
        }
    }
}
