using System.Collections.Frozen;

namespace OneStop.SharedKernel.Geography;

/// <summary>A province (จังหวัด) with its DOPA code.</summary>
public sealed record Province(string Code, string NameTh, string NameEn, string Region);

/// <summary>A district (อำเภอ / เขต) with its DOPA code.</summary>
public sealed record District(string Code, string ProvinceCode, string NameTh);

/// <summary>A subdistrict (ตำบล / แขวง) with its DOPA code and the postcodes that serve it.</summary>
public sealed record Subdistrict(string Code, string DistrictCode, string ProvinceCode, string NameTh, IReadOnlyList<string> Postcodes);

/// <summary>
/// Thailand's 77 provinces, their districts and subdistricts with postcodes: public reference data
/// shipped with the code (see Geography/Data/NOTICE.md), loaded once.
/// </summary>
public static class ThaiGeography
{
    private static readonly Lazy<Data> Loaded = new(Load);

    public static IReadOnlyList<Province> Provinces => Loaded.Value.Provinces;

    public static IReadOnlyList<District> Districts => Loaded.Value.Districts;

    public static IReadOnlyList<Subdistrict> Subdistricts => Loaded.Value.Subdistricts;

    public static Province? FindProvince(string code) => Loaded.Value.ProvinceByCode.GetValueOrDefault(code);

    public static District? FindDistrict(string code) => Loaded.Value.DistrictByCode.GetValueOrDefault(code);

    public static Subdistrict? FindSubdistrict(string code) => Loaded.Value.SubdistrictByCode.GetValueOrDefault(code);

    public static IReadOnlyList<District> DistrictsOf(string provinceCode)
        => Loaded.Value.DistrictsByProvince.GetValueOrDefault(provinceCode) ?? [];

    public static IReadOnlyList<Subdistrict> SubdistrictsOf(string districtCode)
        => Loaded.Value.SubdistrictsByDistrict.GetValueOrDefault(districtCode) ?? [];

    private static Data Load()
    {
        var provinces = ReadTsv("provinces.tsv")
            .Select(c => new Province(c[0], c[1], c[2], c[3]))
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .ToList();

        var rows = ReadTsv("subdistricts.tsv").ToList();
        var districts = rows
            .GroupBy(c => c[1], StringComparer.Ordinal)
            .Select(g => new District(g.Key, g.First()[0], g.First()[2]))
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var subdistricts = rows
            .GroupBy(c => c[3], StringComparer.Ordinal)
            .Select(g => new Subdistrict(g.Key, g.First()[1], g.First()[0], g.First()[4], g.Select(c => c[5]).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();

        return new Data(
            provinces,
            districts,
            subdistricts,
            provinces.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal),
            districts.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal),
            subdistricts.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal),
            districts.GroupBy(d => d.ProvinceCode).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<District>)[.. g], StringComparer.Ordinal),
            subdistricts.GroupBy(s => s.DistrictCode).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Subdistrict>)[.. g], StringComparer.Ordinal));
    }

    private static IEnumerable<string[]> ReadTsv(string name)
    {
        using var stream = typeof(ThaiGeography).Assembly.GetManifestResourceStream($"OneStop.Geography.{name}")
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }

    private sealed record Data(
        List<Province> Provinces,
        List<District> Districts,
        List<Subdistrict> Subdistricts,
        FrozenDictionary<string, Province> ProvinceByCode,
        FrozenDictionary<string, District> DistrictByCode,
        FrozenDictionary<string, Subdistrict> SubdistrictByCode,
        FrozenDictionary<string, IReadOnlyList<District>> DistrictsByProvince,
        FrozenDictionary<string, IReadOnlyList<Subdistrict>> SubdistrictsByDistrict);
}
