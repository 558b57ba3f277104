using Microsoft.AspNetCore.Mvc;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>
/// Renew a licence (reached from "My licences" and from the expiry reminder): says what will be reused, and starts the
/// renewal as a new draft filled from the application the licence came from.
/// </summary>
internal sealed class RenewModel(LicensingDbContext db, ApplicationQueries queries, ILicenceTerms catalogue, RenewLicence.Handler renew)
    : ApplicationPageModel(db, queries, catalogue)
{
    [FromRoute]
    public string Licence { get; set; } = string.Empty;

    [TempData]
    public string? Done { get; set; }

    /// <summary>Why the licence cannot be renewed here, in the reader's words; null when it can.</summary>
    public string? CannotRenew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Application.Licences.FirstOrDefault(l => l.Code == Licence) is not { } licence)
        {
            return NotFound();
        }

        CannotRenew = licence.Status != "approved" ? MessageFor(RenewLicence.NotGranted)
            : Catalogue.Find(Licence) is { Renewable: true } ? null
            : MessageFor(RenewLicence.NotRenewable);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await renew.HandleAsync(Applicant, id, Licence, ct);
        if (result.Error is { Kind: ErrorKind.NotFound })
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            CannotRenew = MessageFor(error);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Done = "renewal";
        return Redirect($"/Licensing/Applications/{result.Value!.Id}");
    }

    private static string MessageFor(Error error) => error.Code switch
    {
        "licence.not_granted" => Bilingual.Pick("ต่ออายุได้เฉพาะใบอนุญาตที่ได้รับอนุมัติแล้ว", "Only a granted licence can be renewed"),
        "licence.not_renewable" => Bilingual.Pick("ใบอนุญาตนี้ต่ออายุไม่ได้ ยื่นคำขอใหม่แทน", "This licence is not renewed: apply for it again instead"),
        _ => Bilingual.Pick("คำขอเพิ่งถูกแก้ไขที่อื่น โหลดหน้านี้ใหม่แล้วลองอีกครั้ง", "The application was just changed elsewhere: reload this page and try again"),
    };
}
