using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Agencies.Contracts;
using OneStop.Identity.Server;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>The person's Digital ID: assurance levels and what the provider holds about them.</summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class IndexModel(UserManager<Accounts.Account> users, Accounts.Passkeys passkeys, IAgencyDirectory agencies) : PageModel
{
    public Accounts.Account Account { get; private set; } = null!;

    public int AuthenticatorLevel { get; private set; }

    public int PasskeyCount { get; private set; }

    /// <summary>An officer's agency by its name, in the page's language.</summary>
    public string? AgencyName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        Account = account;
        AuthenticatorLevel = Assurance.LevelOf(User);
        PasskeyCount = await passkeys.CountAsync(account.Id, HttpContext.RequestAborted);
        if (account.AgencyCode is { } code)
        {
            AgencyName = await agencies.FindAgencyAsync(code, HttpContext.RequestAborted) is { } agency ? Bilingual.Pick(agency.NameTh, agency.NameEn) : code;
        }

        return Page();
    }
}
