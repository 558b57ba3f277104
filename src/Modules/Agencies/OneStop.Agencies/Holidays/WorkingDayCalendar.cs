using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;

namespace OneStop.Agencies.Holidays;

/// <summary>The working-day calendar backed by the holiday table.</summary>
internal sealed class WorkingDayCalendar(AgenciesDbContext db, HolidayDates holidays) : IWorkingDayCalendar
{
    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken)
        => WorkingDays.IsWorkingDay(date, await holidays.AllAsync(db, cancellationToken));

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken)
        => WorkingDays.Add(start, workingDays, await holidays.AllAsync(db, cancellationToken));

    public async Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        => WorkingDays.Count(from, to, await holidays.AllAsync(db, cancellationToken));
}

/// <summary>
/// Every holiday date, held in memory: each submission and each decision computes due dates, and the table
/// changes a few times a year. This instance forgets them when it adds or removes one; another instance
/// sharing the database sees the change within <see cref="Fresh"/>.
/// </summary>
internal sealed class HolidayDates(TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);

    private sealed record Snapshot(HashSet<DateOnly> Dates, long LoadedAt);

    private volatile Snapshot? snapshot;

    public async Task<IReadOnlySet<DateOnly>> AllAsync(AgenciesDbContext db, CancellationToken ct)
    {
        if (snapshot is { } known && clock.GetElapsedTime(known.LoadedAt) < Fresh)
        {
            return known.Dates;
        }

        var started = clock.GetTimestamp();
        var dates = (await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        snapshot = new Snapshot(dates, started);
        return dates;
    }

    public void Forget() => snapshot = null;
}
