using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Server;
using OneStop.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>Sign in with an e-mail address or citizen ID and a password (AAL1).</summary>
internal sealed class SignInModel(UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The authenticator level the service asks for (1 = AAL1, 2 = AAL2, 3 = phishing-resistant).</summary>
    [BindProperty(SupportsGet = true)]
    public int Level { get; set; } = 1;

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var login = Login?.Trim() ?? string.Empty;
        var account = login.Contains('@', StringComparison.Ordinal)
            ? await users.FindByEmailAsync(login)
            : await users.Users.SingleOrDefaultAsync(a => a.CitizenId == login, HttpContext.RequestAborted);
        var result = account is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIns.CheckPasswordSignInAsync(account, Password ?? string.Empty, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "บัญชีถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง กรุณาลองใหม่ในอีก 15 นาที / The account is locked for 15 minutes after too many wrong passwords.");
            return Page();
        }

        if (!result.Succeeded)
        {
            // The same answer whether the account exists or not.
            ModelState.AddModelError(nameof(Login), "อีเมล/เลขประจำตัวประชาชน หรือรหัสผ่านไม่ถูกต้อง / The e-mail or citizen ID, or the password, is wrong.");
            return Page();
        }

        await SignInWithMethodsAsync(signIns, account!, clock, Assurance.Methods.Password);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>Signs the person in to the provider's session, recording how (amr) and when (auth_time).</summary>
    public static Task SignInWithMethodsAsync(SignInManager<Accounts.Account> signIns, Accounts.Account account, TimeProvider clock, params string[] methods)
    {
        var claims = methods.Select(m => new Claim(Claims.AuthenticationMethodReference, m)).ToList();
        claims.Add(new Claim(Claims.AuthenticationTime, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return signIns.SignInWithClaimsAsync(account, isPersistent: false, claims);
    }

    /// <summary>Only this site's own paths: never an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl)
        => returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] != '/' && returnUrl[1] != '\\' ? returnUrl : "/Identity/Account";

    public string LevelText => Level switch
    {
        >= 3 => Bilingual.Pick("บริการนี้ต้องใช้พาสคีย์ (passkey)", "This service needs a passkey."),
        2 => Bilingual.Pick("บริการนี้ต้องยืนยันตัวตนสองขั้น (รหัสผ่านและรหัสจากแอป)", "This service needs two-step sign-in (password and an app code)."),
        _ => string.Empty,
    };
}
