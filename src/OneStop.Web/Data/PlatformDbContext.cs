using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Jobs;

namespace OneStop.Web.Data;

/// <summary>
/// The host's own tables: the ASP.NET Core data-protection key ring, shared by every node so that
/// antiforgery tokens and cookies issued by one node are accepted by the others; and the API's
/// idempotency keys, which every node must see alike for a retry to land on any of them; and the leases
/// of recurring jobs, so that each run happens on one node.
/// </summary>
internal abstract class PlatformDbContext(DbContextOptions options) : ModuleDbContext(options), IDataProtectionKeyContext, IIdempotencyKeyContext, IJobLeaseContext
{
    public const string Module = "platform";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_key");
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new JobLeaseConfiguration());
    }
}

internal sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseTablePrefix(Module + "_");
    }
}

internal sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}
