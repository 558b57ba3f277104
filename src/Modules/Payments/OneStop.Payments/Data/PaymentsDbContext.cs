using Microsoft.EntityFrameworkCore;
using OneStop.Payments.Invoices;
using OneStop.Payments.Payments;
using OneStop.Payments.Receipts;
using OneStop.Payments.Reconciliation;
using OneStop.Payments.Refunds;
using OneStop.SharedKernel.Data;

namespace OneStop.Payments.Data;

/// <summary>The Payments module's tables: invoices, payments, receipts, refunds, gateway notifications, reconciliations.</summary>
internal abstract class PaymentsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "payments";

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    public DbSet<InvoiceEvent> InvoiceEvents => Set<InvoiceEvent>();

    public DbSet<LicenceCharge> LicenceCharges => Set<LicenceCharge>();

    public DbSet<DecidedApplication> DecidedApplications => Set<DecidedApplication>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<GatewayNotification> Notifications => Set<GatewayNotification>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<ReconciliationRun> Reconciliations => Set<ReconciliationRun>();

    public DbSet<ReconciliationItem> ReconciliationItems => Set<ReconciliationItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Invoice>(b =>
        {
            b.ToTable("invoice");
            b.HasKey(i => i.Id);
            b.HasIndex(i => i.Number).IsUnique();
            b.Property(i => i.Number).HasMaxLength(20);
            b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(i => i.Reference).HasMaxLength(60);
            b.Property(i => i.PayerCitizenId).HasMaxLength(13);
            b.Property(i => i.PayerJuristicId).HasMaxLength(13);
            b.Property(i => i.PayerName).HasMaxLength(300);
            b.Property(i => i.TitleTh).HasMaxLength(300);
            b.Property(i => i.TitleEn).HasMaxLength(300);
            b.Property(i => i.RaisedBy).HasMaxLength(10);
            b.Property(i => i.CancelReason).HasMaxLength(500);
            b.Property(i => i.Version).IsConcurrencyToken();
            b.Ignore(i => i.Amount);
            // One invoice per application's fees, however often the events arrive.
            b.HasIndex(i => i.ApplicationId).IsUnique().HasFilter("\"ApplicationId\" IS NOT NULL");
            // An agency's fine or fee raised twice under its own reference is one invoice.
            b.HasIndex(i => new { i.RaisedBy, i.Reference }).IsUnique().HasFilter("\"RaisedBy\" IS NOT NULL");
            b.HasIndex(i => new { i.PayerCitizenId, i.CreatedAt });
            b.HasIndex(i => new { i.PayerJuristicId, i.CreatedAt });
            b.HasIndex(i => new { i.Status, i.DueOn });
            b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<InvoiceLine>(b =>
        {
            b.ToTable("invoice_line");
            b.HasKey(l => l.Id);
            b.Property(l => l.AgencyCode).HasMaxLength(10);
            b.Property(l => l.ItemCode).HasMaxLength(60);
            b.Property(l => l.DescriptionTh).HasMaxLength(300);
            b.Property(l => l.DescriptionEn).HasMaxLength(300);
            b.Ignore(l => l.DiscountSatang);
            b.HasIndex(l => l.AgencyCode);
        });
        modelBuilder.Entity<InvoiceEvent>(b =>
        {
            b.ToTable("invoice_event");
            b.HasKey(e => e.Id);
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(e => e.Actor).HasMaxLength(300);
            b.Property(e => e.Note).HasMaxLength(500);
            b.HasIndex(e => new { e.InvoiceId, e.Id });
            b.HasOne<Invoice>().WithMany().HasForeignKey(e => e.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LicenceCharge>(b =>
        {
            b.ToTable("licence_charge");
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.ApplicationId, c.LicenceCode }).IsUnique();
            b.Property(c => c.ApplicationNumber).HasMaxLength(24);
            b.Property(c => c.LicenceCode).HasMaxLength(60);
            b.Property(c => c.AgencyCode).HasMaxLength(10);
            b.Property(c => c.PayerCitizenId).HasMaxLength(13);
            b.Property(c => c.PayerJuristicId).HasMaxLength(13);
            b.Property(c => c.PayerName).HasMaxLength(300);
        });
        modelBuilder.Entity<DecidedApplication>(b =>
        {
            b.ToTable("decided_application");
            b.HasKey(d => d.ApplicationId);
            b.Property(d => d.ApplicationNumber).HasMaxLength(24);
            b.Property(d => d.ApprovedLicences).HasMaxLength(2000);
        });
        modelBuilder.Entity<Payment>(b =>
        {
            b.ToTable("payment");
            b.HasKey(p => p.Id);
            b.Property(p => p.Reference).HasMaxLength(20);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.QrPayload).HasMaxLength(512);
            b.Property(p => p.Gateway).HasMaxLength(40);
            b.Property(p => p.TransactionId).HasMaxLength(100);
            b.Property(p => p.FailureReason).HasMaxLength(300);
            b.Property(p => p.Version).IsConcurrencyToken();
            b.Ignore(p => p.Amount);
            b.HasIndex(p => new { p.InvoiceId, p.Reference }).IsUnique();
            // A bank transaction pays one payment, however many times it is told.
            b.HasIndex(p => new { p.Gateway, p.TransactionId }).IsUnique().HasFilter("\"TransactionId\" IS NOT NULL");
            b.HasIndex(p => new { p.Status, p.ExpiresAt });
            b.HasIndex(p => p.PaidAt);
            b.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GatewayNotification>(b =>
        {
            b.ToTable("gateway_notification");
            b.HasKey(n => n.Id);
            b.Property(n => n.Gateway).HasMaxLength(40);
            b.Property(n => n.MessageId).HasMaxLength(100);
            b.Property(n => n.TransactionId).HasMaxLength(100);
            b.Property(n => n.BankStatus).HasMaxLength(20);
            b.Property(n => n.InvoiceNumber).HasMaxLength(40);
            b.Property(n => n.Outcome).HasConversion<string>().HasMaxLength(20);
            b.Property(n => n.Detail).HasMaxLength(300);
            b.Property(n => n.Body).HasMaxLength(GatewayNotification.MaxBody);
            b.HasIndex(n => new { n.Gateway, n.TransactionId, n.BankStatus }).IsUnique().HasFilter("\"Outcome\" = 'Accepted'");
            b.HasIndex(n => n.ReceivedAt);
        });
        modelBuilder.Entity<Receipt>(b =>
        {
            b.ToTable("receipt");
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.Number).IsUnique();
            b.HasIndex(r => r.PaymentId).IsUnique();
            b.HasIndex(r => r.InvoiceId);
            b.Property(r => r.Number).HasMaxLength(20);
            b.Property(r => r.InvoiceNumber).HasMaxLength(20);
            b.Property(r => r.PayerCitizenId).HasMaxLength(13);
            b.Property(r => r.PayerJuristicId).HasMaxLength(13);
            b.Property(r => r.PayerName).HasMaxLength(300);
        });
        modelBuilder.Entity<Refund>(b =>
        {
            b.ToTable("refund");
            b.HasKey(r => r.Id);
            b.Property(r => r.AgencyCode).HasMaxLength(10);
            b.Property(r => r.Reason).HasMaxLength(500);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.RequestedBy).HasMaxLength(300);
            b.Property(r => r.GatewayReference).HasMaxLength(100);
            b.Ignore(r => r.Amount);
            b.HasIndex(r => r.PaymentId);
            b.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReconciliationRun>(b =>
        {
            b.ToTable("reconciliation");
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.FileHash).IsUnique();
            b.Property(r => r.FileHash).HasMaxLength(64);
            b.Property(r => r.FileName).HasMaxLength(200);
            b.Property(r => r.ImportedBy).HasMaxLength(300);
            b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReconciliationItem>(b =>
        {
            b.ToTable("reconciliation_item");
            b.HasKey(i => i.Id);
            b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(i => i.TransactionId).HasMaxLength(100);
            b.Property(i => i.Reference).HasMaxLength(40);
            b.Property(i => i.Note).HasMaxLength(300);
        });
    }
}

/// <summary>Something that watches the module's saves; registered as a singleton, picked up when the context's options are built.</summary>
internal abstract class PaymentsDbInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor;

internal sealed class SqlitePaymentsDbContext(DbContextOptions<SqlitePaymentsDbContext> options) : PaymentsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresPaymentsDbContext(DbContextOptions<PostgresPaymentsDbContext> options) : PaymentsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}
