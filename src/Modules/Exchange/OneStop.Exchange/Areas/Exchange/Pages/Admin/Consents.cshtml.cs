using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Exchange.Data;
using OneStop.Exchange.Admin;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>Consents for operators, with the data subjects masked (no personal data is read, so none is audited).</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class ConsentsModel(ExchangeDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Client { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    public IReadOnlyList<DirectoryApi.ConsentSummary> Consents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
        => Consents = await DirectoryApi.ConsentSummariesAsync(db, clock, Client, Service, 200, ct);
}
