using Microsoft.AspNetCore.Mvc;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>
/// The application's questions, a few per page (each question once, however many licences ask it); once sent
/// back, only the questions the reviewers marked, on one page.
/// </summary>
internal sealed class QuestionsModel(LicensingDbContext db, ApplicationQueries queries, ILicenceTerms catalogue, SaveAnswers.Handler save)
    : ApplicationPageModel(db, queries, catalogue)
{
    public const int PerPage = 5;

    // Not "page": Razor Pages keep the page's own path in the route value of that name, which binding reads first.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    public IReadOnlyList<QuestionView> Shown { get; private set; } = [];

    public int Pages { get; private set; }

    /// <summary>What the person typed, shown again when something did not fit.</summary>
    public Dictionary<string, string> Typed { get; } = new(StringComparer.Ordinal);

    public string ValueOf(QuestionView q) => Typed.TryGetValue(q.Key, out var typed) ? typed : Application.Answers.GetValueOrDefault(q.Key) ?? string.Empty;

    public bool FromRegistry(QuestionView q) => Application.Prefilled.Contains(q.Key) && !Typed.ContainsKey(q.Key);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Arrange() ? Page() : Redirect($"/Licensing/Applications/{id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Arrange())
        {
            return Redirect($"/Licensing/Applications/{id}");
        }

        // Only what the person changed is saved: an answer sent back as it was shown stays the registry's if it came from one.
        var changed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var q in Shown)
        {
            var value = Request.Form[q.Key].ToString().Trim();
            Typed[q.Key] = value;
            if (value != (Application.Answers.GetValueOrDefault(q.Key) ?? string.Empty))
            {
                changed[q.Key] = value;
            }
        }

        if (changed.Count > 0 && await save.HandleAsync(Applicant, id, new SaveAnswers.Request(changed), ct) is { Error: { } error })
        {
            var key = error.Field?.StartsWith("answers.", StringComparison.Ordinal) == true ? error.Field["answers.".Length..] : null;
            var question = Shown.FirstOrDefault(q => q.Key == key);
            ModelState.AddModelError(question?.Key ?? string.Empty, error.Code switch
            {
                "application.changed" => Bilingual.Pick("คำขอเพิ่งถูกแก้ไขที่อื่น ตรวจคำตอบแล้วบันทึกอีกครั้ง", "The application was just changed elsewhere; check your answers and save again"),
                "application.field_locked" => Bilingual.Pick("แก้ได้เฉพาะข้อที่หน่วยงานขอ", "You can correct only what the agency asked for"),
                _ when question is not null => MessageFor(question),
                _ => Bilingual.Pick("บันทึกคำตอบไม่ได้ ลองอีกครั้ง", "Your answers could not be saved; try again"),
            });
            return Page();
        }

        return Application.Editable is null && PageNumber < Pages
            ? Redirect($"/Licensing/Applications/{id}/Questions?p={PageNumber + 1}")
            : Redirect(Application.Editable is null ? $"/Licensing/Applications/{id}/Check" : $"/Licensing/Applications/{id}");
    }

    public static string MessageFor(QuestionView q) => q.Kind switch
    {
        "number" => Bilingual.Pick($"กรอก{q.LabelTh}เป็นตัวเลข 0 ขึ้นไป", $"Enter {q.LabelEn.ToLowerInvariant()} as a number, 0 or more"),
        "date" => Bilingual.Pick($"กรอก{q.LabelTh}เป็นวันที่จริง", $"Enter {q.LabelEn.ToLowerInvariant()} as a real date"),
        "yes-no" => Bilingual.Pick($"เลือกใช่หรือไม่ใช่สำหรับ{q.LabelTh}", $"Choose yes or no for {q.LabelEn.ToLowerInvariant()}"),
        "choice" => Bilingual.Pick($"เลือก{q.LabelTh}จากรายการ", $"Choose {q.LabelEn.ToLowerInvariant()} from the list"),
        _ => Bilingual.Pick($"{q.LabelTh}ยาวเกินไป", $"{q.LabelEn} is too long"),
    };

    /// <summary>Which questions this page shows; false when there is nothing the applicant may change.</summary>
    private bool Arrange()
    {
        if (Application.Editable is { } editable)
        {
            Shown = Application.Questions.Where(q => editable.Contains(q.Key)).ToList();
            Pages = 1;
            PageNumber = 1;
            return Shown.Count > 0;
        }

        Pages = Math.Max(1, (Application.Questions.Count + PerPage - 1) / PerPage);
        if (Key is not null && Application.Questions.ToList().FindIndex(q => q.Key == Key) is var index and >= 0)
        {
            PageNumber = (index / PerPage) + 1;
        }

        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Shown = Application.Questions.Skip((PageNumber - 1) * PerPage).Take(PerPage).ToList();
        return true;
    }
}
