using Microsoft.EntityFrameworkCore;

namespace OneStop.SharedKernel.Http;

/// <summary>The DbContext that keeps idempotency keys (as <c>IDataProtectionKeyContext</c> does for data-protection keys).</summary>
public interface IIdempotencyKeyContext
{
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
}
