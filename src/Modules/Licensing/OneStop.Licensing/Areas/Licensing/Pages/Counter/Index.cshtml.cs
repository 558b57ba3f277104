using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Areas.Licensing.Pages.Counter;

/// <summary>
/// The counter's start page: start an application for a walk-in, or carry on with one the office filed
/// (drafts, and those an agency sent back while the walk-in is at the counter).
/// </summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class IndexModel(ApplicationQueries queries, ILicenceCatalogue catalogue) : PageModel
{
    public IReadOnlyList<ApplicationSummary> Applications { get; private set; } = [];

    public IReadOnlyList<BusinessTypeDefinition> BusinessTypes => catalogue.BusinessTypes;

    public string? Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? submitted, CancellationToken ct)
    {
        if (CounterStaff.Of(User) is not { } staff)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Submitted = submitted;
        Applications = await queries.AtCounterAsync(staff.OfficeCode, ct);
        return Page();
    }

    public bool IsCounterStaff => CounterStaff.Of(User) is not null;
}
