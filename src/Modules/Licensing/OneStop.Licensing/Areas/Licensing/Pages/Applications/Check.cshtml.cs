using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>
/// Check your answers: every answer with a link to change it, the documents, each licence's fee and days for
/// this channel, and the declaration; submitting twice (a double click, a reload) submits once.
/// </summary>
internal sealed class CheckModel(LicensingDbContext db, ApplicationQueries queries, ILicenceTerms catalogue, SubmitApplication.Handler submit)
    : ApplicationPageModel(db, queries, catalogue)
{
    private readonly ILicenceTerms terms = catalogue;

    [BindProperty]
    public bool Declaration { get; set; }

    public IReadOnlyList<QuestionView> Unanswered { get; private set; } = [];

    public IReadOnlyList<DocumentNeedView> NotUploaded { get; private set; } = [];

    /// <summary>Each licence's fee and days were the application submitted now, by its channel.</summary>
    public IReadOnlyList<(LicenceView Licence, long FeeSatang, int SlaDays)> Charges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Application.Status == "draft" ? Arrange() : Redirect($"/Licensing/Applications/{id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await submit.HandleAsync(Applicant, id, new SubmitApplication.Request(Declaration), ct);
        if (result.Error is { Kind: ErrorKind.NotFound })
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            // Missing answers and documents are listed on the page with links; only the rest is a form error.
            if (error.Field is "declaration")
            {
                ModelState.AddModelError("declaration", Bilingual.Pick("ยืนยันว่าข้อมูลเป็นความจริงก่อนยื่นคำขอ", "Declare that the answers are true to submit"));
            }
            else if (error.Field?.StartsWith("answers.", StringComparison.Ordinal) != true && error.Field?.StartsWith("documents.", StringComparison.Ordinal) != true)
            {
                ModelState.AddModelError(string.Empty, error.Code == "licence.withdrawn"
                    ? Bilingual.Pick("ใบอนุญาตบางรายการถูกถอนออกจากรายการแล้ว โปรดเริ่มคำขอใหม่", "A licence was withdrawn from the catalogue; start a new application")
                    : Bilingual.Pick("คำขอเพิ่งถูกแก้ไขที่อื่น ตรวจทานแล้วยื่นอีกครั้ง", "The application was just changed elsewhere: check it and submit again"));
            }

            Arrange();
            if (ModelState.ErrorCount == 0)
            {
                ModelState.AddModelError(string.Empty, Bilingual.Pick("ยังยื่นไม่ได้ ทำรายการที่เหลือให้ครบก่อน", "You cannot submit yet: finish what is left first"));
            }

            return Page();
        }

        if (AtCounter)
        {
            // Once submitted, the walk-in follows it online: the counter's work is done.
            return Redirect($"/Licensing/Counter?submitted={Uri.EscapeDataString(result.Value!.Number)}");
        }

        TempData["Done"] = "submitted";
        return Redirect($"/Licensing/Applications/{id}");
    }

    /// <summary>An answer as the applicant reads it: yes or no in words, a date in the reader's calendar.</summary>
    public static string Shown(QuestionView q, string answer)
    {
        ArgumentNullException.ThrowIfNull(q);
        return q.Kind switch
        {
            "yes-no" => answer == "yes" ? Bilingual.Pick("ใช่", "Yes") : Bilingual.Pick("ไม่ใช่", "No"),
            "date" when DateOnly.TryParseExact(answer, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                => ThaiDates.FormatFor(date, System.Globalization.CultureInfo.CurrentUICulture),
            _ => answer,
        };
    }

    private PageResult Arrange()
    {
        var a = Application;
        Unanswered = a.Questions.Where(q => q.Required && !a.Answers.ContainsKey(q.Key)).ToList();
        NotUploaded = a.DocumentsNeeded.Where(d => d.Required && !d.Avoided && !d.Uploaded).ToList();
        var channel = Enum.Parse<OneStop.Licensing.Contracts.Channel>(a.Channel, ignoreCase: true);
        Charges = a.Licences.Where(l => terms.Find(l.Code) is not null)
            .Select(l => terms.Charge(l.Code, channel, a.Answers) is var (fee, days) ? (l, fee, days) : default)
            .ToList();
        return Page();
    }
}
