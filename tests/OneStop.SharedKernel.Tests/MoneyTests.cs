using System.Globalization;

namespace OneStop.SharedKernel.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1234.5", 123450)]
    [InlineData("1234.50", 123450)]
    [InlineData("1234.500", 123450)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("-2.25", -225)]
    public void FromBaht_AtMostTwoDecimals_GivesWholeSatang(string baht, long satang)
        => Assert.Equal(satang, Money.FromBaht(decimal.Parse(baht, CultureInfo.InvariantCulture)).Satang);

    [Theory]
    [InlineData("0.001")]
    [InlineData("1.005")]
    [InlineData("-0.015")]
    public void FromBaht_FractionOfASatang_ThrowsArgumentException(string baht)
    {
        var ex = Assert.Throws<ArgumentException>(() => Money.FromBaht(decimal.Parse(baht, CultureInfo.InvariantCulture)));

        Assert.Equal("baht", ex.ParamName);
    }

    [Fact]
    public void FromBaht_MoreSatangThanALongHolds_ThrowsOverflowException()
        => Assert.Throws<OverflowException>(() => Money.FromBaht(100_000_000_000_000_000m));

    [Fact]
    public void Baht_OfSatang_IsExactDecimal()
    {
        Assert.Equal(1234.50m, new Money(123450).Baht);
        Assert.Equal(0.01m, new Money(1).Baht);
        Assert.Equal(-0.99m, new Money(-99).Baht);
    }

    [Fact]
    public void Arithmetic_OnSatang_IsExactWhereDecimalsOfDoubleWouldDrift()
    {
        var tenSatang = Money.FromBaht(0.10m);
        var sum = Money.Zero;
        for (var i = 0; i < 1000; i++)
        {
            sum += tenSatang;
        }

        Assert.Equal(Money.FromBaht(100m), sum);
        Assert.Equal(new Money(150), new Money(200) - new Money(50));
        Assert.Equal(new Money(600), new Money(200) * 3);
        Assert.Equal(new Money(250), Money.Add(new Money(200), new Money(50)));
        Assert.Equal(new Money(-50), Money.Subtract(new Money(0), new Money(50)));
        Assert.Equal(new Money(0), Money.Multiply(new Money(200), 0));
    }

    [Fact]
    public void Arithmetic_BeyondTheRangeOfLong_ThrowsOverflowException()
    {
        var max = new Money(long.MaxValue);

        Assert.Throws<OverflowException>(() => max + new Money(1));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
        Assert.Throws<OverflowException>(() => max * 2);
    }

    [Fact]
    public void Comparison_BySatang_OrdersAmounts()
    {
        var small = new Money(99);
        var large = new Money(100);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= new Money(99));
        Assert.True(large >= new Money(100));
        Assert.False(large < small);
        Assert.True(small.CompareTo(large) < 0);
        Assert.Equal(0, large.CompareTo(new Money(100)));
        Assert.Equal([new Money(-5), small, large], new[] { large, new Money(-5), small }.Order().ToArray());
    }

    [Theory]
    [InlineData(10000, 10, 9000)]
    [InlineData(10000, 0, 10000)]
    [InlineData(10000, 100, 0)]
    [InlineData(99, 10, 90)] // discount 9.9 satang is rounded down to 9: the payer never gets more off than the percentage
    [InlineData(1, 50, 1)]
    [InlineData(333, 33, 224)] // 109.89 satang off becomes 109
    public void Discount_Percent_RoundsTheDiscountDownToWholeSatang(long satang, int percent, long expected)
        => Assert.Equal(new Money(expected), new Money(satang).Discount(percent));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Discount_OutsideZeroToHundred_ThrowsArgumentOutOfRange(int percent)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Money(10000).Discount(percent));

    [Fact]
    public void Discount_WhenSatangTimesPercentExceedsLong_IsStillExact()
    {
        // 10^17 satang less 99 % is 10^15 satang, which fits in a long; only the intermediate
        // 10^17 * 99 does not. The other operators are checked: a silently wrong amount is a bug.
        var amount = new Money(100_000_000_000_000_000);

        Assert.Equal(new Money(1_000_000_000_000_000), amount.Discount(99));
    }

    [Theory]
    [InlineData(123450, "฿1,234.50")]
    [InlineData(0, "฿0.00")]
    [InlineData(5, "฿0.05")]
    [InlineData(100_000_000, "฿1,000,000.00")]
    public void ToDisplayString_Amount_HasBahtSignGroupingAndTwoDecimals(long satang, string expected)
    {
        Assert.Equal(expected, new Money(satang).ToDisplayString());
        Assert.Equal(expected, new Money(satang).ToString());
    }

    [Fact]
    public void ToDisplayString_ThaiDigits_ReplacesEveryDigit()
        => Assert.Equal("฿๑,๒๓๔.๕๐", new Money(123450).ToDisplayString(thaiDigits: true));

    [Fact]
    public void ToDisplayString_UnderACultureWithCommaDecimals_StillUsesPointAndCommaGrouping()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("฿1,234.50", new Money(123450).ToDisplayString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("150", 15000)]
    [InlineData("150.5", 15050)]
    [InlineData("150.50", 15050)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("9999999999.99", 999_999_999_999)]
    public void TryParseBaht_BankAndQrForms_ReadsSatang(string text, long satang)
    {
        Assert.True(Money.TryParseBaht(text, out var amount));
        Assert.Equal(satang, amount.Satang);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.005")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    [InlineData("1,000.00")]
    [InlineData("1e3")]
    [InlineData(" 1.00")]
    [InlineData(".50")]
    [InlineData("1.")]
    [InlineData("๑.๐๐")]
    [InlineData("99999999999999999999")]
    public void TryParseBaht_AnythingElse_IsRefusedAndLeavesZero(string? text)
    {
        Assert.False(Money.TryParseBaht(text, out var amount));
        Assert.Equal(Money.Zero, amount);
    }

    [Fact]
    public void TryParseBaht_UnderACultureWithCommaDecimals_StillReadsThePoint()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.True(Money.TryParseBaht("12.34", out var amount));
            Assert.Equal(1234, amount.Satang);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
