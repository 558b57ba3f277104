using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.Admin;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>Adds a member, or renames one (its identifier never changes), and says how it connects when it is a client itself.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class MemberModel(ExchangeDbContext db, DirectoryEditor editor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Instance { get; set; } = "TH";

    [BindProperty]
    public string? MemberClass { get; set; } = "GOV";

    [BindProperty]
    public string? MemberCode { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? AgencyCode { get; set; }

    /// <summary>Empty: the member is not a client, only the owner of subsystems.</summary>
    [BindProperty]
    public ConnectionType? ConnectionType { get; set; }

    [BindProperty]
    public string? AllowedAddresses { get; set; }

    [BindProperty]
    public string? ClientCertificateThumbprint { get; set; }

    [BindProperty]
    public string? OAuthClientId { get; set; }

    public bool IsNew => string.IsNullOrEmpty(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew)
        {
            return Page();
        }

        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id, ct);
        if (member is null)
        {
            return NotFound();
        }

        (Name, AgencyCode, ConnectionType, AllowedAddresses, ClientCertificateThumbprint, OAuthClientId) =
            (member.Name, member.AgencyCode, member.ConnectionType, string.Join(' ', member.AllowedAddresses), member.ClientCertificateThumbprint, member.OAuthClientId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parts = IsNew ? [(Instance ?? string.Empty).Trim(), (MemberClass ?? string.Empty).Trim(), (MemberCode ?? string.Empty).Trim()] : Id!.Split('/');
        if (parts.Length != 3)
        {
            return NotFound();
        }

        if (ModelState[nameof(ConnectionType)]?.ValidationState == ModelValidationState.Invalid)
        {
            return Page(); // an unknown connection type is not "not a client"
        }

        // "Not a client" in the form means no connection settings, whatever is left in the other fields.
        var input = ConnectionType is null
            ? new DirectoryEditor.MemberInput(Name, AgencyCode)
            : new DirectoryEditor.MemberInput(Name, AgencyCode, ConnectionType, SubsystemModel.Addresses(AllowedAddresses), ClientCertificateThumbprint, OAuthClientId);
        var result = await editor.SaveMemberAsync(parts[0], parts[1], parts[2], input, DirectoryApi.Actor(User), ct);
        return AdminPages.AfterSave(this, result.Error, string.Join('/', parts), idField: "memberCode");
    }
}
