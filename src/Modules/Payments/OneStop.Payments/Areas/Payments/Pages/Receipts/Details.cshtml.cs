using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Payments.Invoices;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages.Receipts;

/// <summary>An e-receipt, to keep or print: the payer's own only.</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class DetailsModel(InvoiceQueries queries) : PageModel
{
    public ReceiptView Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await queries.FindReceiptAsync(Party.Of(User)!, number, ct) is not { } receipt)
        {
            return NotFound();
        }

        Receipt = receipt;
        return Page();
    }
}
