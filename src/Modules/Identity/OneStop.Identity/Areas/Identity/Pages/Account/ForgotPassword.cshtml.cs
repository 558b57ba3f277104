using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// "Forgot your password?": the e-mail or citizen ID, then the same answer whether or not an account
/// exists, so that the page tells nobody who has a Digital ID. The link goes to the account's e-mail.
/// </summary>
internal sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Login) || Login.Length > 256)
        {
            ModelState.AddModelError(nameof(Login), Bilingual.Pick("กรุณากรอกอีเมล หรือเลขประจำตัวประชาชน 13 หลัก", "Enter your e-mail or 13-digit citizen ID."));
            return Page();
        }

        await reset.RequestAsync(Login, ct);
        Sent = true;
        return Page();
    }
}
