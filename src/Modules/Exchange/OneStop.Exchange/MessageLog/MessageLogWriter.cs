using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Exchange.Data;
using OneStop.SharedKernel.Data;

namespace OneStop.Exchange.MessageLog;

/// <summary>What the gateway logs about one exchange; the writer adds sequence, chain hash and signature.</summary>
internal sealed record LogEntry(
    DateTime Time, string XRoadId, string RequestId, string Client, string Service, string Method, string Path,
    string? UserId, string? Issue, string? RepresentedParty, string? DataSubject, int Status, string? ErrorType,
    string RequestHash, string? RequestBodyHash, string? ResponseBodyHash, PersonalDataRead? Read);

/// <summary>
/// Appends to the message log with group commit: concurrent requests are chained, signed and
/// written in one transaction, and each request waits until its record is durable. The chain head
/// is advanced with a conditional UPDATE, so nodes sharing a PostgreSQL database append in turn.
/// </summary>
internal sealed class MessageLogWriter(IServiceScopeFactory scopes, LogSigner signer, IConfiguration configuration) : BackgroundService
{
    private const int MaxBatch = 500;

    /// <summary>A signed checkpoint every this many records (<c>Exchange:MessageLog:CheckpointEvery</c>).</summary>
    private readonly long checkpointEvery = Math.Max(1, configuration.GetValue("Exchange:MessageLog:CheckpointEvery", 1000L));

    // The head as this node last committed it; reloaded when another node has moved it.
    private (long Sequence, string Hash)? head;
    private readonly Channel<(LogEntry Entry, TaskCompletionSource Done)> queue =
        Channel.CreateUnbounded<(LogEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes when the entry is committed; fails when it could not be.</summary>
    public Task AppendAsync(LogEntry entry)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((entry, done)))
        {
            done.SetException(new InvalidOperationException("The message log is shutting down."));
        }

        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(LogEntry Entry, TaskCompletionSource Done)>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                try
                {
                    await WriteAsync(batch, stoppingToken);
                    batch.ForEach(b => b.Done.TrySetResult());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    batch.ForEach(b => b.Done.TrySetException(ex));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down; whatever is still queued is failed below.
        }

        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetException(new InvalidOperationException("The message log is shutting down."));
        }
    }

    private async Task WriteAsync(List<(LogEntry Entry, TaskCompletionSource Done)> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var key = await signer.CurrentKeyAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var start = head ?? (await db.ChainHeads.AsNoTracking().SingleAsync(h => h.Id == LogChain.HeadId, ct)) switch { var h => (h.Sequence, h.Hash) };
            var (sequence, hash) = start;
            foreach (var (entry, _) in batch)
            {
                sequence++;
                var record = LogChain.Seal(entry, sequence, hash, key);
                hash = record.Hash;
                db.MessageLog.Add(record);
                if (sequence % checkpointEvery == 0)
                {
                    db.Checkpoints.Add(LogChain.Checkpoint(record, key));
                }

                if (entry.Read is { } read)
                {
                    db.PersonalDataReads.Add(read);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                var advanced = await db.ChainHeads.Where(h => h.Id == LogChain.HeadId && h.Sequence == start.Item1 && h.Hash == start.Item2)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, hash), ct);
                if (advanced == 1)
                {
                    await transaction.CommitAsync(ct);
                    head = (sequence, hash);
                    return;
                }
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Another node appended the same sequence numbers first.
            }

            await transaction.RollbackAsync(ct);
            head = null;
            if (attempt >= 10)
            {
                throw new InvalidOperationException("Could not append to the message log after 10 attempts.");
            }
        }
    }
}

/// <summary>The chain: how a record's hash is computed from its content and its predecessor's hash.</summary>
internal static class LogChain
{
    public const int HeadId = 1;

    /// <summary>Hash of the (empty) start of the chain.</summary>
    public static readonly string Genesis = new('0', 64);

    public static MessageLogRecord Seal(LogEntry e, long sequence, string previousHash, LogSigner.Key key)
    {
        var record = new MessageLogRecord
        {
            Sequence = sequence, Time = DatabaseTime.ToMicroseconds(e.Time), XRoadId = e.XRoadId, RequestId = e.RequestId, Client = e.Client, Service = e.Service,
            Method = e.Method, Path = e.Path, UserId = e.UserId, Issue = e.Issue, RepresentedParty = e.RepresentedParty,
            DataSubject = e.DataSubject, Status = e.Status, ErrorType = e.ErrorType, RequestHash = e.RequestHash,
            RequestBodyHash = e.RequestBodyHash, ResponseBodyHash = e.ResponseBodyHash,
            PreviousHash = previousHash, Hash = string.Empty, Signature = string.Empty, KeyId = key.Id,
        };
        record.Hash = HashOf(record);
        record.Signature = Convert.ToBase64String(key.Sign(Convert.FromHexString(record.Hash)));
        return record;
    }

    public static LogCheckpoint Checkpoint(MessageLogRecord record, LogSigner.Key key) => new()
    {
        Sequence = record.Sequence, Hash = record.Hash, Time = record.Time, KeyId = key.Id,
        Signature = Convert.ToBase64String(key.Sign(CheckpointDigest(record.Sequence, record.Hash, record.Time))),
    };

    /// <summary>What a checkpoint's signature covers: its sequence, hash and time.</summary>
    public static byte[] CheckpointDigest(long sequence, string hash, DateTime time)
        => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', "checkpoint", sequence.ToString(CultureInfo.InvariantCulture), hash, time.ToString("O", CultureInfo.InvariantCulture))));

    /// <summary>SHA-256 over the previous hash and every logged field, in a fixed order.</summary>
    public static string HashOf(MessageLogRecord r)
    {
        var canonical = string.Join('\n',
            r.PreviousHash, r.Sequence.ToString(CultureInfo.InvariantCulture), r.Time.ToString("O", CultureInfo.InvariantCulture),
            r.XRoadId, r.RequestId, r.Client, r.Service, r.Method, r.Path, r.UserId, r.Issue, r.RepresentedParty, r.DataSubject,
            r.Status.ToString(CultureInfo.InvariantCulture), r.ErrorType, r.RequestHash, r.RequestBodyHash, r.ResponseBodyHash, r.KeyId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
