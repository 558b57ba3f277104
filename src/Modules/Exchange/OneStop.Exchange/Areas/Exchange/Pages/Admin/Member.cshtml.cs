using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.Admin;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>Adds a member, or renames one (its identifier never changes).</summary>
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

        (Name, AgencyCode) = (member.Name, member.AgencyCode);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parts = IsNew ? [(Instance ?? string.Empty).Trim(), (MemberClass ?? string.Empty).Trim(), (MemberCode ?? string.Empty).Trim()] : Id!.Split('/');
        if (parts.Length != 3)
        {
            return NotFound();
        }

        var result = await editor.SaveMemberAsync(parts[0], parts[1], parts[2], new DirectoryEditor.MemberInput(Name, AgencyCode), DirectoryApi.Actor(User), ct);
        return AdminPages.AfterSave(this, result.Error, string.Join('/', parts), idField: "memberCode");
    }
}
