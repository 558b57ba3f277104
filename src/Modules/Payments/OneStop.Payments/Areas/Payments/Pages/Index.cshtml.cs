using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Payments.Invoices;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages;

/// <summary>My payments: invoices to pay first, then the paid ones with their receipts.</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class IndexModel(InvoiceQueries queries) : PageModel
{
    public IReadOnlyList<InvoiceSummary> ToPay { get; private set; } = [];

    public IReadOnlyList<InvoiceSummary> Others { get; private set; } = [];

    public string? CompanyName => ActingFor.CompanyName(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await queries.MineAsync(Party.Of(User)!, ct);
        ToPay = [.. all.Where(i => i.Status == "open").OrderBy(i => i.DueOn)];
        Others = [.. all.Where(i => i.Status != "open")];
    }
}
