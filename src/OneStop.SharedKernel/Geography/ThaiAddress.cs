namespace OneStop.SharedKernel.Geography;

/// <summary>An address as the population and juristic registries give it (house registration, registered office).</summary>
public sealed record ThaiAddress(string HouseNo, int? Moo, string? Soi, string? Road, string SubdistrictTh, string DistrictTh, string ProvinceTh, string Postcode)
{
    public string? ProvinceEn { get; init; }

    /// <summary>On one line, the way Thai forms write it: house number, moo, soi, road, subdistrict, district, province, postcode.</summary>
    public string Formatted()
        => string.Join(' ', new[]
        {
            HouseNo, Moo is { } moo ? $"หมู่ {moo}" : null, Soi is { Length: > 0 } ? $"ซอย{Soi}" : null, Road is { Length: > 0 } ? $"ถนน{Road}" : null,
            $"ตำบล/แขวง{SubdistrictTh}", $"อำเภอ/เขต{DistrictTh}", $"จังหวัด{ProvinceTh}", Postcode,
        }.Where(p => p is not null));
}
