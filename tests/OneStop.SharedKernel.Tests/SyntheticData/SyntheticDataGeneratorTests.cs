using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Identifiers;
using OneStop.SyntheticData;

namespace OneStop.SharedKernel.Tests.SyntheticData;

public sealed partial class SyntheticDataGeneratorTests
{
    // One large set shared by the property tests: immutable, deterministic, built once. About 2,200
    // addresses, so rare subdistricts get picked too.
    private static readonly Lazy<SyntheticDataSet> LargeSet = new(() => new SyntheticDataGenerator(2025).Generate(citizens: 5000, companies: 500));

    private static SyntheticDataSet Large => LargeSet.Value;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static IEnumerable<SyntheticAddress> AllAddresses(SyntheticDataSet set)
        => set.Citizens.Select(c => c.Address).Concat(set.Companies.Select(c => c.Address));

    [GeneratedRegex("^[A-Z]{2}[0-9]{10}$")]
    private static partial Regex LaserCode();

    [GeneratedRegex(@"^[\u0E00-\u0E7F]+$")]
    private static partial Regex ThaiScript();

    [GeneratedRegex("^[A-Za-z][A-Za-z -]*$")]
    private static partial Regex Roman();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 3)]
    [InlineData(300, 50)]
    public void Generate_SameSeed_GivesIdenticalData(int citizens, int companies)
    {
        var first = new SyntheticDataGenerator(42).Generate(citizens, companies);
        var second = new SyntheticDataGenerator(42).Generate(citizens, companies);

        Assert.Equal(Json(first), Json(second));
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentData()
    {
        var a = new SyntheticDataGenerator(1).Generate(100, 20);
        var b = new SyntheticDataGenerator(2).Generate(100, 20);

        Assert.NotEqual(Json(a), Json(b));
        Assert.NotEqual(
            a.Citizens.Skip(10).Select(c => c.CitizenId),
            b.Citizens.Skip(10).Select(c => c.CitizenId));
        Assert.Equal(1, a.Seed);
        Assert.Equal(2, b.Seed);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(11, 4)]
    [InlineData(250, 60)]
    public void Generate_CountsAtLeastTheDocumentedRecords_AreHonoured(int citizens, int companies)
    {
        var set = new SyntheticDataGenerator(7).Generate(citizens, companies);

        Assert.Equal(citizens, set.Citizens.Count);
        Assert.Equal(companies, set.Companies.Count);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(9, 2)]
    public void Generate_FewerThanTheDocumentedRecords_StillGivesThemAll(int citizens, int companies)
    {
        var set = new SyntheticDataGenerator(7).Generate(citizens, companies);

        Assert.Equal(SyntheticDataGenerator.DocumentedCitizenIds, set.Citizens.Select(c => c.CitizenId.Value));
        Assert.Equal(SyntheticDataGenerator.DocumentedJuristicIds, set.Companies.Select(c => c.JuristicId.Value));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    public void Generate_NegativeCount_ThrowsArgumentOutOfRange(int citizens, int companies)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDataGenerator(1).Generate(citizens, companies));

    [Fact]
    public void DocumentedIds_AreTheValidRowsOfTheVectorFile()
    {
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "thai-id-vectors.tsv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Where(c => bool.Parse(c[2]))
            .ToList();

        Assert.Equal(rows.Where(c => c[0] == "citizen").Select(c => c[1]).Order(StringComparer.Ordinal), SyntheticDataGenerator.DocumentedCitizenIds.Order(StringComparer.Ordinal));
        Assert.Equal(rows.Where(c => c[0] == "juristic").Select(c => c[1]).Order(StringComparer.Ordinal), SyntheticDataGenerator.DocumentedJuristicIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DocumentedRecords_AnySeedOrCount_AreIdentical()
    {
        static (string Citizens, string Companies) Documented(SyntheticDataSet set) =>
            (Json(set.Citizens.Where(c => SyntheticDataGenerator.DocumentedCitizenIds.Contains(c.CitizenId.Value)).OrderBy(c => c.CitizenId.Value, StringComparer.Ordinal).ToList()),
             Json(set.Companies.Where(c => SyntheticDataGenerator.DocumentedJuristicIds.Contains(c.JuristicId.Value)).OrderBy(c => c.JuristicId.Value, StringComparer.Ordinal).ToList()));

        var reference = Documented(new SyntheticDataGenerator(1).Generate(0, 0));

        Assert.Equal(reference, Documented(new SyntheticDataGenerator(2).Generate(10, 3)));
        Assert.Equal(reference, Documented(new SyntheticDataGenerator(-123456).Generate(500, 80)));
        Assert.Equal(reference, Documented(new SyntheticDataGenerator(int.MaxValue).Generate(50, 5)));
        Assert.Contains($"\"{SyntheticDataGenerator.DocumentedCitizenIds[^1]}\"", reference.Citizens, StringComparison.Ordinal);
        Assert.Contains($"\"{SyntheticDataGenerator.DocumentedJuristicIds[^1]}\"", reference.Companies, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_All_AreValidAndUnique()
    {
        var set = Large;

        Assert.All(set.Citizens, c => Assert.Equal(ThaiIdProblem.None, ThaiCitizenId.Check(c.CitizenId.Value)));
        Assert.All(set.Companies, c => Assert.Equal(ThaiIdProblem.None, JuristicPersonId.Check(c.JuristicId.Value)));
        Assert.Equal(set.Citizens.Count, set.Citizens.Select(c => c.CitizenId).Distinct().Count());
        Assert.Equal(set.Companies.Count, set.Companies.Select(c => c.JuristicId).Distinct().Count());
    }

    [Fact]
    public void CitizenIds_All_UseRegistrationOffice99WhichIsNeverIssued()
        => Assert.All(Large.Citizens, c => Assert.Equal("99", c.CitizenId.Value[1..3]));

    [Fact]
    public void JuristicIds_All_UseRegistrationYear999WhichIsNeverIssued()
        => Assert.All(Large.Companies, c => Assert.Equal("999", c.JuristicId.Value[4..7]));

    [Fact]
    public void Companies_Kind_MatchesTheIdAndTheLegalName()
    {
        var set = Large;

        Assert.All(set.Companies, c =>
        {
            Assert.Equal(c.JuristicId.Kind, c.Kind);
            var (thai, english) = c.Kind switch
            {
                JuristicPersonKind.PublicCompanyLimited => ("จำกัด (มหาชน)", "Public Company Limited"),
                JuristicPersonKind.LimitedPartnership => ("ห้างหุ้นส่วนจำกัด", "Limited Partnership"),
                JuristicPersonKind.OrdinaryPartnership => ("ห้างหุ้นส่วนสามัญนิติบุคคล", "Registered Ordinary Partnership"),
                _ => ("จำกัด", "Co., Ltd."),
            };
            Assert.Contains(thai, c.NameTh, StringComparison.Ordinal);
            Assert.EndsWith(english, c.NameEn, StringComparison.Ordinal);
        });
        Assert.Contains(set.Companies, c => c.Kind == JuristicPersonKind.CompanyLimited);
        Assert.Contains(set.Companies, c => c.Kind == JuristicPersonKind.LimitedPartnership);
        Assert.Contains(set.Companies, c => c.Kind == JuristicPersonKind.PublicCompanyLimited);
    }

    [Fact]
    public void Addresses_All_AreInARealSubdistrictWithOneOfItsPostcodes()
    {
        Assert.All(AllAddresses(Large), a =>
        {
            var subdistrict = ThaiGeography.FindSubdistrict(a.SubdistrictCode);
            Assert.NotNull(subdistrict);
            Assert.Contains(a.Postcode, subdistrict.Postcodes);
            Assert.Equal(subdistrict.NameTh, a.SubdistrictTh);
            Assert.Equal(subdistrict.DistrictCode, a.DistrictCode);
            Assert.Equal(subdistrict.ProvinceCode, a.ProvinceCode);

            var province = ThaiGeography.FindProvince(a.ProvinceCode);
            Assert.NotNull(province);
            Assert.Equal(province.NameTh, a.ProvinceTh);
            Assert.Equal(province.NameEn, a.ProvinceEn);
            Assert.False(string.IsNullOrWhiteSpace(a.HouseNo));
        });
    }

    [Fact]
    public void Addresses_All_HaveADistrictOfTheirOwnProvince()
    {
        var bad = AllAddresses(Large)
            .Where(a => a.DistrictCode.Length != 4
                || !a.DistrictCode.StartsWith(a.ProvinceCode, StringComparison.Ordinal)
                || ThaiGeography.FindDistrict(a.DistrictCode)?.NameTh != a.DistrictTh)
            .Select(a => $"{a.SubdistrictTh}, district '{a.DistrictCode}' {a.DistrictTh}, {a.ProvinceEn}")
            .Distinct();

        Assert.Empty(bad);
    }

    [Fact]
    public void Citizens_HouseIds_AreElevenDigitsAndSharedOnlyWithinOneAddress()
    {
        var citizens = Large.Citizens;
        var bad = citizens
            .Where(c => c.HouseId.Length != 11 || !c.HouseId.All(char.IsAsciiDigit))
            .Select(c => $"'{c.HouseId}' ({c.Address.SubdistrictTh}, district '{c.Address.DistrictCode}', {c.Address.ProvinceEn})")
            .Distinct()
            .ToList();

        Assert.True(bad.Count == 0, $"{bad.Count} house IDs, e.g. {string.Join("; ", bad.Take(5))}");
        Assert.All(citizens.GroupBy(c => c.HouseId), house => Assert.Single(house.Select(c => c.Address).Distinct()));
    }

    [Fact]
    public void Companies_Directors_AreGeneratedAdultLivingCitizens()
    {
        var set = Large;
        var people = set.Citizens.ToDictionary(c => c.CitizenId);

        Assert.All(set.Companies, company =>
        {
            Assert.NotEmpty(company.Directors);
            Assert.Contains(company.Directors, d => d.MaySign);
            Assert.Equal(company.Directors.Count, company.Directors.Select(d => d.CitizenId).Distinct().Count());
            Assert.All(company.Directors, d =>
            {
                Assert.True(people.TryGetValue(d.CitizenId, out var person), d.CitizenId.Value);
                Assert.Equal(LifeStatus.Alive, person.Status);
                // Of age (20) on the generator's reference date, 1 January 2026.
                Assert.True(person.BirthDate <= new DateOnly(2006, 1, 1), d.CitizenId.Value);
            });
        });
    }

    [Fact]
    public void Citizens_LaserCodes_AreTwoCapitalLettersAndTenDigits()
    {
        var cards = Large.Citizens.Where(c => c.IdCard is not null).Select(c => c.IdCard!).ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Matches(LaserCode(), c.LaserCode));
    }

    [Fact]
    public void Citizens_UnderSeven_HaveNoCardAndFromSeven_HaveOne()
    {
        var reference = new DateOnly(2026, 1, 1);
        Assert.All(Large.Citizens, c => Assert.Equal(c.BirthDate.AddYears(7) <= reference, c.IdCard is not null));
        Assert.Contains(Large.Citizens, c => c.IdCard is null);
    }

    [Fact]
    public void Citizens_CardsIssuedAtSeventyOrLater_NeverExpire()
    {
        Assert.All(Large.Citizens.Where(c => c.IdCard is not null), c =>
            Assert.Equal(c.IdCard!.IssuedOn.Year - c.BirthDate.Year >= 70, c.IdCard.ExpiresOn is null));
        Assert.Contains(Large.Citizens, c => c.IdCard is { ExpiresOn: null });
    }

    [Fact]
    public void Citizens_Titles_AgreeWithGender()
    {
        var set = Large;

        Assert.All(set.Citizens, c =>
        {
            var allowed = c.Gender == Gender.Male
                ? new[] { ("นาย", "Mr."), ("เด็กชาย", "Master") }
                : [("นาง", "Mrs."), ("นางสาว", "Miss"), ("เด็กหญิง", "Miss")];
            Assert.Contains((c.TitleTh, c.TitleEn), allowed);
        });
        Assert.Contains(set.Citizens, c => c.Gender == Gender.Male);
        Assert.Contains(set.Citizens, c => c.Gender == Gender.Female);
    }

    [Fact]
    public void Names_All_AreNonEmptyInThaiScriptAndInRomanLetters()
    {
        var set = Large;

        Assert.All(set.Citizens, c =>
        {
            Assert.Matches(ThaiScript(), c.GivenNameTh);
            Assert.Matches(ThaiScript(), c.FamilyNameTh);
            Assert.Matches(Roman(), c.GivenNameEn);
            Assert.Matches(Roman(), c.FamilyNameEn);
        });
        Assert.All(set.Companies, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.NameTh));
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn));
            Assert.NotEmpty(c.Objectives);
        });
    }

    [Fact]
    public void Citizens_IdCards_AreIssuedAfterBirthAndExpireAfterIssue()
    {
        var bad = Large.Citizens
            .Where(c => c.IdCard is { } card && (card.IssuedOn < c.BirthDate.AddYears(7) || card.ExpiresOn <= card.IssuedOn))
            .Select(c => $"{c.CitizenId}: born {c.BirthDate:yyyy-MM-dd}, card issued {c.IdCard!.IssuedOn:yyyy-MM-dd}, expires {c.IdCard.ExpiresOn:yyyy-MM-dd}")
            .ToList();

        Assert.True(bad.Count == 0, $"{bad.Count} citizens, e.g. {string.Join("; ", bad.Take(5))}");
    }

    [Fact]
    public void Citizens_NationalityAndDocumentedStatus_AreThaiAndAlive()
    {
        var set = Large;

        Assert.All(set.Citizens, c => Assert.Equal("THA", c.Nationality));
        Assert.All(set.Citizens.Take(SyntheticDataGenerator.DocumentedCitizenIds.Count), c => Assert.Equal(LifeStatus.Alive, c.Status));
        Assert.All(set.Companies.Take(SyntheticDataGenerator.DocumentedJuristicIds.Count), c => Assert.Equal(CompanyStatus.Active, c.Status));
        Assert.All(set.Companies, c => Assert.True(c.Capital > Money.Zero, c.JuristicId.Value));
    }
}
