using OneStop.SharedKernel.Geography;

namespace OneStop.SharedKernel.Tests.Geography;

public sealed class ThaiGeographyTests
{
    private static readonly string[] Regions = ["central", "east", "northeast", "north", "west", "south"];

    private static bool AllDigits(string s, int length) => s.Length == length && s.All(char.IsAsciiDigit);

    [Fact]
    public void Provinces_All_Are77WithUniqueTwoDigitCodesAndNames()
    {
        var provinces = ThaiGeography.Provinces;

        Assert.Equal(77, provinces.Count);
        Assert.Equal(77, provinces.Select(p => p.Code).Distinct().Count());
        Assert.All(provinces, p =>
        {
            Assert.True(AllDigits(p.Code, 2), p.Code);
            Assert.False(string.IsNullOrWhiteSpace(p.NameTh), p.Code);
            Assert.False(string.IsNullOrWhiteSpace(p.NameEn), p.Code);
            Assert.Contains(p.Region, Regions);
        });
    }

    [Fact]
    public void FindProvince_38_IsBuengKan()
    {
        var province = ThaiGeography.FindProvince("38");

        Assert.NotNull(province);
        Assert.Equal("Bueng Kan", province.NameEn);
        Assert.Equal("บึงกาฬ", province.NameTh);
        Assert.Equal("northeast", province.Region);
    }

    [Fact]
    public void FindProvince_10_IsBangkokWith50Districts()
    {
        var bangkok = ThaiGeography.FindProvince("10");

        Assert.NotNull(bangkok);
        Assert.Equal("Bangkok", bangkok.NameEn);
        Assert.Equal("กรุงเทพมหานคร", bangkok.NameTh);
        Assert.Equal(50, ThaiGeography.DistrictsOf("10").Count);
    }

    [Fact]
    public void DistrictsOf_BuengKan_AreTheEightDistricts3801To3808()
    {
        var codes = ThaiGeography.DistrictsOf("38").Select(d => d.Code);

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"380{n}"), codes);
    }

    [Theory]
    [InlineData("97")] // Bueng Kan's placeholder code in the upstream data
    [InlineData("00")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("100")]
    public void FindProvince_UnknownCode_IsNull(string code)
        => Assert.Null(ThaiGeography.FindProvince(code));

    [Theory]
    [InlineData("9999")]
    [InlineData("1000")]
    [InlineData("10")]
    public void FindDistrict_UnknownCode_IsNullAndHasNoSubdistricts(string code)
    {
        Assert.Null(ThaiGeography.FindDistrict(code));
        Assert.Empty(ThaiGeography.SubdistrictsOf(code));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("100100")]
    [InlineData("1001")]
    public void FindSubdistrict_UnknownCode_IsNull(string code)
        => Assert.Null(ThaiGeography.FindSubdistrict(code));

    [Theory]
    [InlineData("97")]
    [InlineData("99")]
    [InlineData("1001")]
    public void DistrictsOf_UnknownProvince_IsEmpty(string code)
        => Assert.Empty(ThaiGeography.DistrictsOf(code));

    [Fact]
    public void Provinces_Every_HasAtLeastOneDistrict()
        => Assert.Empty(ThaiGeography.Provinces.Where(p => ThaiGeography.DistrictsOf(p.Code).Count == 0).Select(p => p.Code));

    [Fact]
    public void Districts_Every_PointsToAnExistingProvinceAndHasAName()
    {
        var bad = ThaiGeography.Districts
            .Where(d => ThaiGeography.FindProvince(d.ProvinceCode) is null || string.IsNullOrWhiteSpace(d.NameTh))
            .Select(d => $"{d.Code}→{d.ProvinceCode}");

        Assert.Empty(bad);
    }

    [Fact]
    public void Districts_EveryCode_IsFourDigitsStartingWithItsProvinceCode()
    {
        var bad = ThaiGeography.Districts
            .Where(d => !AllDigits(d.Code, 4) || !d.Code.StartsWith(d.ProvinceCode, StringComparison.Ordinal))
            .Select(d => $"'{d.Code}' {d.NameTh} (province {d.ProvinceCode})");

        Assert.Empty(bad);
    }

    [Fact]
    public void Districts_Codes_AreUnique()
        => Assert.Equal(ThaiGeography.Districts.Count, ThaiGeography.Districts.Select(d => d.Code).Distinct().Count());

    [Fact]
    public void Subdistricts_Every_PointsToAnExistingDistrictInTheSameProvince()
    {
        var bad = ThaiGeography.Subdistricts
            .Where(s => ThaiGeography.FindProvince(s.ProvinceCode) is null
                || ThaiGeography.FindDistrict(s.DistrictCode)?.ProvinceCode != s.ProvinceCode)
            .Select(s => $"{s.Code} {s.NameTh}: district '{s.DistrictCode}' is in province {ThaiGeography.FindDistrict(s.DistrictCode)?.ProvinceCode ?? "none"}, subdistrict says {s.ProvinceCode}");

        Assert.Empty(bad);
    }

    [Fact]
    public void Subdistricts_EveryCode_IsSixDigitsStartingWithItsDistrictCode()
    {
        var bad = ThaiGeography.Subdistricts
            .Where(s => !AllDigits(s.Code, 6) || !s.Code.StartsWith(s.DistrictCode, StringComparison.Ordinal))
            .Select(s => $"{s.Code} {s.NameTh} (district '{s.DistrictCode}')")
            .ToList();

        Assert.True(bad.Count == 0, $"{bad.Count} subdistricts, e.g. {string.Join("; ", bad.Take(10))}");
    }

    [Fact]
    public void Subdistricts_Every_HasANameAndAtLeastOneFiveDigitPostcode()
    {
        var bad = ThaiGeography.Subdistricts
            .Where(s => string.IsNullOrWhiteSpace(s.NameTh) || s.Postcodes.Count == 0 || !s.Postcodes.All(p => AllDigits(p, 5)))
            .Select(s => s.Code);

        Assert.Empty(bad);
    }

    [Fact]
    public void Subdistricts_Postcodes_AreDistinct()
        => Assert.All(ThaiGeography.Subdistricts, s => Assert.Equal(s.Postcodes.Count, s.Postcodes.Distinct().Count()));

    [Fact]
    public void Lookups_AgreeWithTheLists()
    {
        foreach (var province in ThaiGeography.Provinces)
        {
            Assert.Same(province, ThaiGeography.FindProvince(province.Code));
            Assert.Equal(
                ThaiGeography.Districts.Where(d => d.ProvinceCode == province.Code),
                ThaiGeography.DistrictsOf(province.Code));
        }

        var subdistrictsByDistrict = ThaiGeography.Subdistricts.ToLookup(s => s.DistrictCode, StringComparer.Ordinal);
        foreach (var district in ThaiGeography.Districts)
        {
            Assert.Same(district, ThaiGeography.FindDistrict(district.Code));
            Assert.Equal(subdistrictsByDistrict[district.Code], ThaiGeography.SubdistrictsOf(district.Code));
        }

        Assert.All(ThaiGeography.Subdistricts, s => Assert.Same(s, ThaiGeography.FindSubdistrict(s.Code)));
    }

    [Fact]
    public void SubdistrictsOf_PhasiCharoen_IncludesItsOwnBangChak()
    {
        // Bangkok has two แขวงบางจาก: in เขตพระโขนง (postcode 10260) and in เขตภาษีเจริญ (postcode 10160).
        var phraKhanong = ThaiGeography.Districts.Single(d => d.ProvinceCode == "10" && d.NameTh == "พระโขนง");
        var phasiCharoen = ThaiGeography.Districts.Single(d => d.ProvinceCode == "10" && d.NameTh == "ภาษีเจริญ");

        var inPhraKhanong = Assert.Single(ThaiGeography.SubdistrictsOf(phraKhanong.Code), s => s.NameTh == "บางจาก");
        var inPhasiCharoen = Assert.Single(ThaiGeography.SubdistrictsOf(phasiCharoen.Code), s => s.NameTh == "บางจาก");

        Assert.Equal(["10260"], inPhraKhanong.Postcodes);
        Assert.Equal(["10160"], inPhasiCharoen.Postcodes);
    }

    [Fact]
    public void Subdistricts_EverySourceRow_KeepsItsDistrictAndPostcode()
    {
        using var stream = typeof(ThaiGeography).Assembly.GetManifestResourceStream("OneStop.Geography.subdistricts.tsv");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var lost = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // province_code, district_code, district_th, subdistrict_code, subdistrict_th, postcode
            var c = line.Split('\t');
            var found = ThaiGeography.SubdistrictsOf(c[1]).Any(s => s.NameTh == c[4] && s.Postcodes.Contains(c[5]));
            if (!found)
            {
                lost.Add($"{c[3]} {c[4]} in district {c[1]} {c[2]} ({c[5]})");
            }
        }

        Assert.True(lost.Count == 0, $"{lost.Count} source rows cannot be found under their district, e.g. {string.Join("; ", lost.Take(10))}");
    }
}
