using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Tests.Catalogue;

public sealed class FeeCalculatorTests
{
    private static readonly LocalizedText Label = new("ค่าธรรมเนียม", "Fee");

    [Theory]
    [InlineData(0, 50_000)]            // the minimum applies to no capital at all
    [InlineData(1_000_000, 50_000)]    // 10 units of 5,000 satang = the minimum
    [InlineData(1_000_001, 55_000)]    // a started unit counts
    [InlineData(5_000_000, 250_000)]
    [InlineData(9_000_000_000, 2_500_000)] // the maximum caps it
    public void PerUnitFee_ChargesEveryStartedUnitWithinBounds(decimal capital, long expected)
    {
        var fee = new PerUnitFee("registeredCapital", 100_000, 5_000, 50_000, 2_500_000);

        Assert.Equal(expected, FeeCalculator.PerUnit(fee, capital));
    }

    [Theory]
    [InlineData(50, 100_000)]
    [InlineData(100, 100_000)]
    [InlineData(100.5, 300_000)]
    [InlineData(401, 1_000_000)]
    public void BandedFee_PicksTheFirstBandThatHoldsTheAnswer(decimal area, long expected)
    {
        var fee = new BandedFee("floorArea", [new(100, 100_000), new(200, 300_000), new(400, 600_000), new(null, 1_000_000)]);

        Assert.Equal(expected, FeeCalculator.Band(fee, area));
    }

    [Fact]
    public void Quote_Online_AppliesTheDiscountToTotalAndRange()
    {
        var licence = Licence(new OnlineIncentive(5, 10), new Fee(Label, "21043000", new FixedFee(10_000, 100_000), ["BP"]));

        var online = FeeCalculator.Quote(licence, new Dictionary<string, Answer>(), Channel.Online);
        var counter = FeeCalculator.Quote(licence, new Dictionary<string, Answer>(), Channel.Counter);

        Assert.Equal((10_000, 10, 9_000, 90_000L), (online.SubtotalSatang, online.DiscountPercent, online.TotalSatang, online.MaxTotalSatang!.Value));
        Assert.Equal((0, 10_000, 100_000L), (counter.DiscountPercent, counter.TotalSatang, counter.MaxTotalSatang!.Value));
    }

    [Fact]
    public void Quote_PerRoomAndFixed_AddsUpPerAgency()
    {
        var licence = Licence(null,
            new Fee(Label, "13003000", new FixedFee(2_000_000, null), ["BP"]),
            new Fee(new LocalizedText("รายห้อง", "Per room"), "21043000", new PerUnitFee("rooms", 1, 8_000, null, null), ["P61"]));

        var quote = FeeCalculator.Quote(licence, new Dictionary<string, Answer> { ["rooms"] = new NumberAnswer(12) }, Channel.Online);

        Assert.Equal([2_000_000, 96_000], quote.Lines.Select(l => l.Satang));
        Assert.Equal(["13003000", "21043000"], quote.Lines.Select(l => l.AgencyCode));
        Assert.Equal(2_096_000, quote.TotalSatang);
        Assert.Null(quote.MaxTotalSatang);
    }

    [Fact]
    public void Quote_UnpublishedFee_IsFlaggedNotCountedAsFree()
    {
        var licence = Licence(null, new Fee(Label, "19010000", new UnpublishedFee(), ["assumption"]));

        var quote = FeeCalculator.Quote(licence, new Dictionary<string, Answer>(), Channel.Counter);

        Assert.True(quote.HasUnpublishedFees);
        Assert.False(quote.Lines.Single().Published);
    }

    [Theory]
    [InlineData(999, 10, 900)]  // 99.9 satang off rounds down to 99, in the applicant's favour... of the discount
    [InlineData(1_000, 0, 1_000)]
    [InlineData(1_000, 100, 0)]
    public void Discounted_TakesWholeSatangOff(long satang, int percent, long expected)
        => Assert.Equal(expected, FeeCalculator.Discounted(satang, percent));

    [Fact]
    public void SlaDays_OnlineUsesTheIncentive_CounterTheStandard()
    {
        var licence = Licence(new OnlineIncentive(5, 0));

        Assert.Equal(5, Incentives.SlaDays(licence, Channel.Online));
        Assert.Equal(7, Incentives.SlaDays(licence, Channel.Counter));
        Assert.Equal(7, Incentives.SlaDays(Licence(null), Channel.Online));
    }

    internal static LicenceDefinition Licence(OnlineIncentive? online, params Fee[] fees) => new(
        "test", new LocalizedText("ทดสอบ", "Test"), "21043000", new LocalizedText("กฎหมาย", "Law"), [], [], [], [], fees, 7, online,
        new Validity(ValidityTerm.None, null, false, null), [], new FactSources([], [], [], [], [], []));
}
