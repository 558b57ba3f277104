using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Payments.Data;
using OneStop.Payments.Reconciliation;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages.Finance;

/// <summary>The collecting agency's finance officer uploads the bank's statement and reads what does not match.</summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class ReconciliationModel(PaymentsDbContext db, PaymentSettings settings, Reconcile.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Run { get; set; }

    public PaymentsEndpoints.ReconciliationView? Report { get; private set; }

    public IReadOnlyList<ReconciliationRun> Earlier { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Allowed())
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? statement, CancellationToken ct)
    {
        if (!Allowed())
        {
            return Forbid();
        }

        if (statement is null || statement.Length is 0 or > Reconcile.MaxBytes)
        {
            ModelState.AddModelError("Statement", Bilingual.Pick("เลือกไฟล์รายการเดินบัญชี (CSV) ขนาดไม่เกิน 5 MB", "Choose the statement file (CSV) of at most 5 MB."));
            await LoadAsync(ct);
            return Page();
        }

        using var buffer = new MemoryStream();
        await statement.CopyToAsync(buffer, ct);
        var result = await handler.HandleAsync(Officer.Of(User)!, SignedIn.NameOf(User), statement.FileName, buffer.ToArray(), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("Statement", result.Error!.Message);
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage(new { run = result.Value!.Id });
    }

    private bool Allowed() => Officer.Of(User)?.May(OfficerRoleCodes.Finance, settings.CollectingAgency) == true;

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Run is { } id && await db.Reconciliations.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, ct) is { } run)
        {
            Report = PaymentsEndpoints.ViewOf(run);
        }

        Earlier = await db.Reconciliations.AsNoTracking().OrderByDescending(r => r.ImportedAt).Take(10).ToListAsync(ct);
    }

    /// <summary>Why an item is listed, in the reader's language (the API's note is English).</summary>
    public static string Note(PaymentsEndpoints.ReconciliationItemView item) => item.Kind switch
    {
        "mismatched" when item.StatementSatang != item.RecordedSatang => Bilingual.Pick(
            $"รายการเดินบัญชี {PaymentWording.Baht(item.StatementSatang ?? 0)} ระบบบันทึก {PaymentWording.Baht(item.RecordedSatang ?? 0)}",
            $"The statement says {PaymentWording.Baht(item.StatementSatang ?? 0)}, we recorded {PaymentWording.Baht(item.RecordedSatang ?? 0)}."),
        "mismatched" => Bilingual.Pick("เลขอ้างอิงไม่ตรงกับที่ระบบบันทึก", "The reference differs from the one recorded."),
        "unmatched" => Bilingual.Pick("ไม่มีรายการชำระนี้ในระบบ", "No payment of ours has this transaction."),
        "missing" => Bilingual.Pick("ระบบบันทึกว่าชำระแล้ว แต่ไม่มีในรายการเดินบัญชี", "Recorded as paid, but not on the statement."),
        _ => string.Empty,
    };

    public static string Kind(string kind) => kind switch
    {
        "matched" => Bilingual.Pick("ตรงกัน", "Matched"),
        "mismatched" => Bilingual.Pick("ไม่ตรงกัน", "Mismatched"),
        "unmatched" => Bilingual.Pick("ไม่มีในระบบ", "Not ours"),
        "missing" => Bilingual.Pick("ไม่มีในรายการเดินบัญชี", "Missing from the statement"),
        _ => kind,
    };
}
