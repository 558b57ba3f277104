using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>Sets up an authenticator app (TOTP), which makes sign-in two-step (AAL2), and shows recovery codes once.</summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class AuthenticatorModel(UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, TotpAuthenticator totp, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        await ShowAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        if (!account.TwoFactorEnabled && !await totp.VerifyAsync(account, Code))
        {
            ModelState.AddModelError(nameof(Code), Bilingual.Pick("รหัสไม่ถูกต้อง ตรวจสอบว่าเวลาในโทรศัพท์ถูกต้อง แล้วกรอกรหัสปัจจุบัน", "The code is wrong; check your phone's clock and enter the current code."));
            await ShowAsync(account);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? []];
        // The person has just proved both factors: the session is now two-step.
        await SignInModel.SignInWithMethodsAsync(signIns, account, clock, Assurance.Methods.Password, Assurance.Methods.OneTimePassword);
        Enabled = true;
        return Page();
    }

    private async Task ShowAsync(Accounts.Account account)
    {
        Enabled = account.TwoFactorEnabled;
        if (!Enabled)
        {
            Key = await totp.KeyAsync(account);
            QrSvg = TotpAuthenticator.QrSvg(TotpAuthenticator.Uri(account.Email ?? account.Id.ToString(), Key));
        }
    }

    public string ContinueUrl => SignInModel.SafeReturnUrl(ReturnUrl);
}
