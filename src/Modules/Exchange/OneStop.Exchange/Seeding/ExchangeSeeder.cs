using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.Exchange.MessageLog;
using OneStop.Registries.Contracts;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Seeding;

/// <summary>
/// The registries as members, subsystems and services of the exchange (reference data), the log's
/// chain head and first signing key; with demo data, the counter subsystem <c>TH/GOV/DEMO/counter</c>
/// and its access rights.
/// </summary>
internal sealed class ExchangeSeeder(ExchangeDbContext db, TimeProvider clock) : IModuleSeeder
{
    public const string DemoClient = "TH/GOV/DEMO/counter";

    /// <summary>A demo agency system that authenticates with the Digital ID's access tokens (client <c>demo-agency</c>).</summary>
    public const string DemoTokenClient = "TH/GOV/DEMO/agency-system";

    /// <summary>A demo system that may read population records only with the person's consent.</summary>
    public const string DemoConsentClient = "TH/GOV/DEMO/scholarship";

    private const string DemoMandate =
        "พ.ร.บ.การอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558 และ พ.ร.บ.การบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. 2562 มาตรา 12 (demo mandate: counter service)";

    private const string LicensingMandate =
        "พ.ร.บ.การอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558 และ พ.ร.บ.การบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. 2562 มาตรา 12 (licence applications: no copies of what the state holds)";

    private const string IdentityProofingMandate =
        "พ.ร.บ.การบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. 2562 มาตรา 12 และมาตรฐาน ขมธอ. 19-2561 (identity proofing for the Digital ID)";

    public async Task SeedReferenceDataAsync(CancellationToken cancellationToken)
    {
        await AddMissingAsync(db.Members, m => m.Id,
        [
            Member("DOPA", "กรมการปกครอง (Department of Provincial Administration)", "13003000"),
            Member("DBD", "กรมพัฒนาธุรกิจการค้า (Department of Business Development)", "12007000"),
            Member("CUSTOMS", "กรมศุลกากร (Customs Department)", "03005000"),
            Member("DGA", "สำนักงานพัฒนารัฐบาลดิจิทัล (Digital Government Development Agency)", "10009000"),
        ], cancellationToken);
        await AddMissingAsync(db.Subsystems, s => s.Id,
        [
            Provider("TH/GOV/DOPA", "population", "Population registry"),
            Provider("TH/GOV/DBD", "juristic", "Juristic-person registry"),
            Provider("TH/GOV/CUSTOMS", "nsw", "National Single Window: traders"),
            Provider("TH/GOV/DGA", "digital-id", "Digital ID: identity proofing"),
            Provider("TH/GOV/DGA", "biz-portal", "Business portal: licence applications"),
        ], cancellationToken);
        await AddMissingAsync(db.Services, s => s.Id,
        [
            Service("TH/GOV/DOPA/population", "persons", "ข้อมูลทะเบียนราษฎร / Population record", RegistryProviders.PopulationPersons, "registries-population", personal: true, ("GET", "/*")),
            Service("TH/GOV/DOPA/population", "card-check", "ตรวจสอบบัตรประชาชน / ID card check", RegistryProviders.PopulationCardCheck, "registries-population", personal: true, ("POST", "/")),
            Service("TH/GOV/DBD/juristic", "companies", "ข้อมูลนิติบุคคล / Juristic-person record", RegistryProviders.JuristicCompanies, "registries-juristic", personal: true, ("GET", "/*")),
            Service("TH/GOV/CUSTOMS/nsw", "traders", "ผู้นำเข้าส่งออก / Importer-exporter", RegistryProviders.TradeTraders, "registries-trade", personal: false, ("GET", "/*")),
        ], cancellationToken);

        // The Digital ID proves who people are from their ID card, then reads their record for the claims it issues.
        // Acting for a company rests on the juristic registry's list of directors with signing authority.
        var digitalIdServices = await db.AccessRights.Where(r => r.ClientId == ExchangeNames.DigitalIdClient).Select(r => r.ServiceId).ToListAsync(cancellationToken);
        db.AccessRights.AddRange(new[]
        {
            new AccessRight { ClientId = ExchangeNames.DigitalIdClient, ServiceId = "TH/GOV/DOPA/population/card-check", Method = "POST", Path = "/", LegalMandate = IdentityProofingMandate },
            new AccessRight { ClientId = ExchangeNames.DigitalIdClient, ServiceId = "TH/GOV/DOPA/population/persons", Method = "GET", Path = "/*", LegalMandate = IdentityProofingMandate },
            new AccessRight { ClientId = ExchangeNames.DigitalIdClient, ServiceId = "TH/GOV/DBD/juristic/companies", Method = "GET", Path = "/*", LegalMandate = IdentityProofingMandate },
        }.Where(r => !digitalIdServices.Contains(r.ServiceId)));

        // The business portal reads what the registries hold instead of asking applicants for copies.
        var portalServices = await db.AccessRights.Where(r => r.ClientId == ExchangeNames.BizPortalClient).Select(r => r.ServiceId).ToListAsync(cancellationToken);
        db.AccessRights.AddRange(new[]
        {
            new AccessRight { ClientId = ExchangeNames.BizPortalClient, ServiceId = "TH/GOV/DOPA/population/persons", Method = "GET", Path = "/*", LegalMandate = LicensingMandate },
            new AccessRight { ClientId = ExchangeNames.BizPortalClient, ServiceId = "TH/GOV/DBD/juristic/companies", Method = "GET", Path = "/*", LegalMandate = LicensingMandate },
        }.Where(r => !portalServices.Contains(r.ServiceId)));

        if (!await db.ChainHeads.AnyAsync(cancellationToken))
        {
            db.ChainHeads.Add(new LogChainHead { Id = LogChain.HeadId, Sequence = 0, Hash = LogChain.Genesis });
        }

        if (!await db.SigningKeys.AnyAsync(cancellationToken))
        {
            db.SigningKeys.Add(LogSigner.NewKey(clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeedDemoDataAsync(CancellationToken cancellationToken)
    {
        await AddMissingAsync(db.Members, m => m.Id, [Member("DEMO", "หน่วยบริการสาธิต (Demo service counter)", null)], cancellationToken);
        await AddMissingAsync(db.Subsystems, s => s.Id,
        [
            new Subsystem
            {
                Id = DemoClient, MemberId = "TH/GOV/DEMO", Code = "counter", Name = "Counter service (demo)",
                ConnectionType = ConnectionType.Http, AllowedAddresses = ["127.0.0.1", "::1"],
            },
            new Subsystem
            {
                Id = DemoTokenClient, MemberId = "TH/GOV/DEMO", Code = "agency-system", Name = "Agency system with OAuth 2.0 tokens (demo)",
                ConnectionType = ConnectionType.OAuth2, OAuthClientId = "demo-agency", AllowedAddresses = ["127.0.0.1", "::1"],
            },
            new Subsystem
            {
                Id = DemoConsentClient, MemberId = "TH/GOV/DEMO", Code = "scholarship", Name = "กองทุนทุนการศึกษา (สาธิต) / Scholarship fund (demo)",
                ConnectionType = ConnectionType.Http, AllowedAddresses = ["127.0.0.1", "::1"],
            },
        ], cancellationToken);
        if (!await db.AccessRights.AnyAsync(r => r.ClientId == DemoClient, cancellationToken))
        {
            db.AccessRights.AddRange(
                new AccessRight { ClientId = DemoClient, ServiceId = "TH/GOV/DOPA/population/persons", Method = "GET", Path = "/*", LegalMandate = DemoMandate },
                new AccessRight { ClientId = DemoClient, ServiceId = "TH/GOV/DOPA/population/card-check", Method = "POST", Path = "/", LegalMandate = DemoMandate },
                new AccessRight { ClientId = DemoClient, ServiceId = "TH/GOV/DBD/juristic/companies", Method = "GET", Path = "/*", LegalMandate = DemoMandate },
                new AccessRight { ClientId = DemoClient, ServiceId = "TH/GOV/CUSTOMS/nsw/traders", Method = "GET", Path = "/*" });
        }

        if (!await db.AccessRights.AnyAsync(r => r.ClientId == DemoTokenClient, cancellationToken))
        {
            db.AccessRights.AddRange(
                new AccessRight { ClientId = DemoTokenClient, ServiceId = "TH/GOV/DOPA/population/persons", Method = "GET", Path = "/*", LegalMandate = DemoMandate },
                new AccessRight { ClientId = DemoTokenClient, ServiceId = "TH/GOV/CUSTOMS/nsw/traders", Method = "GET", Path = "/*" });
        }

        // No mandate: this system reads a person's record only with that person's consent.
        if (!await db.AccessRights.AnyAsync(r => r.ClientId == DemoConsentClient, cancellationToken))
        {
            db.AccessRights.Add(new AccessRight { ClientId = DemoConsentClient, ServiceId = "TH/GOV/DOPA/population/persons", Method = "GET", Path = "/*" });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task AddMissingAsync<T>(DbSet<T> set, Func<T, string> key, IReadOnlyList<T> items, CancellationToken ct)
        where T : class
    {
        var existing = (await set.AsNoTracking().ToListAsync(ct)).Select(key).ToHashSet(StringComparer.Ordinal);
        set.AddRange(items.Where(i => !existing.Contains(key(i))));
    }

    private static Member Member(string code, string name, string? agency)
        => new() { Id = $"TH/GOV/{code}", Instance = "TH", MemberClass = "GOV", MemberCode = code, Name = name, AgencyCode = agency };

    private static Subsystem Provider(string member, string code, string name)
        => new() { Id = $"{member}/{code}", MemberId = member, Code = code, Name = name, ConnectionType = ConnectionType.Http, AllowedAddresses = ["127.0.0.1", "::1"] };

    private static ExchangeService Service(string subsystem, string code, string title, string baseUrl, string openApi, bool personal, params (string Method, string Path)[] endpoints)
    {
        var id = $"{subsystem}/{code}";
        return new ExchangeService
        {
            Id = id, SubsystemId = subsystem, ServiceCode = code, Title = title, BaseUrl = baseUrl, OpenApiUrl = $"/openapi/{openApi}.json",
            PersonalData = personal, ProviderTokenKey = RegistryProviders.ProviderTokenKey, TimeoutSeconds = 30,
            Endpoints = [.. endpoints.Select(e => new ServiceEndpoint { ServiceId = id, Method = e.Method, Path = e.Path })],
        };
    }
}
