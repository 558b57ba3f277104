using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;

namespace OneStop.Exchange.Data;

/// <summary>The exchange's tables. Only this module injects it.</summary>
internal abstract class ExchangeDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "exchange";

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Subsystem> Subsystems => Set<Subsystem>();

    public DbSet<ExchangeService> Services => Set<ExchangeService>();

    public DbSet<ServiceEndpoint> Endpoints => Set<ServiceEndpoint>();

    public DbSet<AccessRight> AccessRights => Set<AccessRight>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<ConsentEvent> ConsentEvents => Set<ConsentEvent>();

    public DbSet<MessageLogRecord> MessageLog => Set<MessageLogRecord>();

    public DbSet<LogChainHead> ChainHeads => Set<LogChainHead>();

    public DbSet<LogCheckpoint> Checkpoints => Set<LogCheckpoint>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    public DbSet<DirectoryChange> DirectoryChanges => Set<DirectoryChange>();

    public DbSet<LogArchive> LogArchives => Set<LogArchive>();

    public DbSet<MessageBody> MessageBodies => Set<MessageBody>();

    /// <summary>Whether <paramref name="id"/> may be the client of an exchange: a subsystem, or a member with connection settings.</summary>
    public async Task<bool> IsClientAsync(string id, CancellationToken ct)
        => await Subsystems.AnyAsync(s => s.Id == id, ct) || await Members.AnyAsync(m => m.Id == id && m.ConnectionType != null, ct);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Member>(b =>
        {
            b.ToTable("member");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).HasMaxLength(200);
            b.Property(m => m.Instance).HasMaxLength(40);
            b.Property(m => m.MemberClass).HasMaxLength(40);
            b.Property(m => m.MemberCode).HasMaxLength(100);
            b.Property(m => m.Name).HasMaxLength(300);
            b.Property(m => m.AgencyCode).HasMaxLength(10);
            b.Property(m => m.ConnectionType).HasConversion<string>().HasMaxLength(40);
            b.Property(m => m.OAuthClientId).HasMaxLength(100);
            b.Property(m => m.ClientCertificateThumbprint).HasMaxLength(64);
            b.Property(m => m.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Subsystem>(b =>
        {
            b.ToTable("subsystem");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).HasMaxLength(300);
            b.Property(s => s.MemberId).HasMaxLength(200);
            b.Property(s => s.Code).HasMaxLength(100);
            b.Property(s => s.Name).HasMaxLength(300);
            b.Property(s => s.ConnectionType).HasConversion<string>().HasMaxLength(40);
            b.Property(s => s.OAuthClientId).HasMaxLength(100);
            b.Property(s => s.ClientCertificateThumbprint).HasMaxLength(64);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId);
        });
        modelBuilder.Entity<ExchangeService>(b =>
        {
            b.ToTable("service");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).HasMaxLength(400);
            b.Property(s => s.SubsystemId).HasMaxLength(300);
            b.Property(s => s.ServiceCode).HasMaxLength(100);
            b.Property(s => s.Title).HasMaxLength(300);
            b.Property(s => s.BaseUrl).HasMaxLength(1000);
            b.Property(s => s.OpenApiUrl).HasMaxLength(1000);
            b.Property(s => s.ProviderTokenKey).HasMaxLength(200);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasOne<Subsystem>().WithMany().HasForeignKey(s => s.SubsystemId);
            b.HasMany(s => s.Endpoints).WithOne().HasForeignKey(e => e.ServiceId);
        });
        modelBuilder.Entity<ServiceEndpoint>(b =>
        {
            b.ToTable("service_endpoint");
            b.HasKey(e => e.Id);
            b.Property(e => e.ServiceId).HasMaxLength(400);
            b.Property(e => e.Method).HasMaxLength(10);
            b.Property(e => e.Path).HasMaxLength(500);
        });
        modelBuilder.Entity<AccessRight>(b =>
        {
            // A right names a subsystem or a member: exactly one of the two keys, equal to the client's identifier.
            b.ToTable("access_right", t => t.HasCheckConstraint(
                "CK_access_right_client",
                """("ClientSubsystemId" IS NULL) <> ("ClientMemberId" IS NULL) AND COALESCE("ClientSubsystemId", "ClientMemberId") = "ClientId" """));
            b.HasKey(r => r.Id);
            b.Property(r => r.ClientId).HasMaxLength(300);
            b.Property(r => r.ClientSubsystemId).HasMaxLength(300);
            b.Property(r => r.ClientMemberId).HasMaxLength(200);
            b.Property(r => r.ServiceId).HasMaxLength(400);
            b.Property(r => r.Method).HasMaxLength(10);
            b.Property(r => r.Path).HasMaxLength(500);
            b.Property(r => r.LegalMandate).HasMaxLength(1000);
            b.HasOne<Subsystem>().WithMany().HasForeignKey(r => r.ClientSubsystemId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Member>().WithMany().HasForeignKey(r => r.ClientMemberId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<ExchangeService>().WithMany().HasForeignKey(r => r.ServiceId);
            // One row per right, so that identical grants racing each other make one.
            b.HasIndex(r => new { r.ClientId, r.ServiceId, r.Method, r.Path }).IsUnique();
        });
        modelBuilder.Entity<Consent>(b =>
        {
            b.ToTable("consent");
            b.HasKey(c => c.Id);
            b.Property(c => c.DataSubject).HasMaxLength(13);
            b.Property(c => c.ClientId).HasMaxLength(300);
            b.Property(c => c.ServiceId).HasMaxLength(400);
            b.Property(c => c.Purpose).HasMaxLength(500);
            // Two withdrawals at once: the second finds it already withdrawn instead of writing a second event.
            b.Property(c => c.WithdrawnAt).IsConcurrencyToken();
            b.Property(c => c.ActiveKey).HasMaxLength(64);
            b.HasIndex(c => c.ActiveKey).IsUnique();
            b.HasIndex(c => new { c.DataSubject, c.ClientId, c.ServiceId });
        });
        modelBuilder.Entity<ConsentEvent>(b =>
        {
            b.ToTable("consent_event");
            b.HasKey(e => e.Sequence);
            b.Property(e => e.Sequence).ValueGeneratedNever();
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.DataSubject).HasMaxLength(13);
            b.Property(e => e.ClientId).HasMaxLength(300);
            b.Property(e => e.ServiceId).HasMaxLength(400);
            b.Property(e => e.Purpose).HasMaxLength(500);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.HasIndex(e => e.ConsentId);
        });
        modelBuilder.Entity<MessageLogRecord>(b =>
        {
            b.ToTable("message_log");
            b.HasKey(r => r.Sequence);
            b.Property(r => r.Sequence).ValueGeneratedNever();
            b.Property(r => r.XRoadId).HasMaxLength(LogLimits.XRoadId);
            b.Property(r => r.RequestId).HasMaxLength(50);
            b.Property(r => r.Client).HasMaxLength(LogLimits.Client);
            b.Property(r => r.Service).HasMaxLength(LogLimits.Service);
            b.Property(r => r.Method).HasMaxLength(LogLimits.Method);
            b.Property(r => r.Path).HasMaxLength(LogLimits.Path);
            b.Property(r => r.UserId).HasMaxLength(LogLimits.UserId);
            b.Property(r => r.Issue).HasMaxLength(LogLimits.Issue);
            b.Property(r => r.RepresentedParty).HasMaxLength(LogLimits.RepresentedParty);
            b.Property(r => r.ErrorType).HasMaxLength(200);
            b.Property(r => r.DataSubject).HasMaxLength(13);
            b.Property(r => r.RequestHash).HasMaxLength(100);
            b.Property(r => r.RequestBodyHash).HasMaxLength(100);
            b.Property(r => r.ResponseBodyHash).HasMaxLength(100);
            b.Property(r => r.LegalBasis).HasMaxLength(1000);
            b.Property(r => r.PreviousHash).HasMaxLength(64);
            b.Property(r => r.Hash).HasMaxLength(64);
            b.Property(r => r.Signature).HasMaxLength(100);
            b.Property(r => r.KeyId).HasMaxLength(50);
            // Only the X-Road ID is looked up (support cases); time ranges go by sequence, and people's
            // reads are found in personal_data_read. Each index is written on every exchange.
            b.HasIndex(r => r.XRoadId);
        });
        modelBuilder.Entity<LogChainHead>(b =>
        {
            b.ToTable("log_chain_head");
            b.HasKey(h => h.Id);
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.Hash).HasMaxLength(64);
        });
        modelBuilder.Entity<LogCheckpoint>(b =>
        {
            b.ToTable("log_checkpoint");
            b.HasKey(c => c.Sequence);
            b.Property(c => c.Sequence).ValueGeneratedNever();
            b.Property(c => c.Hash).HasMaxLength(64);
            b.Property(c => c.KeyId).HasMaxLength(50);
            b.Property(c => c.Signature).HasMaxLength(100);
        });
        modelBuilder.Entity<SigningKey>(b =>
        {
            b.ToTable("signing_key");
            b.HasKey(k => k.KeyId);
            b.Property(k => k.KeyId).HasMaxLength(50);
        });
        modelBuilder.Entity<MessageBody>(b =>
        {
            b.ToTable("message_body");
            b.HasKey(m => m.Sequence);
            b.Property(m => m.Sequence).ValueGeneratedNever();
            b.Property(m => m.KeyId).HasMaxLength(16);
        });
        modelBuilder.Entity<LogArchive>(b =>
        {
            b.ToTable("log_archive");
            b.HasKey(a => a.Id);
            b.Property(a => a.LastHash).HasMaxLength(64);
            b.Property(a => a.File).HasMaxLength(200);
            b.Property(a => a.FileSha256).HasMaxLength(64);
            b.HasIndex(a => a.ToSequence).IsUnique();
        });
        modelBuilder.Entity<DirectoryChange>(b =>
        {
            b.ToTable("directory_change");
            b.HasKey(c => c.Id);
            b.Property(c => c.Actor).HasMaxLength(200);
            b.Property(c => c.Action).HasMaxLength(50);
            b.Property(c => c.Target).HasMaxLength(500);
            b.HasIndex(c => c.Time);
        });
        modelBuilder.Entity<PersonalDataRead>(b =>
        {
            b.ToTable("personal_data_read");
            b.HasKey(r => r.Id);
            b.Property(r => r.DataSubject).HasMaxLength(13);
            b.Property(r => r.Client).HasMaxLength(300);
            b.Property(r => r.ClientName).HasMaxLength(300);
            b.Property(r => r.Service).HasMaxLength(400);
            b.Property(r => r.ServiceTitle).HasMaxLength(300);
            b.Property(r => r.Purpose).HasMaxLength(LogLimits.Issue);
            b.Property(r => r.LegalBasis).HasMaxLength(1000);
            b.Property(r => r.XRoadId).HasMaxLength(LogLimits.XRoadId);
            b.HasIndex(r => new { r.DataSubject, r.Time });
            b.HasIndex(r => r.Sequence);
        });
    }
}

internal sealed class SqliteExchangeDbContext(DbContextOptions<SqliteExchangeDbContext> options) : ExchangeDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresExchangeDbContext(DbContextOptions<PostgresExchangeDbContext> options) : ExchangeDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}
