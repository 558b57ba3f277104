using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;

namespace OneStop.Agencies.Holidays;

/// <summary>The working-day calendar backed by the holiday table.</summary>
internal sealed class WorkingDayCalendar(AgenciesDbContext db) : IWorkingDayCalendar
{
    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken)
        => WorkingDays.IsWorkingDay(date, await HolidaysAsync(date, date, cancellationToken));

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken)
        => WorkingDays.Add(start, workingDays, await HolidaysAsync(start, WorkingDays.Horizon(start, workingDays), cancellationToken));

    public async Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (first, last) = from <= to ? (from, to) : (to, from);
        return WorkingDays.Count(from, to, await HolidaysAsync(first, last, cancellationToken));
    }

    private async Task<IReadOnlySet<DateOnly>> HolidaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
        => (await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).Select(h => h.Date).ToListAsync(ct)).ToHashSet();
}
