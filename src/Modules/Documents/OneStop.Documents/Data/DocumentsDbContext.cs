using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Issuing;
using OneStop.Documents.Signing;
using OneStop.Documents.Status;
using OneStop.SharedKernel.Data;

namespace OneStop.Documents.Data;

/// <summary>The Documents module's tables: issuer keys, issued documents, status lists, and licences waiting for their fees.</summary>
internal abstract class DocumentsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "documents";

    public DbSet<IssuerKey> IssuerKeys => Set<IssuerKey>();

    public DbSet<IssuedDocument> Documents => Set<IssuedDocument>();

    public DbSet<StatusList> StatusLists => Set<StatusList>();

    public DbSet<LicenceToIssue> LicencesToIssue => Set<LicenceToIssue>();

    public DbSet<PaidApplication> PaidApplications => Set<PaidApplication>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<IssuerKey>(b =>
        {
            b.ToTable("issuer_key");
            b.HasKey(k => k.Thumbprint);
            b.Property(k => k.Thumbprint).HasMaxLength(43);
            b.Property(k => k.AgencyCode).HasMaxLength(10);
            b.Property(k => k.X).HasMaxLength(43);
            b.Property(k => k.Y).HasMaxLength(43);
            // One current key per agency: two nodes making an agency's first key at once cannot both win.
            b.HasIndex(k => k.AgencyCode).IsUnique().HasFilter("\"RetiredAt\" IS NULL");
        });
        modelBuilder.Entity<IssuedDocument>(b =>
        {
            b.ToTable("document");
            b.HasKey(d => d.Id);
            b.HasIndex(d => d.Number).IsUnique();
            b.Property(d => d.Number).HasMaxLength(20);
            b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.AgencyCode).HasMaxLength(10);
            b.Property(d => d.LicenceCode).HasMaxLength(60);
            b.Property(d => d.ApplicationNumber).HasMaxLength(20);
            b.Property(d => d.HolderCitizenId).HasMaxLength(13);
            b.Property(d => d.HolderJuristicId).HasMaxLength(13);
            b.Property(d => d.HolderName).HasMaxLength(300);
            b.Property(d => d.BusinessName).HasMaxLength(300);
            b.Property(d => d.PremisesAddress).HasMaxLength(500);
            b.Property(d => d.TitleTh).HasMaxLength(300);
            b.Property(d => d.TitleEn).HasMaxLength(300);
            b.Property(d => d.KeyThumbprint).HasMaxLength(43);
            b.Property(d => d.StatusReason).HasMaxLength(500);
            b.Property(d => d.StatusChangedBy).HasMaxLength(300);
            b.Property(d => d.Version).IsConcurrencyToken();
            b.HasIndex(d => new { d.HolderCitizenId, d.IssuedAt });
            b.HasIndex(d => new { d.HolderJuristicId, d.IssuedAt });
            b.HasIndex(d => new { d.AgencyCode, d.IssuedAt });
            b.HasIndex(d => new { d.AgencyCode, d.StatusList, d.StatusIndex }).IsUnique();
        });
        modelBuilder.Entity<StatusList>(b =>
        {
            b.ToTable("status_list");
            b.HasKey(l => new { l.AgencyCode, l.Number });
            b.Property(l => l.AgencyCode).HasMaxLength(10);
            b.Property(l => l.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<LicenceToIssue>(b =>
        {
            b.ToTable("licence_to_issue");
            b.HasKey(l => l.Id);
            b.HasIndex(l => new { l.ApplicationId, l.LicenceCode }).IsUnique();
            b.Property(l => l.ApplicationNumber).HasMaxLength(20);
            b.Property(l => l.LicenceCode).HasMaxLength(60);
            b.Property(l => l.AgencyCode).HasMaxLength(10);
            b.Property(l => l.HolderCitizenId).HasMaxLength(13);
            b.Property(l => l.HolderJuristicId).HasMaxLength(13);
            b.Property(l => l.HolderName).HasMaxLength(300);
            b.Property(l => l.BusinessName).HasMaxLength(300);
            b.Property(l => l.PremisesAddress).HasMaxLength(500);
            b.Property(l => l.DocumentNumber).HasMaxLength(20);
        });
        modelBuilder.Entity<PaidApplication>(b =>
        {
            b.ToTable("paid_application");
            b.HasKey(p => p.ApplicationId);
            b.Property(p => p.InvoiceNumber).HasMaxLength(20);
            b.Property(p => p.ReceiptNumber).HasMaxLength(20);
        });
    }
}

internal sealed class SqliteDocumentsDbContext(DbContextOptions<SqliteDocumentsDbContext> options) : DocumentsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresDocumentsDbContext(DbContextOptions<PostgresDocumentsDbContext> options) : DocumentsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}
