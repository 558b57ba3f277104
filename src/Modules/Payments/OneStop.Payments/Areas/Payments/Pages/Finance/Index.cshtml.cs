using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Agencies.Contracts;
using OneStop.Payments.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages.Finance;

/// <summary>A finance officer's start page: what the agency was paid, newest first, each with its refunds.</summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class IndexModel(PaymentsDbContext db, PaymentSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PaymentsEndpoints.AgencyPayment> Payments { get; private set; } = [];

    public bool Reconciles { get; private set; }

    [TempData]
    public string? Refunded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Officer.Of(User) is not { } officer || !officer.Roles.Contains(OfficerRoleCodes.Finance))
        {
            return Forbid();
        }

        PageNumber = Math.Max(PageNumber, 1);
        Reconciles = officer.May(OfficerRoleCodes.Finance, settings.CollectingAgency);
        Payments = await PaymentsEndpoints.AgencyPaymentsOf(db, officer.AgencyCode, PageNumber, ct);
        return Page();
    }
}
