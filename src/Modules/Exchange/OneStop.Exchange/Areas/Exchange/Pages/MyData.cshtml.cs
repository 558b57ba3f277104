using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Exchange.Data;
using OneStop.Exchange.DataSubjects;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages;

/// <summary>The signed-in person's reads and consents (the same queries as the API).</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class MyDataModel(ExchangeDbContext db, TimeProvider clock, IAgencyDirectory agencies) : PageModel
{
    public IReadOnlyList<PersonalDataReadDto> Reads { get; private set; } = [];

    public IReadOnlyList<Consents.ConsentDto> Consents { get; private set; } = [];

    public IReadOnlyList<Consents.ConsentableAccess> Consentable { get; private set; } = [];

    /// <summary>The chosen system and service, as <c>client|service</c>.</summary>
    [BindProperty]
    public string? Access { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public int Days { get; set; } = 30;

    [TempData]
    public bool Granted { get; set; }

    private string Pid => User.FindFirstValue(Claims.CitizenId)!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A value that could not be read (letters for the days) is never replaced by the default.
            await LoadAsync(ct);
            return Page();
        }

        var parts = (Access ?? string.Empty).Split('|');
        var request = new Consents.GrantRequest(parts[0], parts.Length > 1 ? parts[1] : string.Empty, Purpose ?? string.Empty, Days);
        var result = await DataSubjects.Consents.GrantForAsync(db, clock, Pid, request, ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(error.Field is "client" or "service" ? "access" : error.Field ?? "purpose", error.Message);
            await LoadAsync(ct);
            return Page();
        }

        Granted = true;
        return Redirect("/Exchange/MyData#consents");
    }

    /// <summary>Names from the exchange directory, so that the page never shows a system's or an agency's code.</summary>
    private Dictionary<string, (string Name, string Member)> systems = [];

    private Dictionary<string, string> services = [];

    /// <summary>The agency a system belongs to, by its name in the directory.</summary>
    public string AgencyOf(string client) => systems.TryGetValue(client, out var s) ? s.Member : Bilingual.Pick("หน่วยงานที่ไม่อยู่ในทะเบียนแล้ว", "An agency no longer in the directory");

    public string SystemName(string client) => systems.TryGetValue(client, out var s) ? s.Name : Bilingual.Pick("ระบบที่ไม่อยู่ในทะเบียนแล้ว", "A system no longer in the directory");

    public string ServiceTitle(string service) => services.TryGetValue(service, out var title) ? title : Bilingual.Pick("ข้อมูลที่ไม่อยู่ในทะเบียนแล้ว", "A record no longer in the directory");

    private async Task LoadAsync(CancellationToken ct)
    {
        Reads = await PersonalDataReads.ListForAsync(db, Pid, 200, ct);
        Consents = await DataSubjects.Consents.ListForAsync(db, clock, Pid, ct);
        Consentable = await DataSubjects.Consents.ConsentableAsync(db, ct);
        var rows = await (from s in db.Subsystems.AsNoTracking()
                          join m in db.Members.AsNoTracking() on s.MemberId equals m.Id
                          select new { s.Id, s.Name, Member = m.Name, m.AgencyCode }).ToListAsync(ct);
        // The agency's name from the agency directory, in the page's language; the member's name otherwise.
        var agencyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in rows.Select(r => r.AgencyCode).OfType<string>().Distinct())
        {
            if (await agencies.FindAgencyAsync(code, ct) is { } agency)
            {
                agencyNames[code] = Bilingual.Pick(agency.NameTh, agency.NameEn);
            }
        }

        systems = rows.ToDictionary(r => r.Id, r => (r.Name, r.AgencyCode is { } c && agencyNames.TryGetValue(c, out var n) ? n : r.Member), StringComparer.Ordinal);
        services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title, StringComparer.Ordinal, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
        => await DataSubjects.Consents.WithdrawForAsync(db, clock, Pid, id, ct) is null ? NotFound() : RedirectToPage();
}
