using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages.Receipts;

/// <summary>An e-receipt, to keep or print: the payer's own only.</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class DetailsModel(PaymentsDbContext db) : PageModel
{
    public PaymentsEndpoints.ReceiptView Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Number == number, ct);
        var invoice = receipt is null ? null : await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == receipt.InvoiceId, ct);
        if (receipt is null || invoice is null || !Payer.Of(User)!.Owns(invoice))
        {
            return NotFound();
        }

        Receipt = PaymentsEndpoints.ReceiptOf(receipt, invoice);
        return Page();
    }
}
