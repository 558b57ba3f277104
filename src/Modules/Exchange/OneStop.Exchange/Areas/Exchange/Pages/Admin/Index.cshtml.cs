using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.Admin;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>Operators' overview: members, subsystems, services with endpoints, access rights (granted and removed here), latest changes.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class IndexModel(ExchangeDbContext db, DirectoryEditor editor) : PageModel
{
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<Subsystem> Subsystems { get; private set; } = [];

    /// <summary>Who may be granted a right: the subsystems and the members with connection settings.</summary>
    public IReadOnlyList<string> Clients { get; private set; } = [];

    public IReadOnlyList<ExchangeService> Services { get; private set; } = [];

    public IReadOnlyList<AccessRight> Rights { get; private set; } = [];

    public IReadOnlyList<DirectoryChange> Changes { get; private set; } = [];

    public string? Saved { get; private set; }

    [BindProperty]
    public string? Client { get; set; }

    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public string? Method { get; set; } = "GET";

    [BindProperty]
    public string? Path { get; set; } = "/**";

    [BindProperty]
    public string? LegalMandate { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Saved = TempData[AdminPages.SavedKey] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddRightAsync(CancellationToken ct)
    {
        var result = await editor.AddRightAsync(new DirectoryEditor.RightInput(Client ?? string.Empty, Service ?? string.Empty, Method, Path, LegalMandate), DirectoryApi.Actor(User), ct);
        if (result.Error is null)
        {
            TempData[AdminPages.SavedKey] = $"{Client} → {Service} {Method} {Path}";
            return Redirect("/Exchange/Admin#rights");
        }

        ModelState.AddModelError(result.Error.Field ?? "path", result.Error.Message);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveRightAsync(int id, CancellationToken ct)
    {
        await editor.RemoveRightAsync(id, DirectoryApi.Actor(User), ct);
        return Redirect("/Exchange/Admin#rights");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct);
        Subsystems = await db.Subsystems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        Clients = [.. Subsystems.Select(s => s.Id).Concat(Members.Where(m => m.ConnectionType is not null).Select(m => m.Id)).Order(StringComparer.Ordinal)];
        Services = await db.Services.AsNoTracking().Include(s => s.Endpoints).OrderBy(s => s.Id).ToListAsync(ct);
        Rights = await db.AccessRights.AsNoTracking().OrderBy(r => r.ClientId).ThenBy(r => r.ServiceId).ThenBy(r => r.Id).ToListAsync(ct);
        Changes = await db.DirectoryChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(20).ToListAsync(ct);
    }
}
