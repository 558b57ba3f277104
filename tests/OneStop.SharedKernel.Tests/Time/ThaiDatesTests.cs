using System.Globalization;

namespace OneStop.SharedKernel.Tests.Time;

public sealed class ThaiDatesTests
{
    private static readonly DateOnly Monday20January2025 = new(2025, 1, 20);

    [Theory]
    [InlineData(ThaiDateStyle.Long, "20 มกราคม 2568")]
    [InlineData(ThaiDateStyle.Short, "20 ม.ค. 2568")]
    [InlineData(ThaiDateStyle.Numeric, "20/01/2568")]
    [InlineData(ThaiDateStyle.WithWeekday, "วันจันทร์ที่ 20 มกราคม พ.ศ. 2568")]
    public void Format_Style_WritesBuddhistEraDate(ThaiDateStyle style, string expected)
        => Assert.Equal(expected, ThaiDates.Format(Monday20January2025, style));

    [Theory]
    [InlineData(ThaiDateStyle.Long, "๒๐ มกราคม ๒๕๖๘")]
    [InlineData(ThaiDateStyle.Numeric, "๒๐/๐๑/๒๕๖๘")]
    [InlineData(ThaiDateStyle.WithWeekday, "วันจันทร์ที่ ๒๐ มกราคม พ.ศ. ๒๕๖๘")]
    public void Format_ThaiDigits_ReplacesEveryDigit(ThaiDateStyle style, string expected)
        => Assert.Equal(expected, ThaiDates.Format(Monday20January2025, style, thaiDigits: true));

    [Fact]
    public void Format_NoStyle_IsLong()
        => Assert.Equal("20 มกราคม 2568", ThaiDates.Format(Monday20January2025));

    [Theory]
    [InlineData(1, "มกราคม", "ม.ค.")]
    [InlineData(2, "กุมภาพันธ์", "ก.พ.")]
    [InlineData(3, "มีนาคม", "มี.ค.")]
    [InlineData(4, "เมษายน", "เม.ย.")]
    [InlineData(5, "พฤษภาคม", "พ.ค.")]
    [InlineData(6, "มิถุนายน", "มิ.ย.")]
    [InlineData(7, "กรกฎาคม", "ก.ค.")]
    [InlineData(8, "สิงหาคม", "ส.ค.")]
    [InlineData(9, "กันยายน", "ก.ย.")]
    [InlineData(10, "ตุลาคม", "ต.ค.")]
    [InlineData(11, "พฤศจิกายน", "พ.ย.")]
    [InlineData(12, "ธันวาคม", "ธ.ค.")]
    public void Format_EveryMonth_HasItsThaiLongAndShortName(int month, string longName, string shortName)
    {
        var date = new DateOnly(2025, month, 5);

        Assert.Equal($"5 {longName} 2568", ThaiDates.Format(date, ThaiDateStyle.Long));
        Assert.Equal($"5 {shortName} 2568", ThaiDates.Format(date, ThaiDateStyle.Short));
    }

    [Theory]
    [InlineData(19, "วันอาทิตย์")]
    [InlineData(21, "วันอังคาร")]
    [InlineData(22, "วันพุธ")]
    [InlineData(23, "วันพฤหัสบดี")]
    [InlineData(24, "วันศุกร์")]
    [InlineData(25, "วันเสาร์")]
    public void Format_WithWeekday_NamesTheThaiDay(int day, string weekday)
        => Assert.Equal($"{weekday}ที่ {day} มกราคม พ.ศ. 2568", ThaiDates.Format(new DateOnly(2025, 1, day), ThaiDateStyle.WithWeekday));

    [Theory]
    [InlineData(2025, 1, 1, "1 มกราคม 2568")] // the BE year turns on 1 January, not in April
    [InlineData(2024, 12, 31, "31 ธันวาคม 2567")]
    [InlineData(2024, 2, 29, "29 กุมภาพันธ์ 2567")]
    [InlineData(1999, 12, 31, "31 ธันวาคม 2542")]
    public void Format_YearBoundaries_AddsExactly543(int year, int month, int day, string expected)
        => Assert.Equal(expected, ThaiDates.Format(new DateOnly(year, month, day)));

    [Fact]
    public void Format_UnknownStyle_ThrowsArgumentOutOfRange()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ThaiDates.Format(Monday20January2025, (ThaiDateStyle)99));

    [Fact]
    public void Format_UnderAnEnglishCurrentCulture_IsStillThai()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("20 มกราคม 2568", ThaiDates.Format(Monday20January2025));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void ToBuddhistYear_GregorianYear_Adds543()
    {
        Assert.Equal(2568, ThaiDates.ToBuddhistYear(2025));
        Assert.Equal(543, ThaiDates.BuddhistEraOffset);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("th")]
    public void FormatFor_ThaiCulture_GivesBuddhistEraInThai(string culture)
    {
        Assert.Equal("20 มกราคม 2568", ThaiDates.FormatFor(Monday20January2025, CultureInfo.GetCultureInfo(culture)));
        Assert.Equal("๒๐ มกราคม ๒๕๖๘", ThaiDates.FormatFor(Monday20January2025, CultureInfo.GetCultureInfo(culture), thaiDigits: true));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("en-GB")]
    [InlineData("")]
    public void FormatFor_NonThaiCulture_GivesGregorianDateInEnglish(string culture)
        => Assert.Equal("20 January 2025", ThaiDates.FormatFor(Monday20January2025, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void FormatFor_NullCulture_ThrowsArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => ThaiDates.FormatFor(Monday20January2025, null!));

    [Theory]
    [InlineData(2025, 1, 20, "25680120")]
    [InlineData(1990, 7, 5, "25330705")]
    [InlineData(2024, 2, 29, "25670229")]
    [InlineData(2000, 12, 31, "25431231")]
    public void ToDopaDate_Date_IsBuddhistYearMonthDay(int year, int month, int day, string expected)
        => Assert.Equal(expected, ThaiDates.ToDopaDate(new DateOnly(year, month, day)));

    [Fact]
    public void ToDopaDate_UnderThaiCurrentCulture_StillUsesAsciiDigitsAndNoDoubleOffset()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
            Assert.Equal("25680120", ThaiDates.ToDopaDate(Monday20January2025));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("25680120", 2025, 1, 20)]
    [InlineData("25670229", 2024, 2, 29)] // 2567 BE = 2024 CE, a leap year
    [InlineData("25431231", 2000, 12, 31)]
    [InlineData("25330705", 1990, 7, 5)]
    public void TryParseDopaDate_PossibleDate_GivesGregorianDate(string text, int year, int month, int day)
    {
        Assert.True(ThaiDates.TryParseDopaDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("25680230")] // 30 February
    [InlineData("25680229")] // 2568 BE = 2025 CE is not a leap year
    [InlineData("25680431")] // 31 April
    [InlineData("25680132")]
    [InlineData("25680100")] // day 00: DOPA's "day unknown" is not a date
    [InlineData("25680001")] // month 00
    [InlineData("25680000")]
    [InlineData("25681301")]
    [InlineData("00000101")] // year before the Common Era
    [InlineData("05430101")] // BE 543 = year 0
    [InlineData("2568012")] // 7 characters
    [InlineData("256801201")] // 9 characters
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2568O120")] // letter O
    [InlineData("2568-1-2")]
    [InlineData(" 2568012")]
    [InlineData("+2568012")]
    [InlineData("-2568012")]
    [InlineData("๒๕๖๘๐๑๒๐")] // Thai digits
    [InlineData("２５６８０１２０")] // full-width digits
    public void TryParseDopaDate_ImpossibleOrMalformed_IsRefused(string? text)
    {
        Assert.False(ThaiDates.TryParseDopaDate(text, out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryParseDopaDate_GregorianYearByMistake_IsReadAsBuddhistEra()
    {
        Assert.True(ThaiDates.TryParseDopaDate("20250120", out var date));
        Assert.Equal(new DateOnly(1482, 1, 20), date);
    }

    [Fact]
    public void DopaDate_EveryDayFrom1900To2100_RoundTrips()
    {
        for (var date = new DateOnly(1900, 1, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var text = ThaiDates.ToDopaDate(date);

            Assert.Equal(8, text.Length);
            Assert.True(ThaiDates.TryParseDopaDate(text, out var back), text);
            Assert.Equal(date, back);
        }
    }
}
