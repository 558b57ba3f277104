using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel.Data;

namespace OneStop.Identity.Data;

/// <summary>
/// The Digital ID's tables: accounts (ASP.NET Core Identity's user store), the OpenID Connect
/// server's clients, authorizations and tokens (OpenIddict), and generated server keys.
/// Only this module injects it.
/// </summary>
internal abstract class DigitalIdDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "identity";

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<ClaimRelease> ClaimReleases => Set<ClaimRelease>();

    public DbSet<CompanyRole> CompanyRoles => Set<CompanyRole>();

    public DbSet<UsedAssertion> UsedAssertions => Set<UsedAssertion>();

    public DbSet<Passkey> Passkeys => Set<Passkey>();

    public DbSet<BrowserSession> BrowserSessions => Set<BrowserSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Account>(b =>
        {
            b.ToTable("account");
            b.HasKey(a => a.Id);
            b.Property(a => a.UserName).HasMaxLength(256);
            b.Property(a => a.NormalizedUserName).HasMaxLength(256);
            b.Property(a => a.Email).HasMaxLength(256);
            b.Property(a => a.NormalizedEmail).HasMaxLength(256);
            b.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(a => a.IdentityLevel).HasMaxLength(10);
            b.Property(a => a.CitizenId).HasMaxLength(13);
            b.Property(a => a.ProofingMethod).HasMaxLength(40);
            b.Property(a => a.BirthDate).HasMaxLength(10);
            b.Property(a => a.Gender).HasMaxLength(10);
            b.Property(a => a.PostalCode).HasMaxLength(5);
            b.Property(a => a.AgencyCode).HasMaxLength(20);
            b.Property(a => a.OfficeCode).HasMaxLength(20);
            b.HasIndex(a => a.NormalizedUserName).IsUnique();
            b.HasIndex(a => a.NormalizedEmail);
            b.HasIndex(a => a.CitizenId).IsUnique();
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("account_claim");
            b.HasKey(c => c.Id);
        });
        modelBuilder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("account_login");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        // Authenticator keys and recovery codes live here (ASP.NET Core Identity's token store).
        modelBuilder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("account_token");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });
        modelBuilder.Entity<ServerKey>(b =>
        {
            b.ToTable("server_key");
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).HasMaxLength(64);
            b.Property(k => k.Use).HasConversion<string>().HasMaxLength(12);
        });
        modelBuilder.Entity<ClaimRelease>(b =>
        {
            b.ToTable("claim_release");
            b.HasKey(r => r.Id);
            b.Property(r => r.ClientId).HasMaxLength(100);
            b.Property(r => r.Channel).HasMaxLength(20);
            b.HasIndex(r => new { r.AccountId, r.At });
        });
        modelBuilder.Entity<CompanyRole>(b =>
        {
            b.ToTable("company_role");
            b.HasKey(r => r.Id);
            b.Property(r => r.JuristicId).HasMaxLength(13);
            b.Property(r => r.CompanyName).HasMaxLength(300);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
            b.HasIndex(r => new { r.AccountId, r.JuristicId });
            b.HasIndex(r => r.JuristicId);
            b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId);
        });
        modelBuilder.Entity<UsedAssertion>(b =>
        {
            b.ToTable("used_assertion");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).HasMaxLength(200);
            b.HasIndex(a => a.ExpiresAt);
        });
        modelBuilder.Entity<Passkey>(b =>
        {
            b.ToTable("passkey");
            b.HasKey(p => p.Id);
            b.Property(p => p.CredentialId).HasMaxLength(OneStop.Identity.Accounts.Passkeys.MaxCredentialIdBytes);
            b.Property(p => p.Name).HasMaxLength(OneStop.Identity.Accounts.Passkeys.MaxNameLength);
            b.HasIndex(p => p.CredentialId).IsUnique();
            b.HasIndex(p => p.AccountId);
            b.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BrowserSession>(b =>
        {
            b.ToTable("browser_session");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(64);
            b.Property(x => x.Device).HasMaxLength(80);
            b.HasIndex(x => x.AccountId);
            b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.UseOpenIddict();
    }
}

/// <summary>
/// A key the OpenID Connect server generated for itself, used only where no key is configured
/// (Development and tests): keeping it in the database lets every node and every restart share it.
/// </summary>
internal sealed class ServerKey
{
    public required string Id { get; set; }

    public ServerKeyUse Use { get; set; }

    /// <summary>PKCS#8 PEM of an EC P-256 private key (signing) or base64 of 32 random bytes (encryption).</summary>
    public required string Material { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal enum ServerKeyUse
{
    Signing,
    Encryption,
}

internal sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : DigitalIdDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresIdentityDbContext(DbContextOptions<PostgresIdentityDbContext> options) : DigitalIdDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}
