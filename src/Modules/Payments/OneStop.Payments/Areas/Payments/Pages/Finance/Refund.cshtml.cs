using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Payments.Data;
using OneStop.Payments.Refunds;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages.Finance;

/// <summary>Give back part or all of the agency's share of one payment, with the reason the payer will read.</summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class RefundModel(PaymentsDbContext db, RefundPayment.Handler handler) : PageModel
{
    public PaymentsEndpoints.AgencyPayment Payment { get; private set; } = null!;

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Refunded { get; set; }

    public long Left => Payment.AgencySatang - Payment.AgencyRefundedSatang;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Amount ??= (Left / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // People type "1,500.50" or "฿150"; the separators and the sign carry no meaning here.
        if (!Money.TryParseBaht(Amount?.Replace(",", string.Empty, StringComparison.Ordinal).Replace("฿", string.Empty, StringComparison.Ordinal).Trim(), out var baht)
            || baht.Satang <= 0)
        {
            ModelState.AddModelError(nameof(Amount), Bilingual.Pick("ใส่จำนวนเงินเป็นบาท ทศนิยมไม่เกินสองตำแหน่ง เช่น 150.50", "Enter the amount in baht with at most two decimals, like 150.50."));
            return Page();
        }

        var result = await handler.HandleAsync(Officer.Of(User)!, SignedIn.NameOf(User), id, new RefundPayment.Request(baht.Satang, Reason), ct);
        if (!result.IsSuccess)
        {
            var error = result.Error!;
            ModelState.AddModelError(error.Field == "reason" ? nameof(Reason) : nameof(Amount), error.Field switch
            {
                "reason" => Bilingual.Pick("ระบุเหตุผลที่คืนเงิน ผู้ชำระจะเห็นข้อความนี้", "Say why the money is given back; the payer reads it."),
                "amountSatang" => Bilingual.Pick($"คืนได้ไม่เกิน {PaymentWording.Baht(Left)}", $"You can give back at most {PaymentWording.Baht(Left)}."),
                _ => error.Message,
            });
            return Page();
        }

        Refunded = PaymentWording.Baht(result.Value!.AmountSatang);
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (Officer.Of(User) is not { } officer)
        {
            return false;
        }

        // Found among the agency's own paid payments only: another agency's is as unknown as a missing one.
        var mine = await PaymentsEndpoints.AgencyPaymentOf(db, officer.AgencyCode, id, ct);
        if (mine is null)
        {
            return false;
        }

        Payment = mine;
        return true;
    }
}
