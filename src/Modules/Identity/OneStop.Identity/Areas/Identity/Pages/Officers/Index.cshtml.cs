using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;

namespace OneStop.Identity.Areas.Identity.Pages.Officers;

/// <summary>An agency administrator's list of the agency's officers, and the form that creates one.</summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class IndexModel(UserManager<Accounts.Account> users, OfficerAccounts officers) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? GivenName { get; set; }

    [BindProperty] public string? FamilyName { get; set; }

    [BindProperty] public string? OfficeCode { get; set; }

    [BindProperty] public List<string> Roles { get; set; } = [];

    public string AgencyCode { get; private set; } = string.Empty;

    public IReadOnlyList<OfficerAccounts.Officer> Officers { get; private set; } = [];

    public OfficerAccounts.Created? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var admin = await users.GetUserAsync(User);
        if (admin is null || !await officers.IsAgencyAdminAsync(admin))
        {
            return StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden); // the status page explains, in Thai or English
        }

        var result = await officers.CreateAsync(admin, new OfficerAccounts.Input(Email, GivenName, FamilyName, OfficeCode, Roles), ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
        }
        else
        {
            Created = result.Value;
            (Email, GivenName, FamilyName, OfficeCode, Roles) = (null, null, null, null, []);
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var admin = await users.GetUserAsync(User);
        if (admin is null || !await officers.IsAgencyAdminAsync(admin))
        {
            return StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden); // the status page explains, in Thai or English
        }

        AgencyCode = admin.AgencyCode!;
        Officers = await officers.ListAsync(AgencyCode, ct);
        return Page();
    }
}
