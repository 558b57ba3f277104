using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>Proving an e-mail-only account with the ID card (the same registry check as registration).</summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class ProveIdentityModel(UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, ProveIdentity.Handler prove) : PageModel
{
    [BindProperty] public string? CitizenId { get; set; }

    [BindProperty] public string? FirstName { get; set; }

    [BindProperty] public string? LastName { get; set; }

    [BindProperty] public int? BirthDay { get; set; }

    [BindProperty] public int? BirthMonth { get; set; }

    [BindProperty] public int? BirthYear { get; set; }

    [BindProperty] public string? Laser { get; set; }

    public bool Proved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        Proved = account.IdentityLevel == IdentityLevels.Ial2;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await prove.HandleAsync(account, new IdCard(CitizenId, FirstName, LastName, BirthDay, BirthMonth, BirthYear, Laser), ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
            return Page();
        }

        // The session is re-issued for the proved account, keeping how the person signed in.
        await signIns.SignInWithClaimsAsync(result.Value!, isPersistent: false, Sessions.Kept(User));
        // Through the platform's sign-in, so that its pages know the proved identity (pid) at once.
        return LocalRedirect(PlatformClient.Refresh("/Identity/Account"));
    }
}
