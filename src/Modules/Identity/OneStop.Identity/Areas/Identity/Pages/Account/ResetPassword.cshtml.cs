using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>The page the e-mailed link opens: a new password, once, within the hour.</summary>
internal sealed class ResetPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "account")]
    public Guid? AccountId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    /// <summary>The link is expired, used, altered or for an account that no longer may sign in.</summary>
    public bool LinkDead { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The link carries a secret in its query: no other site should see it as a referrer.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        LinkDead = await LinkedAccountAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var account = await LinkedAccountAsync();
        if (account is null)
        {
            LinkDead = true;
            return Page();
        }

        var result = await reset.ResetAsync(account, Code!, NewPassword ?? string.Empty, ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                LinkDead = true; // used a moment ago, in another tab
                return Page();
            }

            ModelState.AddModelError(nameof(NewPassword), result.Errors.First().Description);
            return Page();
        }

        Done = true;
        return Page();
    }

    private async Task<Accounts.Account?> LinkedAccountAsync()
        => AccountId is { } id && !string.IsNullOrEmpty(Code) && Code.Length <= 2048 ? await reset.AccountForLinkAsync(id, Code) : null;
}
