using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;

namespace OneStop.Documents.Verification;

/// <summary>
/// What verification needs of the record of a document (which key signed it, its status and why), held in memory for a
/// few seconds: a QR code scanned by a queue of inspectors, or a bank checking a batch, costs one read, not one each.
/// A change made on this node is seen at once; one made on another node within <see cref="HeldFor"/>, as with the
/// status lists verifiers cache.
/// </summary>
internal sealed class DocumentStatuses(TimeProvider clock)
{
    public static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(5);

    /// <summary>Beyond this many, everything held is let go (a flood of real numbers cannot fill the memory).</summary>
    public const int MaxHeld = 100_000;

    private readonly ConcurrentDictionary<string, Held> held = new(StringComparer.Ordinal);

    public sealed record Record(string KeyThumbprint, DocumentStatus Status, string? Reason);

    private sealed record Held(Record Record, DateTime Until);

    /// <summary>The record of document <paramref name="number"/>, or null when this platform issued none by that number.</summary>
    public async Task<Record?> FindAsync(DocumentsDbContext db, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        if (held.TryGetValue(number, out var known) && known.Until > now)
        {
            return known.Record;
        }

        var record = await db.Documents.AsNoTracking().Where(d => d.Number == number)
            .Select(d => new Record(d.KeyThumbprint, d.Status, d.StatusReason)).SingleOrDefaultAsync(ct);
        if (record is not null)
        {
            if (held.Count >= MaxHeld)
            {
                held.Clear();
            }

            held[number] = new Held(record, now + HeldFor);
        }

        return record;
    }

    /// <summary>The document's status changed here: the next verification reads it again.</summary>
    public void Forget(string number) => held.TryRemove(number, out _);
}
