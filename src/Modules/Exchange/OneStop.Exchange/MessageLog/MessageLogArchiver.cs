using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.SharedKernel.Jobs;

namespace OneStop.Exchange.MessageLog;

/// <summary>
/// Retention: moves message-log records older than <c>Exchange:MessageLog:RetentionDays</c> out of
/// the database into JSON Lines files in <c>Exchange:MessageLog:ArchiveFolder</c>. Each file holds a
/// contiguous run of the chain with its checkpoints, its sealed bodies and the public keys that verify it; the database
/// keeps the file's SHA-256 and the hash where the chain continues, so verification still covers
/// everything. The file is written and flushed to disk before any record is deleted.
/// </summary>
internal sealed class MessageLogArchiver(ExchangeDbContext db, IConfiguration configuration, TimeProvider clock) : IMessageLogArchiver
{
    public const string RetentionDaysKey = "Exchange:MessageLog:RetentionDays";
    public const string FolderKey = "Exchange:MessageLog:ArchiveFolder";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder => Path.GetFullPath(configuration[FolderKey] ?? Path.Combine("data", "archive"));

    public async Task<MessageLogArchiveResult> ArchiveAsync(DateTime? olderThan, CancellationToken ct)
    {
        var days = configuration.GetValue(RetentionDaysKey, 0);
        var cutoff = olderThan ?? (days > 0 ? clock.GetUtcNow().UtcDateTime.AddDays(-days) : (DateTime?)null);
        if (cutoff is null)
        {
            return new MessageLogArchiveResult(0, null, $"{RetentionDaysKey} is not set: the whole log stays in the database.");
        }

        var anchor = await LatestAsync(db, ct);
        var from = (anchor?.ToSequence ?? 0) + 1;
        // Only a contiguous run from the start of what is left, so that the chain stays whole.
        var to = await db.MessageLog.Where(r => r.Sequence >= from && r.Time < cutoff).MaxAsync(r => (long?)r.Sequence, ct);
        if (to is null)
        {
            return new MessageLogArchiveResult(0, null, "Nothing is older than the retention period.");
        }

        var records = await db.MessageLog.AsNoTracking().Where(r => r.Sequence >= from && r.Sequence <= to).OrderBy(r => r.Sequence).ToListAsync(ct);
        var checkpoints = await db.Checkpoints.AsNoTracking().Where(c => c.Sequence >= from && c.Sequence <= to).OrderBy(c => c.Sequence).ToListAsync(ct);
        var bodies = await db.MessageBodies.AsNoTracking().Where(b => b.Sequence >= from && b.Sequence <= to).OrderBy(b => b.Sequence).ToListAsync(ct);
        var keyIds = records.Select(r => r.KeyId).Concat(checkpoints.Select(c => c.KeyId)).ToHashSet();
        var keys = await db.SigningKeys.AsNoTracking().Where(k => keyIds.Contains(k.KeyId)).Select(k => new { k.KeyId, k.PublicKey }).ToListAsync(ct);

        Directory.CreateDirectory(Folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"message-log-{from:D12}-{to:D12}.jsonl");
        var path = Path.Combine(Folder, name);
        var temporary = path + ".partial";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        await using (var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false)))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(new
            {
                type = "header", format = "onestop-message-log/1", from, to, previousHash = anchor?.LastHash ?? LogChain.Genesis, keys,
            }, Json));
            foreach (var record in records)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { type = "record", record }, Json));
            }

            foreach (var checkpoint in checkpoints)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { type = "checkpoint", checkpoint }, Json));
            }

            // Still sealed: the archive is no more readable than the database was.
            foreach (var body in bodies)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { type = "body", body }, Json));
            }

            await writer.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        string sha;
        await using (var written = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, ct));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.LogArchives.Add(new LogArchive
        {
            FromSequence = from, ToSequence = to.Value, LastHash = records[^1].Hash, File = name, FileSha256 = sha, ArchivedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await db.Checkpoints.Where(c => c.Sequence >= from && c.Sequence <= to).ExecuteDeleteAsync(ct);
        await db.MessageBodies.Where(b => b.Sequence >= from && b.Sequence <= to).ExecuteDeleteAsync(ct);
        await db.MessageLog.Where(r => r.Sequence >= from && r.Sequence <= to).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return new MessageLogArchiveResult(records.Count, path, null);
    }

    /// <summary>What a witness holds.</summary>
    internal sealed record Witness(
        string Format, DateTime ExportedAt, long HeadSequence, string HeadHash,
        List<LogCheckpoint> Checkpoints, List<LogArchive> Archives, List<WitnessKey> Keys);

    internal sealed record WitnessKey(string KeyId, string PublicKey);

    public async Task<string> ExportWitnessAsync(CancellationToken ct)
    {
        // No head yet on a database that has never been started (a command run right after migrating).
        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == LogChain.HeadId, ct);
        var witness = new Witness(
            "onestop-message-log-witness/1", clock.GetUtcNow().UtcDateTime, head?.Sequence ?? 0, head?.Hash ?? LogChain.Genesis,
            await db.Checkpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(ct),
            await db.LogArchives.AsNoTracking().OrderBy(a => a.FromSequence).ToListAsync(ct),
            await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => new WitnessKey(k.KeyId, k.PublicKey)).ToListAsync(ct));
        return JsonSerializer.Serialize(witness, Indented);
    }

    public async Task<string?> CheckWitnessAsync(string witnessJson, CancellationToken ct)
    {
        Witness? witness;
        try
        {
            witness = JsonSerializer.Deserialize<Witness>(witnessJson, Json);
        }
        catch (JsonException ex)
        {
            return $"the witness is not readable: {ex.Message}";
        }

        if (witness is null || witness.Format != "onestop-message-log-witness/1")
        {
            return "the witness is not a OneStop message-log witness";
        }

        // The chain is a single line: if the record at the witnessed head (or any checkpoint) still
        // has the same hash, nothing before it can have changed without breaking the chain.
        var archived = await db.LogArchives.AsNoTracking().ToListAsync(ct);
        foreach (var (sequence, hash) in witness.Checkpoints.Select(c => (c.Sequence, c.Hash)).Append((witness.HeadSequence, witness.HeadHash)).Where(p => p.Item1 > 0))
        {
            var archive = archived.FirstOrDefault(a => a.FromSequence <= sequence && sequence <= a.ToSequence);
            if (archive is not null)
            {
                if (archive.ToSequence == sequence && archive.LastHash != hash)
                {
                    return $"record {sequence} is archived with another hash than the witness holds";
                }

                continue;
            }

            var now = await db.MessageLog.AsNoTracking().Where(r => r.Sequence == sequence).Select(r => r.Hash).SingleOrDefaultAsync(ct);
            if (now != hash)
            {
                return now is null ? $"record {sequence}, which the witness holds, is gone" : $"record {sequence} has another hash than the witness holds: the log was rewritten";
            }
        }

        return null;
    }

    /// <summary>The newest archive: the database's part of the chain starts after it.</summary>
    public static Task<LogArchive?> LatestAsync(ExchangeDbContext db, CancellationToken ct)
        => db.LogArchives.AsNoTracking().OrderByDescending(a => a.ToSequence).FirstOrDefaultAsync(ct);

    /// <summary>Checks that every archive file is there and has the hash recorded when it was written.</summary>
    public async Task<(long Sequence, string Problem)?> FirstBrokenArchiveAsync(CancellationToken ct)
    {
        var expectedFrom = 1L;
        foreach (var archive in await db.LogArchives.AsNoTracking().OrderBy(a => a.FromSequence).ToListAsync(ct))
        {
            if (archive.FromSequence != expectedFrom)
            {
                return (expectedFrom, $"archive {archive.File} starts at {archive.FromSequence}, expected {expectedFrom}");
            }

            // A file taken away is records taken away: verify with every archive back in the folder.
            var path = Path.Combine(Folder, archive.File);
            if (!File.Exists(path))
            {
                return (archive.FromSequence, $"archive {archive.File} is missing from {Folder}");
            }

            await using (var stream = File.OpenRead(path))
            {
                if (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)) != archive.FileSha256)
                {
                    return (archive.FromSequence, $"archive {archive.File} was altered (its SHA-256 differs from the one recorded)");
                }
            }

            expectedFrom = archive.ToSequence + 1;
        }

        return null;
    }
}

/// <summary>Archives once a day, on one node at a time, when a retention period is configured.</summary>
internal sealed partial class MessageLogRetentionJob(IConfiguration configuration, ILogger<MessageLogRetentionJob> logger) : IRecurringJob
{
    public string Name => "exchange.message-log-retention";

    public TimeSpan Interval => TimeSpan.FromHours(24);

    public TimeSpan MaxRunTime => TimeSpan.FromHours(2);

    public bool Enabled => configuration.GetValue(MessageLogArchiver.RetentionDaysKey, 0) > 0;

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var result = await scopedServices.GetRequiredService<IMessageLogArchiver>().ArchiveAsync(null, cancellationToken);
        if (result.Records > 0)
        {
            LogArchived(logger, result.Records, result.File!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived {Records} message-log records to {File}")]
    private static partial void LogArchived(ILogger logger, int records, string file);
}
