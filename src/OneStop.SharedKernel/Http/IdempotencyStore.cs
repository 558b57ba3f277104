using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;

namespace OneStop.SharedKernel.Http;

/// <summary>Idempotency keys in the database, claimed by inserting them: the table's key decides which of identical requests answers.</summary>
public sealed class IdempotencyStore(DbContext db, TimeProvider clock)
{
    private DbSet<IdempotencyRecord> Records => db.Set<IdempotencyRecord>();

    /// <summary>Claims the key for this request (null), or returns the earlier request that holds it.</summary>
    public async Task<IdempotencyRecord?> BeginAsync(string caller, string key, string fingerprint, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = DatabaseTime.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
            var earlier = await Records.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
            if (earlier is not null && earlier.ExpiresAt > now && (earlier.Status is not null || earlier.CreatedAt > now - IdempotencyKeys.AnsweredWithin))
            {
                return earlier;
            }

            if (earlier is not null)
            {
                // Expired, or its request died unanswered: the key is free again (unless another retry freed and took it first).
                await Records.Where(r => r.Caller == caller && r.Key == key && r.CreatedAt == earlier.CreatedAt).ExecuteDeleteAsync(ct);
            }
            else
            {
                await Records.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
            }

            Records.Add(new IdempotencyRecord { Caller = caller, Key = key, Fingerprint = fingerprint, CreatedAt = now, ExpiresAt = now + IdempotencyKeys.KeptFor });
            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return null;
            }
            catch (DbUpdateException) when (attempt < ConcurrentWrites.MaxAttempts)
            {
                // An identical request inserted the key first: read what it holds.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task CompleteAsync(string caller, string key, int status, string? contentType, string? location, byte[] body, CancellationToken ct)
        => await Records.Where(r => r.Caller == caller && r.Key == key).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, status).SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Location, location).SetProperty(r => r.Body, body), ct);

    public async Task ForgetAsync(string caller, string key, CancellationToken ct)
        => await Records.Where(r => r.Caller == caller && r.Key == key && r.Status == null).ExecuteDeleteAsync(ct);
}
