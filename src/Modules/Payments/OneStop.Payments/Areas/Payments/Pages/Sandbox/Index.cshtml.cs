using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Payments.Sandbox;
using OneStop.Payments.ThaiQr;
using OneStop.SharedKernel;

namespace OneStop.Payments.Areas.Payments.Pages.Sandbox;

/// <summary>
/// The sandbox bank's app, for trying the journey locally: it reads a Thai QR code and pays it (or declines it), and the
/// bank's signed notification reaches the platform as a real one would. Absent (404) where the sandbox is off.
/// </summary>
[Authorize]
internal sealed class IndexModel(PaymentSettings settings, SandboxPayer payer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Payload { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public ThaiQrData? Code { get; private set; }

    public IReadOnlyList<SandboxPayer.Sent> Sent { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!settings.SandboxEnabled)
        {
            return NotFound();
        }

        Read();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? outcome, CancellationToken ct)
    {
        if (!settings.SandboxEnabled)
        {
            return NotFound();
        }

        var result = await payer.PayAsync(Payload, outcome == "failed" ? SandboxOutcome.Failed : SandboxOutcome.Paid, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(nameof(Payload), result.Error!.Message);
            Read();
            return Page();
        }

        Sent = result.Value!;
        return Url.IsLocalUrl(ReturnUrl) && Sent.All(s => s.HttpStatus == 200) ? LocalRedirect(ReturnUrl) : Page();
    }

    private void Read()
    {
        if (!string.IsNullOrWhiteSpace(Payload))
        {
            var read = ThaiQrCode.Parse(Payload);
            if (read.IsSuccess)
            {
                Code = read.Value;
            }
            else
            {
                ModelState.AddModelError(nameof(Payload), read.Error!.Message);
            }
        }
    }

    public static string Amount(long? satang) => satang is { } s ? new Money(s).ToDisplayString() : Bilingual.Pick("ไม่ระบุ", "none");
}
