using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>My applications: what needs my action first, then the rest, newest first.</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class IndexModel(ApplicationQueries queries, ILicenceCatalogue catalogue) : PageModel
{
    /// <summary>The business type's name in the reader's language (its code only if it left the catalogue).</summary>
    public string BusinessTypeName(string code) => catalogue.FindBusinessType(code)?.Name.Pick() ?? code;

    public IReadOnlyList<ApplicationSummary> Applications { get; private set; } = [];

    public string? CompanyName => ActingFor.CompanyName(User);

    public async Task OnGetAsync(CancellationToken ct)
        => Applications = (await queries.MineAsync(Applicant.Of(User)!, ct)).OrderByDescending(a => a.WaitingForYou > 0 || a.Status == "draft").ToList();
}
