namespace OneStop.Agencies.Holidays;

/// <summary>
/// The civil-service working-day rule: Monday to Friday, except government holidays.
/// Pure, so that due-date arithmetic is tested without a database.
/// </summary>
internal static class WorkingDays
{
    /// <summary>Longest span the calendar reasons about (ten years), to bound loops on bad input.</summary>
    public const int MaxDays = 3650;

    public static bool IsWorkingDay(DateOnly date, IReadOnlySet<DateOnly> holidays)
        => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    /// <summary>
    /// The n-th working day after <paramref name="start"/>. With n = 0, the start itself when it is a
    /// working day, otherwise the next working day (a deadline never falls on a closed day).
    /// </summary>
    public static DateOnly Add(DateOnly start, int workingDays, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MaxDays);
        var date = start;
        if (workingDays == 0)
        {
            while (!IsWorkingDay(date, holidays))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, holidays))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public static int Count(DateOnly from, DateOnly to, IReadOnlySet<DateOnly> holidays)
    {
        if (to < from)
        {
            return -Count(to, from, holidays);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date, holidays))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Calendar span a computation of <paramref name="workingDays"/> may cover, generously.</summary>
    public static DateOnly Horizon(DateOnly start, int workingDays) => start.AddDays((workingDays * 2) + 60);
}
