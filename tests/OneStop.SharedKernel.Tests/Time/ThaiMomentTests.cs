using System.Globalization;

namespace OneStop.SharedKernel.Tests.Time;

/// <summary>Stored UTC times read as a clock in Thailand reads them (UTC+7 all year), past midnight included.</summary>
public sealed class ThaiMomentTests
{
    [Theory]
    [InlineData("th-TH", "1 ธันวาคม 2569 00:30")]
    [InlineData("en-GB", "1 December 2026 00:30")]
    public void FormatMomentFor_ShowsThailandsDateAndTime(string culture, string expected)
        => Assert.Equal(expected, ThaiDates.FormatMomentFor(new DateTime(2026, 11, 30, 17, 30, 0, DateTimeKind.Utc), CultureInfo.GetCultureInfo(culture)));
}
