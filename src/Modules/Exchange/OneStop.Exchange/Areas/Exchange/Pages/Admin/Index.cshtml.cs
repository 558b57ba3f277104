using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>Operators' overview: members' subsystems, services with endpoints, access rights.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class IndexModel(ExchangeDbContext db) : PageModel
{
    public IReadOnlyList<Subsystem> Subsystems { get; private set; } = [];

    public IReadOnlyList<ExchangeService> Services { get; private set; } = [];

    public IReadOnlyList<AccessRight> Rights { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Subsystems = await db.Subsystems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        Services = await db.Services.AsNoTracking().Include(s => s.Endpoints).OrderBy(s => s.Id).ToListAsync(ct);
        Rights = await db.AccessRights.AsNoTracking().OrderBy(r => r.ClientId).ThenBy(r => r.ServiceId).ToListAsync(ct);
    }
}
