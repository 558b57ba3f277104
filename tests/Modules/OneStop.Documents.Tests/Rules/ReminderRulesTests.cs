using OneStop.Documents.Issuing;

namespace OneStop.Documents.Tests.Rules;

public sealed class ReminderRulesTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(120.0, null)]
    [InlineData(90.5, null)]
    [InlineData(90.0, 90)]
    [InlineData(45.0, 90)]
    [InlineData(30.0, 30)]
    [InlineData(8.0, 30)]
    [InlineData(7.0, 7)]
    [InlineData(0.01, 7)]
    [InlineData(0.0, null)]
    [InlineData(-3.0, null)]
    public void TheReminderDue_IsTheLatestStageReached_AndNoneOnceEnded(double daysLeft, int? expected)
        => Assert.Equal(expected, ReminderRules.DueStage(Now.AddDays(daysLeft), Now));

    [Theory]
    [InlineData(29.9, 30)]
    [InlineData(30.0, 30)]
    [InlineData(0.2, 1)]
    [InlineData(-0.5, 0)]
    public void DaysLeft_CountsAPartDayAsADay(double daysLeft, int expected)
        => Assert.Equal(expected, ReminderRules.DaysLeft(Now.AddDays(daysLeft), Now));
}
