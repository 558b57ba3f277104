using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Agencies.Contracts;
using OneStop.Payments.Invoices;
using OneStop.Payments.Payments;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Areas.Payments.Pages.Invoices;

/// <summary>
/// Pay an invoice: what it is for (each agency's lines, what applying online saved), the due date, and a Thai QR code
/// to scan with any banking app. A small script reloads the page when the bank reports; without it, "check now" does.
/// </summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class DetailsModel(InvoiceQueries queries, StartPayment.Handler start, CancelPayment.Handler cancel, PaymentSettings settings, IAgencyDirectory agencies,
    TimeProvider clock) : PageModel
{
    private readonly Dictionary<string, string> agencyNames = new(StringComparer.Ordinal);

    public InvoiceView Invoice { get; private set; } = null!;

    /// <summary>The code to scan now, if one is live.</summary>
    public PaymentView? Live { get; private set; }

    public string? QrImage { get; private set; }

    public bool Sandbox => settings.SandboxEnabled;

    public string AgencyName(string code) => agencyNames.GetValueOrDefault(code, code);

    /// <summary>Who did a step of the history, in words: the agency's name for its code, the bank for a gateway.</summary>
    public string ActorName(string actor) => actor == OneStop.Payments.Sandbox.SandboxBank.Gateway ? Bilingual.Pick("ธนาคารจำลอง", "Sandbox bank") : AgencyName(actor);

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await queries.FindOwnedAsync(Party.Of(User)!, number, ct) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = await queries.ViewAsync(invoice, ct);
        foreach (var code in Invoice.Lines.Select(l => l.AgencyCode).Distinct(StringComparer.Ordinal))
        {
            agencyNames[code] = await agencies.FindAgencyAsync(code, ct) is { } agency ? Bilingual.Pick(agency.NameTh, agency.NameEn) : code;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Live = Invoice.Status == "open" ? Invoice.Payments.LastOrDefault(p => p.Status is "created" or "pending" && p.ExpiresAt > now) : null;
        QrImage = Live?.QrPayload is { } payload ? ThaiQr.QrImage.DataUrl(payload) : null;
        return Page();
    }

    /// <summary>What the page's script watches: the invoice's state and its live code's, which change when the bank reports.</summary>
    public async Task<IActionResult> OnGetStatusAsync(string number, CancellationToken ct)
        => await queries.StatusAsync(Party.Of(User)!, number, ct) is { } status ? new JsonResult(new { status }) : NotFound();

    public static string StatusOf(InvoiceView invoice)
        => InvoiceQueries.StatusText(invoice.Status, invoice.Payments.Count > 0 ? invoice.Payments[^1].Status : null);

    public async Task<IActionResult> OnPostPayAsync(string number, CancellationToken ct)
    {
        if (await queries.FindOwnedAsync(Party.Of(User)!, number, ct) is not { } invoice)
        {
            return NotFound();
        }

        var result = await start.HandleAsync(invoice, ct);
        if (!result.IsSuccess)
        {
            Done = "not-open";
        }

        return RedirectToPage(new { number });
    }

    public async Task<IActionResult> OnPostCancelAsync(string number, string reference, CancellationToken ct)
    {
        if (await queries.FindOwnedAsync(Party.Of(User)!, number, ct) is not { } invoice)
        {
            return NotFound();
        }

        Done = (await cancel.HandleAsync(invoice, reference, ct)).IsSuccess ? "cancelled" : "not-cancelled";
        return RedirectToPage(new { number });
    }
}
