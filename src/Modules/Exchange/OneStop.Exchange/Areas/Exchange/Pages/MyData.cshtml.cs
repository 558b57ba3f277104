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

    private string Pid => User.FindFirstValue(Claims.CitizenId)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reads = await PersonalDataReads.ListForAsync(db, Pid, 200, ct);
        Consents = await DataSubjects.Consents.ListForAsync(db, clock, Pid, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
        => await DataSubjects.Consents.WithdrawForAsync(db, clock, Pid, id, ct) is null ? NotFound() : RedirectToPage();
}

/// <summary>Times are stored in UTC and shown in Thailand's time (UTC+7, no daylight saving).</summary>
internal static class ThailandTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocalTimeInThailand(this DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);
}
