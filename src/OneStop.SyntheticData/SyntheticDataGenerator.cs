using System.Globalization;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.SyntheticData;

/// <summary>
/// Generates synthetic citizens and companies: realistic Thai and English names, addresses in real
/// subdistricts with their postcodes, valid check digits; the same seed always gives the same data.
/// Citizen IDs use registration office 99xx and juristic IDs registration year 999, which are not
/// issued, so no generated number can belong to a real person or company.
/// </summary>
public sealed class SyntheticDataGenerator
{
    /// <summary>The valid IDs of ../shared/testdata/thai-id-vectors.tsv, always present so that documented examples work.</summary>
    public static readonly IReadOnlyList<string> DocumentedCitizenIds =
    [
        "1999900000013", "1999900000021", "1999900001036", "2999912345671", "3999900000109",
        "3999904567898", "5999900007771", "8999900123457", "1999911111113", "3999999999995",
    ];

    /// <summary>Documented juristic persons: a company limited, a limited partnership, a public company.</summary>
    public static readonly IReadOnlyList<string> DocumentedJuristicIds = ["0105999000016", "0103999000022", "0107999000034"];

    private static readonly DateOnly Today = new(2026, 1, 1);

    private readonly int seed;
    private readonly Random random;
    private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);

    public SyntheticDataGenerator(int seed)
    {
        this.seed = seed;
        random = new Random(seed);
        usedIds.UnionWith(DocumentedCitizenIds);
        usedIds.UnionWith(DocumentedJuristicIds);
    }

    /// <summary>Generates at least the documented records, then random ones up to the counts asked for.</summary>
    public SyntheticDataSet Generate(int citizens, int companies)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(citizens);
        ArgumentOutOfRangeException.ThrowIfNegative(companies);

        var people = new List<SyntheticCitizen>(Math.Max(citizens, DocumentedCitizenIds.Count));
        for (var i = 0; i < DocumentedCitizenIds.Count; i++)
        {
            // Documented people look the same whatever the seed, so that docs and examples stay true.
            var fixedRandom = new Random(1000 + i);
            var address = NewAddress(fixedRandom);
            var houseId = string.Create(CultureInfo.InvariantCulture, $"{address.DistrictCode}99{i:D5}");
            people.Add(NewCitizen(fixedRandom, ThaiCitizenId.Parse(DocumentedCitizenIds[i], CultureInfo.InvariantCulture), address, houseId, adult: true));
        }

        while (people.Count < citizens)
        {
            var address = NewAddress(random);
            var houseId = NewHouseId(address);
            var members = random.Next(1, 6);
            for (var m = 0; m < members && people.Count < citizens; m++)
            {
                people.Add(NewCitizen(random, NewCitizenId(), address, houseId, adult: m == 0));
            }
        }

        var adults = people.Where(p => p.BirthDate <= Today.AddYears(-20) && p.Status == LifeStatus.Alive).ToList();
        var firms = new List<SyntheticCompany>(Math.Max(companies, DocumentedJuristicIds.Count));
        for (var i = 0; i < DocumentedJuristicIds.Count; i++)
        {
            var fixedRandom = new Random(2000 + i);
            var directors = new List<SyntheticDirector> { new(people[i].CitizenId, true), new(people[i + DocumentedJuristicIds.Count].CitizenId, i != 0) };
            firms.Add(NewCompany(fixedRandom, JuristicPersonId.Parse(DocumentedJuristicIds[i], CultureInfo.InvariantCulture), directors, CompanyStatus.Active));
        }

        while (firms.Count < companies)
        {
            var kind = Pick(random, CompanyKinds);
            var id = NewJuristicId(kind);
            var count = Math.Min(adults.Count, random.Next(1, 4));
            var directors = Enumerable.Range(0, count)
                .Select(_ => adults[random.Next(adults.Count)].CitizenId)
                .Distinct()
                .Select((c, n) => new SyntheticDirector(c, n == 0 || random.Next(2) == 0))
                .ToList();
            var status = random.Next(100) switch { < 90 => CompanyStatus.Active, < 97 => CompanyStatus.Dissolved, _ => CompanyStatus.Liquidated };
            firms.Add(NewCompany(random, id, directors, status));
        }

        return new SyntheticDataSet(seed, people, firms);
    }

    private static readonly JuristicPersonKind[] CompanyKinds =
    [
        JuristicPersonKind.CompanyLimited, JuristicPersonKind.CompanyLimited, JuristicPersonKind.CompanyLimited,
        JuristicPersonKind.CompanyLimited, JuristicPersonKind.LimitedPartnership, JuristicPersonKind.LimitedPartnership,
        JuristicPersonKind.OrdinaryPartnership, JuristicPersonKind.PublicCompanyLimited,
    ];

    private static SyntheticCitizen NewCitizen(Random r, ThaiCitizenId id, SyntheticAddress address, string houseId, bool adult)
    {
        var gender = r.Next(2) == 0 ? Gender.Male : Gender.Female;
        var given = Pick(r, gender == Gender.Male ? Names.Male : Names.Female);
        var family = Pick(r, Names.Surnames);
        var age = adult ? r.Next(20, 80) : r.Next(0, 80);
        var birth = Today.AddYears(-age).AddDays(-r.Next(0, 365));
        var married = gender == Gender.Female && age >= 25 && r.Next(2) == 0;
        var (titleTh, titleEn) = (gender, age) switch
        {
            (Gender.Male, < 15) => ("เด็กชาย", "Master"),
            (Gender.Female, < 15) => ("เด็กหญิง", "Miss"),
            (Gender.Male, _) => ("นาย", "Mr."),
            _ when married => ("นาง", "Mrs."),
            _ => ("นางสาว", "Miss"),
        };
        var status = r.Next(200) == 0 ? LifeStatus.Deceased : LifeStatus.Alive;
        var card = NewIdCard(r, birth);
        if (DocumentedCitizenIds.Contains(id.Value))
        {
            status = LifeStatus.Alive;
            // Valid until 2031, so that documented examples keep working (lifetime cards stay lifetime).
            card = card! with { ExpiresOn = card.ExpiresOn is null ? null : new DateOnly(2031, birth.Month, Math.Min(birth.Day, 28)) };
        }

        return new SyntheticCitizen(
            id, titleTh, titleEn, given.Thai, family.Thai, given.Roman, family.Roman, gender, birth, "THA", houseId, address, card, status);
    }

    private static SyntheticIdCard? NewIdCard(Random r, DateOnly birth)
    {
        // A card is compulsory from age 7 and renewed every eight years, expiring on the holder's birthday.
        var firstCard = birth.AddYears(7);
        var issued = Today.AddDays(-r.Next(0, 365 * 8));
        if (issued < firstCard)
        {
            issued = firstCard;
        }

        if (issued > Today)
        {
            return null;
        }

        var laser = NewLaserCode(r);
        var age = issued.Year - birth.Year;
        if (age >= 70)
        {
            return new SyntheticIdCard(laser, issued, null);
        }

        var expiryYear = issued.Year + 8;
        return new SyntheticIdCard(laser, issued, new DateOnly(expiryYear, birth.Month, Math.Min(birth.Day, DateTime.DaysInMonth(expiryYear, birth.Month))));
    }

    private static SyntheticCompany NewCompany(Random r, JuristicPersonId id, IReadOnlyList<SyntheticDirector> directors, CompanyStatus status)
    {
        var first = Pick(r, Names.CompanyWords);
        var second = Pick(r, Names.CompanyWords);
        var stem = (Thai: first.Thai + second.Thai, Roman: $"{first.Roman} {second.Roman}");
        var (nameTh, nameEn) = id.Kind switch
        {
            JuristicPersonKind.PublicCompanyLimited => ($"บริษัท {stem.Thai} จำกัด (มหาชน)", $"{stem.Roman} Public Company Limited"),
            JuristicPersonKind.LimitedPartnership => ($"ห้างหุ้นส่วนจำกัด {stem.Thai}", $"{stem.Roman} Limited Partnership"),
            JuristicPersonKind.OrdinaryPartnership => ($"ห้างหุ้นส่วนสามัญนิติบุคคล {stem.Thai}", $"{stem.Roman} Registered Ordinary Partnership"),
            _ => ($"บริษัท {stem.Thai} จำกัด", $"{stem.Roman} Co., Ltd."),
        };
        var capital = id.Kind == JuristicPersonKind.PublicCompanyLimited
            ? Money.FromBaht(r.Next(50, 2000) * 1_000_000m)
            : Money.FromBaht(r.Next(1, 100) * 100_000m);
        var registered = Today.AddDays(-r.Next(30, 365 * 40));
        var objectives = Enumerable.Range(0, r.Next(1, 4)).Select(_ => Pick(r, Objectives)).Distinct().ToList();
        return new SyntheticCompany(id, nameTh, nameEn, id.Kind, registered, status, capital, NewAddress(r), directors, objectives);
    }

    private static SyntheticAddress NewAddress(Random r)
    {
        var subdistricts = ThaiGeography.Subdistricts;
        var sub = subdistricts[r.Next(subdistricts.Count)];
        var district = ThaiGeography.FindDistrict(sub.DistrictCode)!;
        var province = ThaiGeography.FindProvince(sub.ProvinceCode)!;
        var urban = province.Code == "10" || r.Next(3) == 0;
        var houseNo = r.Next(4) == 0 ? $"{r.Next(1, 999)}/{r.Next(1, 99)}" : r.Next(1, 999).ToString(CultureInfo.InvariantCulture);
        int? moo = urban ? null : r.Next(1, 15);
        var soi = urban && r.Next(2) == 0 ? $"{Pick(r, Names.CompanyWords).Thai} {r.Next(1, 40)}" : null;
        var road = urban ? Pick(r, Roads) : null;
        return new SyntheticAddress(houseNo, moo, soi, road, sub.Code, sub.NameTh, district.Code, district.NameTh, province.Code, province.NameTh, province.NameEn, sub.Postcodes[r.Next(sub.Postcodes.Count)]);
    }

    private ThaiCitizenId NewCitizenId()
    {
        while (true)
        {
            var category = Pick(random, ['1', '1', '1', '3', '3', '2', '5', '8']);
            var first12 = string.Create(CultureInfo.InvariantCulture, $"{category}99{random.Next(0, 100):D2}{random.Next(0, 10_000_000):D7}");
            var id = ThaiIdChecksum.Complete(first12);
            if (usedIds.Add(id))
            {
                return ThaiCitizenId.Parse(id, CultureInfo.InvariantCulture);
            }
        }
    }

    private JuristicPersonId NewJuristicId(JuristicPersonKind kind)
    {
        var typeDigit = kind switch
        {
            JuristicPersonKind.OrdinaryPartnership => 2,
            JuristicPersonKind.LimitedPartnership => 3,
            JuristicPersonKind.PublicCompanyLimited => 7,
            _ => 5,
        };
        while (true)
        {
            var office = Pick(random, ["10", "10", "10", "11", "12", "13", "20", "50", "83", "90"]);
            var first12 = string.Create(CultureInfo.InvariantCulture, $"0{office}{typeDigit}999{random.Next(0, 100_000):D5}");
            var id = ThaiIdChecksum.Complete(first12);
            if (usedIds.Add(id))
            {
                return JuristicPersonId.Parse(id, CultureInfo.InvariantCulture);
            }
        }
    }

    private string NewHouseId(SyntheticAddress address)
    {
        // รหัสประจำบ้าน: 4-digit registration office + 7 digits (the 11th is a check digit we do not model).
        return string.Create(CultureInfo.InvariantCulture, $"{address.DistrictCode}{random.Next(0, 10_000_000):D7}");
    }

    private static string NewLaserCode(Random r)
        => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}{r.Next(0, 100_000):D5}{r.Next(0, 100_000):D5}");

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static readonly string[] Roads = ["ถนนสุขุมวิท", "ถนนพหลโยธิน", "ถนนเพชรเกษม", "ถนนมิตรภาพ", "ถนนรามคำแหง", "ถนนลาดพร้าว", "ถนนเจริญกรุง", "ถนนพระราม 4", "ถนนสาทร", "ถนนนิมมานเหมินท์"];

    private static readonly string[] Objectives =
    [
        "ขายส่งและขายปลีกสินค้าทั่วไป", "ร้านอาหารและเครื่องดื่ม", "รับเหมาก่อสร้างอาคาร", "ผลิตอาหารแปรรูป",
        "ให้บริการที่พักแรม (โรงแรม)", "ให้บริการนำเที่ยว", "พัฒนาซอฟต์แวร์และบริการระบบสารสนเทศ", "นำเข้าและส่งออกสินค้า",
        "ขนส่งสินค้าทางถนน", "ให้บริการสปาและนวดเพื่อสุขภาพ", "ผลิตเครื่องสำอาง", "ขายปลีกยาและเวชภัณฑ์",
    ];
}
