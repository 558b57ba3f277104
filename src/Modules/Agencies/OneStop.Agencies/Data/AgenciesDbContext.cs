using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies.Contracts;
using OneStop.SharedKernel.Data;

namespace OneStop.Agencies.Data;

/// <summary>The Agencies module's tables. Only this module injects it.</summary>
internal abstract class AgenciesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "agencies";

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<OfficerRole> OfficerRoles => Set<OfficerRole>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new AgencyConfiguration());
        modelBuilder.ApplyConfiguration(new OfficeConfiguration());
        modelBuilder.ApplyConfiguration(new OfficerRoleConfiguration());
        modelBuilder.ApplyConfiguration(new HolidayConfiguration());
    }
}

internal sealed class SqliteAgenciesDbContext(DbContextOptions<SqliteAgenciesDbContext> options) : AgenciesDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresAgenciesDbContext(DbContextOptions<PostgresAgenciesDbContext> options) : AgenciesDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>A ministry, department, state body or local government.</summary>
internal sealed class Agency
{
    public required string Code { get; init; }

    public string? Abbreviation { get; set; }

    public required string NameTh { get; set; }

    public required string NameEn { get; set; }

    public AgencyKind Kind { get; set; }

    public LocalGovernmentKind? LocalGovernmentKind { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>For local governments: the province they serve.</summary>
    public string? ProvinceCode { get; set; }
}

/// <summary>Where an office sits in the hierarchy of the state.</summary>
internal enum OfficeLevel
{
    Headquarters,
    Province,
    District,
}

/// <summary>An office of an agency in a province (and district).</summary>
internal sealed class Office
{
    public required string Code { get; init; }

    public required string AgencyCode { get; init; }

    public required string NameTh { get; set; }

    public required string NameEn { get; set; }

    public OfficeLevel Level { get; set; }

    public required string ProvinceCode { get; set; }

    public string? DistrictCode { get; set; }
}

/// <summary>A role an officer can hold in an agency.</summary>
internal sealed class OfficerRole
{
    public required string Code { get; init; }

    public required string NameTh { get; set; }

    public required string NameEn { get; set; }

    public required string DescriptionTh { get; set; }

    public required string DescriptionEn { get; set; }
}

/// <summary>A day on which government offices are closed.</summary>
internal sealed class Holiday
{
    public DateOnly Date { get; init; }

    public required string NameTh { get; set; }

    public required string NameEn { get; set; }

    public HolidayKind Kind { get; set; }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agency");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(10);
        builder.Property(a => a.Abbreviation).HasMaxLength(40);
        builder.Property(a => a.NameTh).HasMaxLength(300);
        builder.Property(a => a.NameEn).HasMaxLength(300);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.LocalGovernmentKind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.ParentCode).HasMaxLength(10);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Kind);
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("office");
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(20);
        builder.Property(o => o.AgencyCode).HasMaxLength(10);
        builder.Property(o => o.NameTh).HasMaxLength(300);
        builder.Property(o => o.NameEn).HasMaxLength(300);
        builder.Property(o => o.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ProvinceCode).HasMaxLength(2);
        builder.Property(o => o.DistrictCode).HasMaxLength(4);
        builder.HasOne<Agency>().WithMany().HasForeignKey(o => o.AgencyCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.AgencyCode, o.ProvinceCode });
        builder.HasIndex(o => new { o.ProvinceCode, o.DistrictCode });
    }
}

internal sealed class OfficerRoleConfiguration : IEntityTypeConfiguration<OfficerRole>
{
    public void Configure(EntityTypeBuilder<OfficerRole> builder)
    {
        builder.ToTable("officer_role");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(40);
        builder.Property(r => r.NameTh).HasMaxLength(200);
        builder.Property(r => r.NameEn).HasMaxLength(200);
        builder.Property(r => r.DescriptionTh).HasMaxLength(1000);
        builder.Property(r => r.DescriptionEn).HasMaxLength(1000);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("holiday");
        builder.HasKey(h => h.Date);
        builder.Property(h => h.NameTh).HasMaxLength(200);
        builder.Property(h => h.NameEn).HasMaxLength(200);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
