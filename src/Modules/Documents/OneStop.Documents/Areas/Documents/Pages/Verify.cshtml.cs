using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Verification;
using OneStop.SharedKernel;

namespace OneStop.Documents.Areas.Documents.Pages;

/// <summary>
/// Where a licence's QR code leads: anyone, signed in or not, sees whether it is genuine and in force, and what it
/// says. The stored credential goes through the same checks as the API, so the page cannot say more than the signature does.
/// </summary>
[AllowAnonymous]
internal sealed class VerifyModel(DocumentsDbContext db, VerifyCredential.Handler verifier, IAgencyDirectory agencies) : PageModel
{
    public IssuedDocument Document { get; private set; } = null!;

    public VerifyCredential.Result Result { get; private set; } = null!;

    public string AgencyName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Number == number, ct) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        Result = await verifier.HandleAsync(document.Credential, ct, document);
        AgencyName = await agencies.FindAgencyAsync(document.AgencyCode, ct) is { } agency ? Bilingual.Pick(agency.NameTh, agency.NameEn) : document.AgencyCode;
        return Page();
    }
}
