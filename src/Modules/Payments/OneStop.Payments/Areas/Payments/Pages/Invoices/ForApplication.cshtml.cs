using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages.Invoices;

/// <summary>
/// Where an application's page sends its applicant to pay: the application's invoice, or, until every agency has
/// decided, a page saying the fees come then.
/// </summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class ForApplicationModel(PaymentsDbContext db) : PageModel
{
    public Guid ApplicationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        ApplicationId = applicationId;
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.ApplicationId == applicationId, ct);
        if (invoice is not null && Party.Of(User)!.Owns(invoice))
        {
            return Redirect($"/Payments/Invoices/{invoice.Number}");
        }

        return Page();
    }
}
