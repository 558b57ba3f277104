using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Integration;
using OneStop.SharedKernel.Data;

namespace OneStop.Licensing.Data;

/// <summary>The Licensing module's tables: applications, the licences in them, review tasks and history. Only this module injects it.</summary>
internal abstract class LicensingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "licensing";

    public DbSet<LicenceApplication> Applications => Set<LicenceApplication>();

    public DbSet<LicenceRequest> Licences => Set<LicenceRequest>();

    public DbSet<ReviewTask> Tasks => Set<ReviewTask>();

    public DbSet<ApplicationEvent> Events => Set<ApplicationEvent>();

    public DbSet<ApplicationDocument> Documents => Set<ApplicationDocument>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ApplicationConfiguration());
        modelBuilder.ApplyConfiguration(new LicenceRequestConfiguration());
        modelBuilder.ApplyConfiguration(new ReviewTaskConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationEventConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationDocumentConfiguration());
        modelBuilder.Entity<WebhookSubscription>(b =>
        {
            b.ToTable("webhook_subscription");
            b.HasKey(s => s.Id);
            b.Property(s => s.AgencyCode).HasMaxLength(10);
            b.Property(s => s.Url).HasMaxLength(500);
            b.Property(s => s.Secret).HasMaxLength(100);
            b.Property(s => s.CreatedBy).HasMaxLength(100);
            b.HasIndex(s => s.AgencyCode);
        });
        modelBuilder.Entity<WebhookDelivery>(b =>
        {
            b.ToTable("webhook_delivery");
            b.HasKey(d => d.Id);
            b.Property(d => d.EventType).HasMaxLength(40);
            b.Property(d => d.LastError).HasMaxLength(200);
            b.HasIndex(d => new { d.SubscriptionId, d.MessageId }).IsUnique();
            b.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
            b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class SqliteLicensingDbContext(DbContextOptions<SqliteLicensingDbContext> options) : LicensingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresLicensingDbContext(DbContextOptions<PostgresLicensingDbContext> options) : LicensingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<LicenceApplication>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<LicenceApplication> builder)
    {
        builder.ToTable("application");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Number).HasMaxLength(24);
        builder.Property(a => a.BusinessTypeCode).HasMaxLength(40);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ApplicantCitizenId).HasMaxLength(13);
        builder.Property(a => a.ApplicantName).HasMaxLength(300);
        builder.Property(a => a.JuristicId).HasMaxLength(13);
        builder.Property(a => a.CompanyName).HasMaxLength(300);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.DistrictCode).HasMaxLength(4);
        builder.Property(a => a.CreatedBy).HasMaxLength(100);
        builder.Property(a => a.ApplicantSubject).HasMaxLength(100);
        builder.Property(a => a.ApplicantEmail).HasMaxLength(254);
        builder.Property(a => a.Language).HasMaxLength(2);
        builder.Property(a => a.RenewalOfNumber).HasMaxLength(24);
        builder.Property(a => a.RenewalOfLicenceCode).HasMaxLength(60);
        // One renewal of a licence of an application: a second click, or a second tab, finds the first.
        builder.HasIndex(a => new { a.RenewalOf, a.RenewalOfLicenceCode }).IsUnique();
        builder.Property(a => a.CounterOfficeCode).HasMaxLength(40);
        builder.Property(a => a.IdentityCheck).HasMaxLength(300);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Answers).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json) ?? new Dictionary<string, string>(StringComparer.Ordinal),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                    v => new Dictionary<string, string>(v, StringComparer.Ordinal)));

        // The applicant's dashboard: their applications, newest first, as a person or for a company.
        builder.HasIndex(a => new { a.ApplicantCitizenId, a.CreatedAt });
        builder.HasIndex(a => new { a.JuristicId, a.CreatedAt });
        builder.HasMany(a => a.Licences).WithOne().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<ApplicationDocument>().WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LicenceRequestConfiguration : IEntityTypeConfiguration<LicenceRequest>
{
    public void Configure(EntityTypeBuilder<LicenceRequest> builder)
    {
        builder.ToTable("licence_request");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.ApplicationId, l.LicenceCode }).IsUnique();
        builder.Property(l => l.LicenceCode).HasMaxLength(60);
        builder.Property(l => l.AgencyCode).HasMaxLength(10);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(l => l.Reason).HasMaxLength(2000);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasMany(l => l.Tasks).WithOne().HasForeignKey(t => t.LicenceRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewTaskConfiguration : IEntityTypeConfiguration<ReviewTask>
{
    private const string InQueue = "\"Status\" IN ('Open', 'Claimed')";

    public void Configure(EntityTypeBuilder<ReviewTask> builder)
    {
        builder.ToTable("review_task");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ApplicationNumber).HasMaxLength(24);
        builder.Property(t => t.LicenceCode).HasMaxLength(60);
        builder.Property(t => t.ApplicantName).HasMaxLength(300);
        builder.Property(t => t.AgencyCode).HasMaxLength(10);
        builder.Property(t => t.OfficeCode).HasMaxLength(40);
        builder.Property(t => t.Role).HasMaxLength(40);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ClaimedBy).HasMaxLength(100);
        builder.Property(t => t.ClaimedByName).HasMaxLength(300);
        builder.Property(t => t.DecidedBy).HasMaxLength(100);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Property(t => t.Version).IsConcurrencyToken();

        // The queues read only open and claimed tasks, soonest due first: indexes in exactly that order, cut to
        // those tasks, let a page of a busy office's queue be read in order instead of sorted from every task
        // it ever had. The filter is plain SQL both providers accept.
        builder.HasIndex(t => new { t.AgencyCode, t.OfficeCode, t.DueOn, t.Id }, "IX_review_task_office_queue").HasFilter(InQueue);
        builder.HasIndex(t => new { t.AgencyCode, t.DueOn, t.Id }, "IX_review_task_agency_queue").HasFilter(InQueue);
        builder.HasIndex(t => new { t.ClaimedBy, t.DueOn, t.Id }, "IX_review_task_claimed_queue").HasFilter(InQueue);
        builder.HasIndex(t => t.ApplicationId);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.ToTable("application_event");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.LicenceCode).HasMaxLength(60);
        builder.Property(e => e.AgencyCode).HasMaxLength(10);
        builder.Property(e => e.Actor).HasMaxLength(300);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ApplicationId, e.Id });
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.ToTable("application_document");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.DocumentKey).HasMaxLength(60);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.HasIndex(d => new { d.ApplicationId, d.DocumentKey }).IsUnique();
    }
}
