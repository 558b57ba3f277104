using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Agencies.Seeding;

/// <summary>
/// Reference data of the module: agencies (Data/Seed/agencies.json), their offices in every province
/// and district, officer roles and the holiday calendar (Data/Seed/holidays.json).
/// </summary>
internal sealed class AgenciesSeeder(AgenciesDbContext db) : IModuleSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task SeedReferenceDataAsync(CancellationToken cancellationToken)
    {
        await SeedAgenciesAsync(cancellationToken);
        await SeedOfficesAsync(cancellationToken);
        await SeedRolesAsync(cancellationToken);
        await SeedHolidaysAsync(cancellationToken);
    }

    public Task SeedDemoDataAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAgenciesAsync(CancellationToken ct)
    {
        var seed = Read<List<AgencySeed>>("agencies.json");
        var existing = await db.Agencies.ToDictionaryAsync(a => a.Code, ct);
        // Parents first, so that the foreign key holds at every insert.
        foreach (var item in seed.OrderBy(a => a.ParentCode is null ? 0 : 1))
        {
            if (existing.TryGetValue(item.Code, out var agency))
            {
                agency.Abbreviation = item.Abbreviation;
                agency.NameTh = item.NameTh;
                agency.NameEn = item.NameEn;
                agency.Kind = item.Kind;
                agency.LocalGovernmentKind = item.LocalGovernmentKind;
                agency.ParentCode = item.ParentCode;
                agency.ProvinceCode = item.ProvinceCode;
            }
            else
            {
                db.Agencies.Add(new Agency
                {
                    Code = item.Code, Abbreviation = item.Abbreviation, NameTh = item.NameTh, NameEn = item.NameEn, Kind = item.Kind,
                    LocalGovernmentKind = item.LocalGovernmentKind, ParentCode = item.ParentCode, ProvinceCode = item.ProvinceCode,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedOfficesAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var existing = (await db.Offices.Select(o => o.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var office in OfficePlan.For(agencies).Where(o => !existing.Contains(o.Code)))
        {
            db.Offices.Add(office);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedRolesAsync(CancellationToken ct)
    {
        var existing = (await db.OfficerRoles.Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        db.OfficerRoles.AddRange(Roles.Where(r => !existing.Contains(r.Code)));
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedHolidaysAsync(CancellationToken ct)
    {
        // Only into an empty calendar: afterwards administrators own it, and a holiday they removed stays removed.
        if (await db.Holidays.AnyAsync(ct))
        {
            return;
        }

        db.Holidays.AddRange(Read<List<Holiday>>("holidays.json"));
        await db.SaveChangesAsync(ct);
    }

    private static T Read<T>(string name)
    {
        using var stream = typeof(AgenciesSeeder).Assembly.GetManifestResourceStream($"OneStop.Agencies.Seed.{name}")
            ?? throw new InvalidOperationException($"Embedded seed {name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"Seed {name} is empty.");
    }

    private sealed record AgencySeed(
        string Code, string? Abbreviation, string NameTh, string NameEn, AgencyKind Kind, string? ParentCode,
        LocalGovernmentKind? LocalGovernmentKind, string? ProvinceCode);

    private static readonly OfficerRole[] Roles =
    [
        new() { Code = OfficerRoleCodes.AgencyAdmin, NameTh = "ผู้ดูแลระบบของหน่วยงาน", NameEn = "Agency administrator", DescriptionTh = "สร้างบัญชีเจ้าหน้าที่และกำหนดบทบาทภายในหน่วยงาน", DescriptionEn = "Creates officer accounts and assigns roles within the agency." },
        new() { Code = OfficerRoleCodes.Officer, NameTh = "เจ้าหน้าที่", NameEn = "Officer", DescriptionTh = "ดูและดำเนินการคำขอในคิวของหน่วยงาน", DescriptionEn = "Sees and works on applications in the agency's queue." },
        new() { Code = OfficerRoleCodes.Reviewer, NameTh = "ผู้ตรวจสอบคำขอ", NameEn = "Reviewer", DescriptionTh = "ตรวจสอบคำขอและเอกสาร ส่งกลับให้แก้ไขได้", DescriptionEn = "Checks applications and documents; may send them back for correction." },
        new() { Code = OfficerRoleCodes.Approver, NameTh = "ผู้อนุมัติ", NameEn = "Approver", DescriptionTh = "อนุมัติหรือปฏิเสธคำขอในนามหน่วยงาน", DescriptionEn = "Approves or rejects applications on behalf of the agency." },
        new() { Code = OfficerRoleCodes.CounterStaff, NameTh = "เจ้าหน้าที่ให้บริการ ณ จุดบริการ", NameEn = "Counter staff", DescriptionTh = "ยื่นคำขอแทนผู้ที่มาติดต่อ ณ ศูนย์บริการร่วม", DescriptionEn = "Files applications on behalf of walk-in applicants at a service centre." },
        new() { Code = OfficerRoleCodes.DataOwner, NameTh = "เจ้าของข้อมูล", NameEn = "Data owner", DescriptionTh = "รับผิดชอบชุดข้อมูลของหน่วยงานตามกรอบธรรมาภิบาลข้อมูลภาครัฐ", DescriptionEn = "Accountable for the agency's datasets under the government data-governance framework." },
        new() { Code = OfficerRoleCodes.DataSteward, NameTh = "บริกรข้อมูล", NameEn = "Data steward", DescriptionTh = "ดูแลคุณภาพ คำอธิบาย และการจัดชั้นข้อมูล", DescriptionEn = "Maintains data quality, metadata and classification." },
        new() { Code = OfficerRoleCodes.ChiefInformationOfficer, NameTh = "ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง", NameEn = "Chief information officer", DescriptionTh = "รับผิดชอบการกำกับดูแลข้อมูลและตัวชี้วัดของหน่วยงาน", DescriptionEn = "Accountable for the agency's data governance and its indicators." },
    ];
}

/// <summary>
/// The offices of the agencies that serve people in every province and district, derived from the
/// national geography rather than listed by hand.
/// </summary>
internal static class OfficePlan
{
    public const string Dopa = "13003000";
    public const string Dbd = "12007000";
    public const string Bma = "22000000";
    public const string PublicHealthMinistry = "19000000";
    private const string Bangkok = "10";

    public static IEnumerable<Office> For(IReadOnlyCollection<Agency> agencies)
    {
        var codes = agencies.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            var province = agency.ProvinceCode ?? Bangkok;
            yield return new Office
            {
                Code = $"{agency.Code}-HQ", AgencyCode = agency.Code, Level = OfficeLevel.Headquarters, ProvinceCode = province,
                NameTh = $"{agency.NameTh} (สำนักงานใหญ่)", NameEn = $"{agency.NameEn} (head office)",
            };
        }

        var provinces = ThaiGeography.Provinces.Where(p => p.Code != Bangkok).ToList();
        foreach (var p in provinces)
        {
            if (codes.Contains(Dopa))
            {
                yield return ProvinceOffice(Dopa, p, $"ที่ทำการปกครองจังหวัด{p.NameTh}", $"{p.NameEn} Provincial Administration Office");
            }

            if (codes.Contains(Dbd))
            {
                yield return ProvinceOffice(Dbd, p, $"สำนักงานพัฒนาธุรกิจการค้าจังหวัด{p.NameTh}", $"{p.NameEn} Provincial Business Development Office");
            }

            if (codes.Contains(PublicHealthMinistry))
            {
                yield return ProvinceOffice(PublicHealthMinistry, p, $"สำนักงานสาธารณสุขจังหวัด{p.NameTh}", $"{p.NameEn} Provincial Public Health Office");
            }

            if (codes.Contains(Dopa))
            {
                foreach (var d in ThaiGeography.DistrictsOf(p.Code))
                {
                    yield return new Office
                    {
                        Code = $"{Dopa}-{d.Code}", AgencyCode = Dopa, Level = OfficeLevel.District, ProvinceCode = p.Code, DistrictCode = d.Code,
                        NameTh = $"ที่ว่าการอำเภอ{d.NameTh}", NameEn = $"District Office {d.Code}, {p.NameEn}",
                    };
                }
            }
        }

        if (codes.Contains(Bma))
        {
            // Bangkok's districts (เขต) are run by the BMA, not by the Department of Provincial Administration.
            foreach (var d in ThaiGeography.DistrictsOf(Bangkok))
            {
                yield return new Office
                {
                    Code = $"{Bma}-{d.Code}", AgencyCode = Bma, Level = OfficeLevel.District, ProvinceCode = Bangkok, DistrictCode = d.Code,
                    NameTh = $"สำนักงานเขต{d.NameTh}", NameEn = $"District Office {d.Code}, Bangkok",
                };
            }
        }
    }

    private static Office ProvinceOffice(string agencyCode, Province p, string nameTh, string nameEn) => new()
    {
        Code = $"{agencyCode}-{p.Code}", AgencyCode = agencyCode, Level = OfficeLevel.Province, ProvinceCode = p.Code, NameTh = nameTh, NameEn = nameEn,
    };
}
