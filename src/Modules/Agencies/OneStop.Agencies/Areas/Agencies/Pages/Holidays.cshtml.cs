using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Data;
using OneStop.Agencies.Holidays;

namespace OneStop.Agencies.Areas.Agencies.Pages;

internal sealed class HolidaysModel(AgenciesDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<HolidayDto> Holidays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var years = await db.Holidays.AsNoTracking().Select(h => h.Date.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
        Years = years;
        if (Year is < 2000 or > 2100)
        {
            Year = clock.GetUtcNow().Year;
        }

        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Holidays = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)
            .Select(h => new HolidayDto(h.Date, h.NameTh, h.NameEn, h.Kind)).ToListAsync(ct);
    }
}
