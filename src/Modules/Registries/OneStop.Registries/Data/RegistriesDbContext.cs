using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;
using OneStop.SyntheticData;

namespace OneStop.Registries.Data;

/// <summary>The reference registries' tables. Only this module injects it.</summary>
internal abstract class RegistriesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "registries";

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyDirector> Directors => Set<CompanyDirector>();

    public DbSet<Trader> Traders => Set<Trader>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Person>(b =>
        {
            b.ToTable("person");
            b.HasKey(p => p.CitizenId);
            b.Property(p => p.CitizenId).HasMaxLength(13);
            b.Property(p => p.HouseId).HasMaxLength(11);
            b.Property(p => p.Gender).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.LaserCode).HasMaxLength(12);
            b.ComplexProperty(p => p.Address, a => a.ConfigureAddress());
            b.HasIndex(p => p.HouseId);
        });
        modelBuilder.Entity<Company>(b =>
        {
            b.ToTable("company");
            b.HasKey(c => c.JuristicId);
            b.Property(c => c.JuristicId).HasMaxLength(13);
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            b.ComplexProperty(c => c.Address, a => a.ConfigureAddress());
            b.HasMany(c => c.Directors).WithOne().HasForeignKey(d => d.JuristicId);
        });
        modelBuilder.Entity<CompanyDirector>(b =>
        {
            b.ToTable("company_director");
            b.HasKey(d => new { d.JuristicId, d.CitizenId });
            b.HasIndex(d => d.CitizenId);
        });
        modelBuilder.Entity<Trader>(b =>
        {
            b.ToTable("trader");
            b.HasKey(t => t.JuristicId);
            b.Property(t => t.CustomsStatus).HasConversion<string>().HasMaxLength(20);
            b.HasOne<Company>().WithOne().HasForeignKey<Trader>(t => t.JuristicId);
        });
    }
}

internal sealed class SqliteRegistriesDbContext(DbContextOptions<SqliteRegistriesDbContext> options) : RegistriesDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresRegistriesDbContext(DbContextOptions<PostgresRegistriesDbContext> options) : RegistriesDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal static class AddressMapping
{
    public static void ConfigureAddress(this Microsoft.EntityFrameworkCore.Metadata.Builders.ComplexPropertyBuilder<RegisteredAddress> a)
    {
        a.Property(x => x.HouseNo).HasMaxLength(20);
        a.Property(x => x.Soi).HasMaxLength(100);
        a.Property(x => x.Road).HasMaxLength(100);
        a.Property(x => x.SubdistrictCode).HasMaxLength(6);
        a.Property(x => x.SubdistrictTh).HasMaxLength(100);
        a.Property(x => x.DistrictCode).HasMaxLength(4);
        a.Property(x => x.DistrictTh).HasMaxLength(100);
        a.Property(x => x.ProvinceCode).HasMaxLength(2);
        a.Property(x => x.ProvinceTh).HasMaxLength(100);
        a.Property(x => x.ProvinceEn).HasMaxLength(100);
        a.Property(x => x.Postcode).HasMaxLength(5);
    }
}

/// <summary>An address as the registries record it (house registration, registered office).</summary>
internal sealed record RegisteredAddress(
    string HouseNo, int? Moo, string? Soi, string? Road, string SubdistrictCode, string SubdistrictTh,
    string DistrictCode, string DistrictTh, string ProvinceCode, string ProvinceTh, string ProvinceEn, string Postcode)
{
    public static RegisteredAddress From(SyntheticAddress a) => new(
        a.HouseNo, a.Moo, a.Soi, a.Road, a.SubdistrictCode, a.SubdistrictTh, a.DistrictCode, a.DistrictTh,
        a.ProvinceCode, a.ProvinceTh, a.ProvinceEn, a.Postcode);
}

/// <summary>A person in the population registry (ทะเบียนราษฎร).</summary>
internal sealed class Person
{
    public required string CitizenId { get; init; }

    public required string TitleTh { get; set; }

    public required string TitleEn { get; set; }

    public required string GivenNameTh { get; set; }

    public required string FamilyNameTh { get; set; }

    public required string GivenNameEn { get; set; }

    public required string FamilyNameEn { get; set; }

    public Gender Gender { get; set; }

    public DateOnly BirthDate { get; set; }

    public required string Nationality { get; set; }

    /// <summary>The house registration (ทะเบียนบ้าน) the person is recorded in.</summary>
    public required string HouseId { get; set; }

    public required RegisteredAddress Address { get; set; }

    public string? LaserCode { get; set; }

    public DateOnly? CardIssuedOn { get; set; }

    public DateOnly? CardExpiresOn { get; set; }

    public LifeStatus Status { get; set; }
}

/// <summary>A juristic person in the DBD registry.</summary>
internal sealed class Company
{
    public required string JuristicId { get; init; }

    public required string NameTh { get; set; }

    public required string NameEn { get; set; }

    public OneStop.SharedKernel.Identifiers.JuristicPersonKind Kind { get; set; }

    public DateOnly RegisteredOn { get; set; }

    public CompanyStatus Status { get; set; }

    public long CapitalSatang { get; set; }

    public required RegisteredAddress Address { get; set; }

    public List<string> Objectives { get; set; } = [];

    public List<CompanyDirector> Directors { get; set; } = [];
}

/// <summary>A director of a juristic person.</summary>
internal sealed class CompanyDirector
{
    public required string JuristicId { get; init; }

    public required string CitizenId { get; init; }

    /// <summary>Whether the director may sign (bind the company) alone.</summary>
    public bool MaySign { get; set; }
}

/// <summary>Customs registration of an importer/exporter (the National Single Window link).</summary>
internal enum CustomsStatus
{
    Registered,
    Suspended,
}

/// <summary>An importer/exporter known to Customs.</summary>
internal sealed class Trader
{
    public required string JuristicId { get; init; }

    public CustomsStatus CustomsStatus { get; set; }

    public DateOnly RegisteredOn { get; set; }

    public List<string> PermittedGoods { get; set; } = [];
}
