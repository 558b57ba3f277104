namespace OneStop.Licensing.Contracts;

/// <summary>Which licences a business needs, with the totals for the chosen channel.</summary>
/// <param name="TotalFeeSatang">Sum of the required licences' fees (the lower end where a fee is a range).</param>
/// <param name="TotalMaxFeeSatang">Sum of the upper ends, when some fee is a range.</param>
/// <param name="LongestSlaDays">The longest processing time among the required licences, in working days.</param>
public sealed record GuideResult(
    BusinessTypeDefinition BusinessType,
    Channel Channel,
    IReadOnlyList<GuideLicence> Required,
    IReadOnlyList<GuideLicence> Optional,
    long TotalFeeSatang,
    long? TotalMaxFeeSatang,
    int LongestSlaDays);

/// <summary>A licence in a guide result, with why it is listed.</summary>
public sealed record GuideLicence(LicenceDefinition Licence, IReadOnlyList<LocalizedText> Reasons, FeeQuote Fees, int SlaDays);

/// <summary>The fees of one licence for given answers and channel.</summary>
/// <param name="SubtotalSatang">Before the online discount.</param>
/// <param name="TotalSatang">After the online discount.</param>
/// <param name="MaxTotalSatang">Upper end after the discount, when a fee is a range.</param>
/// <param name="HasUnpublishedFees">Some fee's amount is not yet in the catalogue.</param>
public sealed record FeeQuote(
    Channel Channel,
    IReadOnlyList<FeeLine> Lines,
    long SubtotalSatang,
    int DiscountPercent,
    long TotalSatang,
    long? MaxTotalSatang,
    bool HasUnpublishedFees);

/// <summary>One computed fee, before any discount.</summary>
public sealed record FeeLine(LocalizedText Label, string AgencyCode, long Satang, long? MaxSatang, bool Published);
