using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>The second step of sign-in (AAL2): a code from the authenticator app, or a recovery code.</summary>
internal sealed class SecondFactorModel(UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, TotpAuthenticator totp, TimeProvider clock) : PageModel
{
    private const string HeldClaim = "held_account";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Level { get; set; } = 2;

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Remembers, for five minutes, who gave the right password and still owes the second factor.</summary>
    public static Task HoldAsync(HttpContext http, Accounts.Account account)
        => http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(HeldClaim, account.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));

    public async Task<IActionResult> OnGetAsync() => await HeldAsync() is null ? LocalRedirect(ProtocolEndpoints.SignInPage) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await HeldAsync();
        if (account is null)
        {
            return LocalRedirect($"{ProtocolEndpoints.SignInPage}?ReturnUrl={Uri.EscapeDataString(ReturnUrl ?? "")}&Level={Level}");
        }

        if (await users.IsLockedOutAsync(account))
        {
            ModelState.AddModelError(nameof(Code), Bilingual.Pick("บัญชีถูกล็อกชั่วคราว กรุณาลองใหม่ในอีก 15 นาที", "The account is locked for 15 minutes after too many wrong codes."));
            return Page();
        }

        var method = Assurance.Methods.OneTimePassword;
        var valid = await totp.VerifyAsync(account, Code);
        if (!valid && Code?.Trim() is { Length: > 6 } recovery)
        {
            valid = (await users.RedeemTwoFactorRecoveryCodeAsync(account, recovery.Replace(" ", string.Empty, StringComparison.Ordinal))).Succeeded;
            method = Assurance.Methods.RecoveryCode;
        }

        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), Bilingual.Pick("รหัสไม่ถูกต้องหรือใช้ไปแล้ว กรุณาใช้รหัสปัจจุบันจากแอป", "The code is wrong or was used already; enter the current code from your app."));
            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInModel.SignInWithMethodsAsync(signIns, account, clock, Assurance.Methods.Password, method);
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }

    private async Task<Accounts.Account?> HeldAsync()
    {
        var held = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return held.Principal?.FindFirst(HeldClaim)?.Value is { } id ? await users.FindByIdAsync(id) : null;
    }
}
