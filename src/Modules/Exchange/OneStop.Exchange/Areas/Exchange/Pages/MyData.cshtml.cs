using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Exchange.Data;
using OneStop.Exchange.DataSubjects;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages;

/// <summary>The signed-in person's reads and consents (the same queries as the API).</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class MyDataModel(ExchangeDbContext db, TimeProvider clock) : PageModel
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

    private async Task LoadAsync(CancellationToken ct)
    {
        Reads = await PersonalDataReads.ListForAsync(db, Pid, 200, ct);
        Consents = await DataSubjects.Consents.ListForAsync(db, clock, Pid, ct);
        Consentable = await DataSubjects.Consents.ConsentableAsync(db, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
        => await DataSubjects.Consents.WithdrawForAsync(db, clock, Pid, id, ct) is null ? NotFound() : RedirectToPage();
}
