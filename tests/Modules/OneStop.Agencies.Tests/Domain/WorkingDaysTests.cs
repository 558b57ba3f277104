using OneStop.Agencies.Holidays;

namespace OneStop.Agencies.Tests.Domain;

public sealed class WorkingDaysTests
{
    // Songkran 2025: 13 (Sun), 14, 15 Apr, with the substitution day on Wed 16 Apr.
    private static readonly HashSet<DateOnly> Songkran2025 = [new(2025, 4, 13), new(2025, 4, 14), new(2025, 4, 15), new(2025, 4, 16)];

    [Fact]
    public void Add_FiveDaysFromThursday_SkipsTheWeekend()
        => Assert.Equal(new DateOnly(2025, 3, 13), WorkingDays.Add(new DateOnly(2025, 3, 6), 5, new HashSet<DateOnly>()));

    [Fact]
    public void Add_AcrossSongkran_SkipsHolidaysAndWeekends()
        => Assert.Equal(new DateOnly(2025, 4, 22), WorkingDays.Add(new DateOnly(2025, 4, 10), 5, Songkran2025));

    [Fact]
    public void Add_ZeroDaysOnASaturday_MovesToTheNextWorkingDay()
        => Assert.Equal(new DateOnly(2025, 3, 10), WorkingDays.Add(new DateOnly(2025, 3, 8), 0, new HashSet<DateOnly>()));

    [Fact]
    public void Add_ZeroDaysOnAWorkingDay_IsThatDay()
        => Assert.Equal(new DateOnly(2025, 3, 7), WorkingDays.Add(new DateOnly(2025, 3, 7), 0, new HashSet<DateOnly>()));

    [Fact]
    public void Add_ZeroDaysOnAHolidayBeforeAWeekend_MovesPastBoth()
        => Assert.Equal(new DateOnly(2025, 4, 17), WorkingDays.Add(new DateOnly(2025, 4, 13), 0, Songkran2025));

    [Theory]
    [InlineData(-1)]
    [InlineData(WorkingDays.MaxDays + 1)]
    public void Add_OutOfRange_Throws(int days)
        => Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Add(new DateOnly(2025, 1, 1), days, new HashSet<DateOnly>()));

    [Fact]
    public void Count_WeekAcrossSongkran_CountsOnlyWorkingDays()
        => Assert.Equal(2, WorkingDays.Count(new DateOnly(2025, 4, 11), new DateOnly(2025, 4, 18), Songkran2025));

    [Fact]
    public void Count_Backwards_IsNegative()
        => Assert.Equal(-5, WorkingDays.Count(new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 7), new HashSet<DateOnly>()));

    [Fact]
    public void AddThenCount_RoundTrips()
    {
        var start = new DateOnly(2025, 4, 3);
        var due = WorkingDays.Add(start, 17, Songkran2025);
        Assert.Equal(17, WorkingDays.Count(start, due, Songkran2025));
    }

    [Theory]
    [InlineData(2025, 3, 8, false)]
    [InlineData(2025, 3, 9, false)]
    [InlineData(2025, 3, 10, true)]
    [InlineData(2025, 4, 14, false)]
    public void IsWorkingDay_KnowsWeekendsAndHolidays(int y, int m, int d, bool expected)
        => Assert.Equal(expected, WorkingDays.IsWorkingDay(new DateOnly(y, m, d), Songkran2025));
}
