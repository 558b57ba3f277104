using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Server;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// Changing the password: the current one, then a new one under the same rules as registration.
/// Other sessions end at once; this one stays signed in at its level.
/// </summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class PasswordModel(UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, Data.DigitalIdDbContext db) : PageModel
{
    public const string Path = "/Identity/Account/Password";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public bool Required { get; private set; }

    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        Required = account.PasswordChangeRequired;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        Required = account.PasswordChangeRequired;
        if (string.Equals(CurrentPassword, NewPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(NewPassword), Bilingual.Pick("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม", "The new password must differ from the current one."));
            return Page();
        }

        var result = await users.ChangePasswordAsync(account, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            ModelState.AddModelError(mismatch ? nameof(CurrentPassword) : nameof(NewPassword), mismatch
                ? Bilingual.Pick("รหัสผ่านปัจจุบันไม่ถูกต้อง", "The current password is wrong.")
                : result.Errors.First().Description);
            return Page();
        }

        if (account.PasswordChangeRequired)
        {
            account.PasswordChangeRequired = false;
            await users.UpdateAsync(account);
        }

        await SessionStore.EndAllAsync(db, account.Id, keep: await SessionStore.CurrentKeyAsync(HttpContext), HttpContext.RequestAborted);
        // The new security stamp would end this session too at its next check: re-issue it, keeping how the person signed in.
        await signIns.SignInWithClaimsAsync(account, isPersistent: false, Sessions.Kept(User));
        Changed = true;
        Required = false;
        return Page();
    }

    public string ContinueUrl => SignInModel.SafeReturnUrl(ReturnUrl);
}
