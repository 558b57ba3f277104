using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Pdf;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Documents.Areas.Documents.Pages;

/// <summary>My licences: each e-licence with its state and the link anyone can check it at.</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class IndexModel(DocumentsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<IssuedDocument> Documents { get; private set; } = [];

    public string? CompanyName => ActingFor.CompanyName(User);

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken ct)
        => Documents = await Party.Of(User)!.Filter(db.Documents.AsNoTracking()).Where(d => d.Kind == DocumentKind.Licence).OrderByDescending(d => d.IssuedAt).Take(200).ToListAsync(ct);

    /// <summary>
    /// Where the holder renews a licence, from 90 days before it ends (and after): the renewal starts from its application's
    /// answers. Null when it is not time yet, it does not expire, it was revoked, or a later one of the same kind exists.
    /// </summary>
    public string? RenewLink(IssuedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document is { ValidUntil: { } until, ApplicationId: { } application, LicenceCode: { } code } && document.Status != DocumentStatus.Revoked
            && until - Now <= TimeSpan.FromDays(ReminderRules.DaysBefore[0])
            && !Documents.Any(d => d.LicenceCode == code && d.ValidUntil > until && d.Status != DocumentStatus.Revoked)
                ? $"/Licensing/Applications/{application}/Renew/{code}"
                : null;
    }

    /// <summary>The licence as a PDF to print or keep.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string number, [FromServices] DocumentPrints prints, CancellationToken ct)
        => await Party.Of(User)!.Filter(db.Documents.AsNoTracking()).SingleOrDefaultAsync(d => d.Number == number, ct) is { } document
            ? File(await prints.PdfAsync(document, ct), "application/pdf", DocumentPrints.FileName(document))
            : NotFound();
}
