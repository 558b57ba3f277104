using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Applications;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Areas.Licensing.Pages.Queue;

/// <summary>
/// The decision screen: a task with its application (opened through <see cref="OpenTask"/>, so the read is recorded),
/// claim and release, and the decision form. The rules live in the handlers the API uses too.
/// </summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class TaskModel(OpenTask.Handler open, ClaimTask.Handler claim, DecideTask.Handler decide, ILicenceTerms catalogue, ApplicationQueries queries, ReadDocument.Handler documents)
    : PageModel
{
    public OpenTask.Details Details { get; private set; } = null!;

    /// <summary>Set when the officer lacks the step's role: the page names the role and shows nothing of the application.</summary>
    public TaskView? Refused { get; private set; }

    public TaskView Work => Refused ?? Details.Task;

    public ApplicationView Application => Details.Application;

    /// <summary>The licence the task is about (null if the catalogue no longer has it).</summary>
    public LicenceTerms? Terms { get; private set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public List<string> Marked { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Someone else decided or changed the task since this officer opened it.</summary>
    public bool Conflict { get; private set; }

    /// <summary>A refusal that belongs to no field (a claim taken by another officer, a role the officer lacks).</summary>
    public string? Problem { get; private set; }

    public bool HasRole => Officer.Of(User)!.Roles.Contains(Work.Role);

    public bool Decidable => Work.Status is "open" or "claimed";

    public bool ClaimedByMe => Work.Status == "claimed" && Work.ClaimedByName == SignedIn.NameOf(User);

    public string RoleName => OfficerRoleNames.Of(Work.Role) is var (thai, english) ? Bilingual.Pick(thai, english) : Work.Role;

    public string LicenceName => Terms is { } terms ? Bilingual.Pick(terms.NameTh, terms.NameEn) : Work.LicenceCode;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    /// <summary>A document of the application, opened from the list (the read is recorded).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, string key, CancellationToken ct)
        => await documents.ForReviewerAsync(Officer.Of(User)!, SignedIn.NameOf(User), id, key, ct) is { Value: { } file }
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken ct) => ClaimAsync(id, release: false, ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) => ClaimAsync(id, release: true, ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct)
    {
        var request = new DecideTask.Request(Outcome, Reason, Outcome == "send-back" ? Marked : [], Version);
        var result = await decide.HandleAsync(Officer.Of(User)!, SignedIn.SubjectOf(User), SignedIn.NameOf(User), id, request, ct);
        if (result.Error is not { } error)
        {
            TempData[IndexModel.DecidedKey] = result.Value!.ApplicationNumber;
            return Redirect("/Licensing/Queue");
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (error.Kind == ErrorKind.Conflict || error.Field == "version")
        {
            Conflict = true;
        }
        else if (error.Field is { } field)
        {
            ModelState.AddModelError(field, MessageFor(field, error));
        }
        else
        {
            Problem = ProblemFor(error);
        }

        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ClaimAsync(Guid id, bool release, CancellationToken ct)
    {
        var result = await claim.HandleAsync(Officer.Of(User)!, SignedIn.SubjectOf(User), SignedIn.NameOf(User), id, release, ct);
        if (result.Error is not { } error)
        {
            return Redirect($"/Licensing/Queue/Task/{id}");
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problem = ProblemFor(error);
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var opened = await open.HandleAsync(Officer.Of(User)!, SignedIn.NameOf(User), id, ct);
        if (opened.Error is { Kind: ErrorKind.Forbidden } && await queries.TaskAsync(Officer.Of(User)!, id, ct) is { } refused)
        {
            Refused = refused;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!opened.IsSuccess)
        {
            return NotFound();
        }

        Details = opened.Value!;
        Terms = catalogue.Find(Work.LicenceCode);
        if (Conflict || Version is null)
        {
            Version = Work.Version; // a reload decides on what the officer now sees
        }

        return Page();
    }

    private string MessageFor(string field, Error error) => field switch
    {
        "outcome" => Bilingual.Pick("เลือกผลการพิจารณา", "Choose approve, send back or reject."),
        "marked" => Bilingual.Pick("เลือกคำถามหรือเอกสารที่ผู้ขอต้องแก้ไข", error.Message),
        "reason" when Reason is { Length: > DecideTask.MaxReasonLength }
            => Bilingual.Pick($"เหตุผลยาวได้ไม่เกิน {DecideTask.MaxReasonLength} ตัวอักษร", error.Message),
        "reason" => Bilingual.Pick("ระบุเหตุผลที่ไม่อนุมัติให้ผู้ขอทราบ", error.Message),
        _ => error.Message,
    };

    private static string ProblemFor(Error error) => error switch
    {
        { Kind: ErrorKind.Forbidden } => Bilingual.Pick("คุณไม่มีบทบาทที่ขั้นตอนนี้ต้องการ", "You do not hold the role this step needs."),
        { Code: "review_task.claimed_by_another" } => Bilingual.Pick("เจ้าหน้าที่คนอื่นเพิ่งรับงานนี้ไป", "Another officer took this task a moment ago."),
        _ => Bilingual.Pick("ทำรายการนี้ไม่ได้ในขณะนี้ เช่น งานถูกรับหรือพิจารณาไปแล้ว", error.Message),
    };
}
