using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.Admin;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>Adds a service to a provider subsystem, or changes its address, endpoints and whether it returns personal data.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class ServiceModel(ExchangeDbContext db, DirectoryEditor editor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SubsystemId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? BaseUrl { get; set; }

    [BindProperty]
    public string? OpenApiUrl { get; set; }

    [BindProperty]
    public bool PersonalData { get; set; }

    [BindProperty]
    public int TimeoutSeconds { get; set; } = 30;

    [BindProperty]
    public bool Disabled { get; set; }

    [BindProperty]
    public string? Endpoints { get; set; } = "GET /**";

    public IReadOnlyList<Subsystem> Subsystems { get; private set; } = [];

    public bool IsNew => string.IsNullOrEmpty(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Subsystems = await db.Subsystems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        if (IsNew)
        {
            return Page();
        }

        var service = await db.Services.AsNoTracking().Include(s => s.Endpoints).SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (service is null)
        {
            return NotFound();
        }

        (Title, BaseUrl, OpenApiUrl, PersonalData, TimeoutSeconds, Disabled) =
            (service.Title, service.BaseUrl, service.OpenApiUrl, service.PersonalData, service.TimeoutSeconds, service.Disabled);
        Endpoints = string.Join('\n', service.Endpoints.OrderBy(e => e.Path).ThenBy(e => e.Method).Select(e => $"{e.Method} {e.Path}"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Subsystems = await db.Subsystems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var (subsystem, code) = IsNew ? (SubsystemId ?? string.Empty, (Code ?? string.Empty).Trim()) : AdminPages.SplitParent(Id!);
        var endpoints = (Endpoints ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(parts => new DirectoryEditor.EndpointInput(parts[0], parts.Length > 1 ? parts[1] : string.Empty))
            .ToList();
        var input = new DirectoryEditor.ServiceInput(Title, BaseUrl, OpenApiUrl, PersonalData, TimeoutSeconds, Disabled, endpoints);
        var result = await editor.SaveServiceAsync(subsystem, code, input, DirectoryApi.Actor(User), ct);
        return AdminPages.AfterSave(this, result.Error, $"{subsystem}/{code}", idField: "code");
    }
}
