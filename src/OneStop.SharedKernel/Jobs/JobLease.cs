using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.SharedKernel.Jobs;

/// <summary>
/// Which node runs a recurring job now, and when it last finished: one row per job, shared by every
/// node through the platform's database.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }

    /// <summary>The node that holds the lease (machine name and process id), for operators.</summary>
    public string? Holder { get; set; }

    /// <summary>Until when the holder may run the job; after it, another node may take it over.</summary>
    public DateTime LeasedUntil { get; set; }

    /// <summary>When the job last finished (successfully or not); the next run is due an interval later.</summary>
    public DateTime LastRunAt { get; set; }
}

/// <summary>The DbContext that keeps the jobs' leases (as <c>IIdempotencyKeyContext</c> keeps idempotency keys).</summary>
public interface IJobLeaseContext
{
    DbSet<JobLease> JobLeases { get; }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("job_lease");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
