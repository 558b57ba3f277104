using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Status;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Documents.Areas.Documents.Pages.Agency;

/// <summary>Suspend, reinstate or revoke one of the agency's licences, with the reason holders and verifiers will read.</summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class StatusModel(DocumentsDbContext db, ChangeStatus.Handler handler) : PageModel
{
    public IssuedDocument Document { get; private set; } = null!;

    public bool MayChange { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct) => await LoadAsync(number, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        var result = await handler.HandleAsync(Officer.Of(User)!, SignedIn.NameOf(User), number, new ChangeStatus.Request(Status, Reason), ct);
        if (!result.IsSuccess)
        {
            var error = result.Error!;
            ModelState.AddModelError(error.Field == "reason" ? nameof(Reason) : nameof(Status), error.Field switch
            {
                "reason" => Bilingual.Pick("ระบุเหตุผล 3 ถึง 500 ตัวอักษร ผู้รับใบอนุญาตและผู้ตรวจสอบจะเห็นข้อความนี้", "Give the reason in 3 to 500 characters: the holder and anyone checking read it."),
                "status" => Bilingual.Pick("เลือกว่าจะพักใช้ เพิกถอน หรือให้กลับมาใช้ได้", "Choose to suspend, revoke or reinstate."),
                _ => Bilingual.Pick("ใบอนุญาตที่ถูกเพิกถอนแล้วจะกลับมาใช้ไม่ได้", "A revoked licence cannot be reinstated."),
            });
            return Page();
        }

        Done = Bilingual.Pick("บันทึกสถานะแล้ว ผู้ตรวจสอบจะเห็นสถานะใหม่ทันที", "Saved: anyone checking sees the new status now.");
        return RedirectToPage(new { number });
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        var officer = Officer.Of(User)!;
        if (await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Number == number && d.AgencyCode == officer.AgencyCode, ct) is not { } document)
        {
            return false;
        }

        Document = document;
        MayChange = ChangeStatus.MayChange(officer, document.AgencyCode);
        return true;
    }
}
