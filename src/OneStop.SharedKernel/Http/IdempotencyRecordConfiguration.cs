using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.SharedKernel.Http;

/// <summary>The table of <see cref="IdempotencyRecord"/>.</summary>
public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("idempotency_key");
        // The key of the table: of identical requests sent at once, one inserts and the others wait for its answer.
        builder.HasKey(r => new { r.Caller, r.Key });
        builder.Property(r => r.Caller).HasMaxLength(IdempotencyKeys.MaxCallerLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
