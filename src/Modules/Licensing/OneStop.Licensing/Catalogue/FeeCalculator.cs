using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Catalogue;

/// <summary>Works out a licence's fees and the portal incentive. Pure: the same inputs give the same quote.</summary>
internal static class FeeCalculator
{
    public static FeeQuote Quote(LicenceDefinition licence, IReadOnlyDictionary<string, Answer> answers, Channel channel)
    {
        var lines = licence.Fees.Select(fee => Line(fee, answers)).ToList();
        var subtotal = lines.Sum(l => l.Satang);
        var hasRange = lines.Any(l => l.MaxSatang is not null);
        var maxSubtotal = hasRange ? lines.Sum(l => l.MaxSatang ?? l.Satang) : (long?)null;
        var discount = Incentives.DiscountPercent(licence, channel);
        return new FeeQuote(channel, lines, subtotal, discount, Discounted(subtotal, discount),
            maxSubtotal is { } max ? Discounted(max, discount) : null, lines.Any(l => !l.Published));
    }

    private static FeeLine Line(Fee fee, IReadOnlyDictionary<string, Answer> answers) => fee.Formula switch
    {
        FixedFee fixedFee => new FeeLine(fee.Label, fee.AgencyCode, fixedFee.Satang, fixedFee.MaxSatang, true),
        PerUnitFee perUnit => new FeeLine(fee.Label, fee.AgencyCode, PerUnit(perUnit, NumberOf(answers, perUnit.QuestionKey)), null, true),
        BandedFee banded => new FeeLine(fee.Label, fee.AgencyCode, Band(banded, NumberOf(answers, banded.QuestionKey)), null, true),
        UnpublishedFee => new FeeLine(fee.Label, fee.AgencyCode, 0, null, false),
        _ => throw new ArgumentOutOfRangeException(nameof(fee)),
    };

    /// <summary>Rates are per started unit, as Thai fee schedules charge (e.g. 50 baht for each 100,000 baht of capital or part of it).</summary>
    public static long PerUnit(PerUnitFee fee, decimal quantity)
    {
        var units = (long)decimal.Ceiling(Math.Max(quantity, 0) / fee.UnitSize);
        var amount = checked(units * fee.SatangPerUnit);
        if (fee.MinSatang is { } min)
        {
            amount = Math.Max(amount, min);
        }

        return fee.MaxSatang is { } max ? Math.Min(amount, max) : amount;
    }

    public static long Band(BandedFee fee, decimal quantity)
        => fee.Bands.First(b => b.UpTo is null || quantity <= b.UpTo).Satang;

    /// <summary>Rounds the discount down to whole satang, in the applicant's favour.</summary>
    public static long Discounted(long satang, int percent) => satang - (satang * percent / 100);

    private static decimal NumberOf(IReadOnlyDictionary<string, Answer> answers, string key)
        => answers.GetValueOrDefault(key) is NumberAnswer n ? n.Value : 0;
}
