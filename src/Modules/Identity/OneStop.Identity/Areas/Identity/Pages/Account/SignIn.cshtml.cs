using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>Sign in with an e-mail address or citizen ID and a password (AAL1).</summary>
internal sealed class SignInModel(
    UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, IPasswordHasher<Accounts.Account> hasher, Passkeys passkeys, AccountMail mail, TimeProvider clock) : PageModel
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

    /// <summary>The passkey ceremony's protected options, posted back with the authenticator's answer.</summary>
    [BindProperty]
    public string? State { get; set; }

    [BindProperty]
    public string? Credential { get; set; }

    /// <summary>Whether the passkey comes before the password form (a service asked for one, or it is the way up).</summary>
    public bool PasskeyFirst { get => field || Level >= 3; private set; }

    /// <summary>A fresh passkey challenge for this showing of the page.</summary>
    public Ceremony PasskeyCeremony => field ??= passkeys.RequestOptions(Request);

    /// <summary>Someone already signed in whom a service asks for more: straight to the second step (or to setting it up).</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var session = await HttpContext.AuthenticateAsync(ProtocolEndpoints.SessionScheme);
        if (Level < 2 || !session.Succeeded || Assurance.LevelOf(session.Principal) >= Level || await users.GetUserAsync(session.Principal) is not { } account)
        {
            return Page();
        }

        // The next step is a passkey: this page offers it, first.
        if (await PasskeyIsNextAsync(account))
        {
            PasskeyFirst = true;
            return Page();
        }

        return await StepUpAsync(account);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.FindByLoginAsync(Login, HttpContext.RequestAborted);
        if (account is null)
        {
            // As much work as a wrong password for a real account: the time taken tells nobody whether one exists.
            UnknownAccounts.SpendAsMuchAsAPasswordCheck(hasher, Password);
            return WrongLoginOrPassword();
        }

        if (await users.IsLockedOutAsync(account))
        {
            // Why an account cannot sign in is told only to someone who knows its password; anyone else
            // gets the answer an unknown account gets, so a locked account does not show that it exists.
            if (!await users.CheckPasswordAsync(account, Password ?? string.Empty))
            {
                return WrongLoginOrPassword();
            }

            ModelState.AddModelError(string.Empty, OfficerAccounts.IsDeactivated(account)
                ? Bilingual.Pick("บัญชีนี้ถูกปิดโดยผู้ดูแลของหน่วยงาน กรุณาติดต่อผู้ดูแล", "This account was deactivated by your agency's administrator; contact them.")
                : Bilingual.Pick("บัญชีถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง กรุณาลองใหม่ในอีก 15 นาที", "The account is locked for 15 minutes after too many wrong passwords."));
            return Page();
        }

        var result = await signIns.CheckPasswordSignInAsync(account, Password ?? string.Empty, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return WrongLoginOrPassword();
        }

        if (account.AwaitsEmailConfirmation)
        {
            // Told only to whoever knows the password, as the locked account above.
            await mail.RequestConfirmationAsync(account, ReturnUrl, HttpContext.RequestAborted);
            ModelState.AddModelError(string.Empty, Bilingual.Pick(
                $"กรุณายืนยันอีเมลก่อนเข้าสู่ระบบ เราส่งลิงก์ยืนยันไปที่ {account.Email} แล้ว",
                $"Confirm your e-mail address before you sign in: we sent a link to {account.Email}."));
            return Page();
        }

        if (account.TwoFactorEnabled)
        {
            return await StepUpAsync(account);
        }

        await SignInWithMethodsAsync(signIns, account, clock, Assurance.Methods.Password);
        if (account.PasswordChangeRequired)
        {
            return LocalRedirect($"{PasswordModel.Path}?ReturnUrl={Uri.EscapeDataString(ReturnUrl ?? string.Empty)}");
        }

        return Level >= 2 ? await StepUpAsync(account) : LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>A passkey with user verification: both factors at once, bound to this site (AAL2 phishing-resistant).</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var (accountId, error) = await passkeys.VerifyAsync(Request, State, Credential, HttpContext.RequestAborted);
        var account = accountId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (account is null || error is not null)
        {
            ModelState.AddModelError(string.Empty, error == PasskeyError.Expired
                ? "หมดเวลาหรือใช้คำขอนี้ไปแล้ว กรุณากดเข้าสู่ระบบด้วยพาสคีย์อีกครั้ง / This request expired or was used already; choose \"Sign in with a passkey\" again."
                : "ใช้พาสคีย์นี้ไม่ได้ อาจถูกลบออกจากบัญชีแล้ว กรุณาเข้าสู่ระบบด้วยรหัสผ่าน / This passkey cannot be used (it may have been removed); sign in with your password.");
            return Page();
        }

        if (await users.IsLockedOutAsync(account))
        {
            ModelState.AddModelError(string.Empty, "บัญชีถูกล็อกชั่วคราว กรุณาลองใหม่ภายหลัง / The account is locked; try again later.");
            return Page();
        }

        await SignInWithMethodsAsync(signIns, account, clock, Assurance.Methods.HardwareKey, Assurance.Methods.MultiFactor);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>
    /// To what the service asks for: a passkey (level 3), else the second factor when the person has
    /// one, else setting one up, then back.
    /// </summary>
    private async Task<IActionResult> StepUpAsync(Accounts.Account account)
    {
        var back = $"ReturnUrl={Uri.EscapeDataString(ReturnUrl ?? string.Empty)}&Level={Math.Max(Level, 2)}";
        if (await PasskeyIsNextAsync(account))
        {
            return LocalRedirect($"{ProtocolEndpoints.SignInPage}?{back}");
        }

        if (Level >= 3)
        {
            // Adding a passkey to an account that has two steps takes both steps first.
            var addPasskey = "/Identity/Account/Passkeys?" + back;
            var session = await HttpContext.AuthenticateAsync(ProtocolEndpoints.SessionScheme);
            if (!account.TwoFactorEnabled || (session.Succeeded && Assurance.LevelOf(session.Principal) >= 2))
            {
                return LocalRedirect(addPasskey);
            }

            await SecondFactorModel.HoldAsync(HttpContext, account);
            return LocalRedirect($"/Identity/Account/SecondFactor?ReturnUrl={Uri.EscapeDataString(addPasskey)}&Level=2");
        }

        if (account.TwoFactorEnabled)
        {
            await SecondFactorModel.HoldAsync(HttpContext, account);
            return LocalRedirect("/Identity/Account/SecondFactor?" + back);
        }

        return LocalRedirect("/Identity/Account/Authenticator?" + back);
    }

    /// <summary>A passkey is the way up when the service demands one, or when it is the account's only second factor.</summary>
    private async Task<bool> PasskeyIsNextAsync(Accounts.Account account)
        => (Level >= 3 || !account.TwoFactorEnabled) && await passkeys.AnyAsync(account.Id, HttpContext.RequestAborted);

    /// <summary>Signs the person in to the provider's session, recording how (amr) and when (auth_time).</summary>
    public static Task SignInWithMethodsAsync(SignInManager<Accounts.Account> signIns, Accounts.Account account, TimeProvider clock, params string[] methods)
    {
        var claims = methods.Select(m => new Claim(Claims.AuthenticationMethodReference, m)).ToList();
        claims.Add(new Claim(Claims.AuthenticationTime, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return signIns.SignInWithClaimsAsync(account, isPersistent: false, claims);
    }

    /// <summary>One answer for an unknown login, a wrong password and a locked account (to whoever lacks the password).</summary>
    private PageResult WrongLoginOrPassword()
    {
        ModelState.AddModelError(nameof(Login), Bilingual.Pick(
            "อีเมล/เลขประจำตัวประชาชน หรือรหัสผ่านไม่ถูกต้อง หากใส่รหัสผ่านผิด 5 ครั้งติดกัน บัญชีจะถูกล็อก 15 นาที",
            "The e-mail or citizen ID, or the password, is wrong. After 5 wrong passwords in a row, an account is locked for 15 minutes."));
        return Page();
    }

    /// <summary>Only this site's own paths: never an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl)
        => returnUrl is { Length: > 1 } && OneStop.SharedKernel.Http.LocalUrl.IsLocal(returnUrl) ? returnUrl : "/Identity/Account";

    public string LevelText => Level switch
    {
        >= 3 => Bilingual.Pick("บริการนี้ต้องใช้พาสคีย์ (passkey)", "This service needs a passkey."),
        2 => Bilingual.Pick("บริการนี้ต้องยืนยันตัวตนสองขั้น (รหัสผ่านและรหัสจากแอป)", "This service needs two-step sign-in (password and an app code)."),
        _ => string.Empty,
    };
}
