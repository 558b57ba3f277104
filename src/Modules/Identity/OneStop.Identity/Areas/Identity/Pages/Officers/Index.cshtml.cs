using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Agencies.Contracts;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Officers;

/// <summary>An agency administrator's list of the agency's officers, and the form that creates one.</summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class IndexModel(UserManager<Accounts.Account> users, OfficerAccounts officers, IAgencyDirectory agencies) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? GivenName { get; set; }

    [BindProperty] public string? FamilyName { get; set; }

    [BindProperty] public string? OfficeCode { get; set; }

    [BindProperty] public List<string> Roles { get; set; } = [];

    public string AgencyCode { get; private set; } = string.Empty;

    /// <summary>The agency's name from the agency directory, in the page's language.</summary>
    public string AgencyName { get; private set; } = string.Empty;

    public IReadOnlyList<OfficerAccounts.Officer> Officers { get; private set; } = [];

    public OfficerAccounts.Created? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await AdministratorAsync() is { } admin ? await ShowAsync(admin, ct) : Forbidden();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await AdministratorAsync() is not { } admin)
        {
            return Forbidden();
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

        return await ShowAsync(admin, ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, active: false, ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, active: true, ct);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var admin = await users.GetUserAsync(User);
        if (admin is null)
        {
            return Forbidden();
        }

        switch (await officers.SetActiveAsync(admin, id, active, ct))
        {
            case { Kind: ErrorKind.Forbidden }:
                return Forbidden();
            case { } error:
                ModelState.AddModelError(string.Empty, error.Message);
                break;
            default:
                Done = active ? Bilingual.Pick("เปิดใช้บัญชีอีกครั้งแล้ว", "The account is active again.") : Bilingual.Pick("ปิดบัญชีแล้ว เจ้าหน้าที่เข้าสู่ระบบไม่ได้อีก", "The account is deactivated: the officer can no longer sign in.");
                break;
        }

        return await ShowAsync(admin, ct);
    }

    public string? Done { get; private set; }

    /// <summary>The signed-in person, if they administer an agency.</summary>
    private async Task<Accounts.Account?> AdministratorAsync()
        => await users.GetUserAsync(User) is { } account && await officers.IsAgencyAdminAsync(account) ? account : null;

    // The status page explains it, in Thai or English.
    private StatusCodeResult Forbidden() => StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);

    /// <summary>The page for an administrator already checked by the handler.</summary>
    private async Task<IActionResult> ShowAsync(Accounts.Account admin, CancellationToken ct)
    {
        AgencyCode = admin.AgencyCode!;
        AgencyName = await agencies.FindAgencyAsync(AgencyCode, ct) is { } agency ? Bilingual.Pick(agency.NameTh, agency.NameEn) : AgencyCode;
        Officers = await officers.ListAsync(AgencyCode, ct);
        return Page();
    }
}
