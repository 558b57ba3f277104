using Microsoft.AspNetCore.Mvc;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>
/// One application: in a draft, the steps left (fill from the registries, questions, documents, check and
/// submit); once submitted, every licence's status, the office holding it, its due date and the history.
/// </summary>
internal sealed class DetailsModel(LicensingDbContext db, ApplicationQueries queries, ILicenceTerms catalogue,
    PrefillApplication.Handler prefill, ResubmitApplication.Handler resubmit) : ApplicationPageModel(db, queries, catalogue)
{
    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPrefillAsync(Guid id, CancellationToken ct)
    {
        var result = await prefill.HandleAsync(Applicant, id, ct);
        if (result.Error is { Kind: SharedKernel.ErrorKind.NotFound })
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, MessageFor(error));
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Done = "prefilled";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResubmitAsync(Guid id, CancellationToken ct)
    {
        var result = await resubmit.HandleAsync(Applicant, id, ct);
        if (result.Error is { Kind: SharedKernel.ErrorKind.NotFound })
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, MessageFor(error));
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Done = "resubmitted";
        return RedirectToPage(new { id });
    }

    /// <summary>The use cases' failures in the reader's language (their own messages are English, for the API).</summary>
    private static string MessageFor(SharedKernel.Error error) => error.Code switch
    {
        "registries.unreachable" => SharedKernel.Bilingual.Pick("ติดต่อทะเบียนของรัฐไม่ได้ในขณะนี้ กรอกคำตอบเองหรือลองใหม่ภายหลัง", "The state's registries cannot be reached now: fill in the answers yourself or try again later"),
        "application.submitted" => SharedKernel.Bilingual.Pick("คำขอนี้ยื่นแล้ว ดึงข้อมูลจากทะเบียนอีกไม่ได้", "This application is submitted: it can no longer be filled in from the registries"),
        "application.not_submitted" => SharedKernel.Bilingual.Pick("ยื่นคำขอก่อน แล้วจึงส่งคำขอที่แก้ไข", "Submit the application first"),
        _ => SharedKernel.Bilingual.Pick("คำขอเพิ่งถูกแก้ไขที่อื่น โหลดหน้านี้ใหม่แล้วลองอีกครั้ง", "The application was just changed elsewhere: reload this page and try again"),
    };
}
