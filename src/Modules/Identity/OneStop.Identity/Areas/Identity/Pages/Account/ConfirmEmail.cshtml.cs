using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// The page the registration mail's link opens. The person confirms with the password they chose: the link
/// alone proves the mailbox, the password proves it is the same person who registered, so that nobody can
/// register someone else's address, let its owner click, and hold an account with a confirmed address.
/// </summary>
internal sealed class ConfirmEmailModel(AccountMail mail, UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "account")]
    public Guid? AccountId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The address to confirm, shown so the person knows which account this is.</summary>
    public string? Email { get; private set; }

    /// <summary>The link is expired, used, altered, or the address is confirmed already.</summary>
    public bool LinkDead { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Email = (await LinkedAccountAsync())?.Email;
        LinkDead = Email is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var account = await LinkedAccountAsync();
        if (account is null)
        {
            LinkDead = true;
            return Page();
        }

        Email = account.Email;
        var check = await signIns.CheckPasswordSignInAsync(account, Password ?? string.Empty, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), check.IsLockedOut
                ? Bilingual.Pick("ใส่รหัสผ่านผิดหลายครั้งเกินไป กรุณาลองใหม่ในอีก 15 นาที", "Too many wrong passwords; try again in 15 minutes.")
                : Bilingual.Pick("รหัสผ่านไม่ตรงกับที่ตั้งไว้ตอนสมัคร", "That is not the password you chose when you registered."));
            return Page();
        }

        if (!(await users.ConfirmEmailAsync(account, Code!)).Succeeded)
        {
            LinkDead = true; // confirmed a moment ago, in another tab
            return Page();
        }

        await SignInModel.SignInWithMethodsAsync(signIns, account, clock, Assurance.Methods.Password);
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }

    private async Task<Accounts.Account?> LinkedAccountAsync()
        => AccountId is { } id && !string.IsNullOrEmpty(Code) && Code.Length <= 2048 ? await mail.AccountForLinkAsync(id, Code) : null;
}
