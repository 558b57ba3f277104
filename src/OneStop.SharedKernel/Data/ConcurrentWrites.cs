using Microsoft.EntityFrameworkCore;

namespace OneStop.SharedKernel.Data;

/// <summary>
/// Idempotent writes under concurrency. Identical requests racing each other are told apart by the
/// database (a unique key, a concurrency token), not by reading first: the losers fail to save, and are
/// run again on a clean context, so that they re-read what the winner wrote and answer as a retry would.
/// </summary>
public static class ConcurrentWrites
{
    /// <summary>Attempts before giving up: each failed attempt means another request saved, so many writers all get through.</summary>
    public const int MaxAttempts = 50;

    /// <summary>
    /// Runs <paramref name="write"/> (which reads, decides and saves), again whenever its save loses a
    /// race with another request. It must read everything it decides on, since tracked entities are
    /// discarded before each new attempt.
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(ct);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                // Requests that collided once collide again if they start over at the same instant.
#pragma warning disable CA5394 // jitter, not security
                await Task.Delay(Random.Shared.Next(1, 2 + Math.Min(attempt, 20) * 5), ct);
#pragma warning restore CA5394
            }
        }
    }
}
