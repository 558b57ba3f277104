using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Applications;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Areas.Licensing.Pages.Queue;

/// <summary>The officer's queue: their office's open and claimed tasks, soonest due first (the same query as the API).</summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class IndexModel(ApplicationQueries queries, ILicenceTerms catalogue) : PageModel
{
    /// <summary>Set by the decision page after a decision, shown once.</summary>
    public const string DecidedKey = "Licensing.Decided";

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public string? Decided { get; private set; }

    public bool HasNext => Tasks.Count == ApplicationQueries.PageSize;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        Decided = TempData[DecidedKey] as string;
        Tasks = await queries.QueueAsync(Officer.Of(User)!, Mine, SignedIn.SubjectOf(User), PageNumber, ct);
    }

    public string LicenceName(string code)
        => catalogue.Find(code) is { } terms ? Bilingual.Pick(terms.NameTh, terms.NameEn) : code;

    public string PageLink(int page) => $"/Licensing/Queue?{(Mine ? "mine=true&" : string.Empty)}p={page}";
}
