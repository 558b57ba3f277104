using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    string RequestHash, string? RequestBodyHash, string? ResponseBodyHash, IReadOnlyList<PersonalDataRead> Reads,
    byte[]? RequestBody = null, byte[]? ResponseBody = null, string? LegalBasis = null, string? DisclosedSubjects = null);

/// <summary>
/// Appends to the message log with group commit: concurrent requests are chained, signed and
/// written in one transaction, and each request waits until its record is durable. The chain head
/// is advanced with a conditional UPDATE, so nodes sharing a PostgreSQL database append in turn.
/// </summary>
internal sealed class MessageLogWriter(IServiceScopeFactory scopes, LogSigner signer, BodySealer bodies, IConfiguration configuration) : BackgroundService
{
    private const int MaxBatch = 500;

    /// <summary>A signed checkpoint every this many records (<c>Exchange:MessageLog:CheckpointEvery</c>).</summary>
    private readonly long checkpointEvery = CheckpointEvery(configuration);

    /// <summary>The checkpoint interval configured; the verifier expects a checkpoint at each of its multiples.</summary>
    public static long CheckpointEvery(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Exchange:MessageLog:CheckpointEvery", 1000L));

    // The head as this node last committed it; reloaded when another node has moved it.
    private (long Sequence, string Hash)? head;
    private readonly Channel<(LogEntry Entry, TaskCompletionSource Done)> queue =
        Channel.CreateUnbounded<(LogEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    // Entries ever handed to the writer: it waits for more while this still grows.
    private long appended;

    /// <summary>Completes when the entry is committed; fails when it could not be.</summary>
    public Task AppendAsync(LogEntry entry)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref appended);
        if (!queue.Writer.TryWrite((entry, done)))
        {
            done.SetException(ShuttingDown());
        }

        return done.Task;
    }

    private static InvalidOperationException ShuttingDown() => new("The message log is shutting down.");

    // The writer runs on a thread of its own: SQLite's commit (and its flush) blocks the calling thread,
    // and on a thread-pool worker that would leave a core idle while requests wait in the pool's queue.
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        // Named, so that operators see the log's own share of CPU (top -H, /proc/<pid>/task).
        Thread.CurrentThread.Name = "message-log";
        var batch = new List<(LogEntry Entry, TaskCompletionSource Done)>(MaxBatch);
        try
        {
            while (queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                // Let the requests already running reach the log first: those about to be answered
                // join this batch, and one durable commit serves them all. Again while more come.
                for (long seen = -1, yields = 0; yields < 4 && Volatile.Read(ref appended) != seen; yields++)
                {
                    seen = Volatile.Read(ref appended);
                    Thread.Yield();
                }
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                if (!TryWrite(batch, stoppingToken) && batch.Count > 1)
                {
                    // One record that cannot be written must not fail the others with it: each is tried alone.
                    foreach (var single in batch)
                    {
                        TryWrite([single], stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down; whatever is still queued is failed below.
        }

        queue.Writer.TryComplete();
        // A batch cut short by shutdown is not written: its requests are answered that it failed.
        batch.ForEach(b => b.Done.TrySetException(ShuttingDown()));
        while (queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetException(ShuttingDown());
        }

        ResetWriterContextAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Writes a batch durably and completes its requests; on failure starts over on a new connection and, for a single request, fails it.</summary>
    private bool TryWrite(List<(LogEntry Entry, TaskCompletionSource Done)> batch, CancellationToken stoppingToken)
    {
        try
        {
            // SQLite's calls complete on this thread; PostgreSQL's I/O completes on the pool while this one waits.
            WriteAsync(batch, stoppingToken).GetAwaiter().GetResult();
            batch.ForEach(b => b.Done.TrySetResult());
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ResetWriterContextAsync().AsTask().GetAwaiter().GetResult();
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(ex);
            }

            return false;
        }
    }

    // One context with one open connection for the writer's life: opening a connection and
    // preparing its first statements costs more than appending a record.
    private AsyncServiceScope? writerScope;
    private ExchangeDbContext? writerDb;
    private Appenders? appenders;

    private sealed record Appenders(RowAppender<MessageLogRecord> Records, RowAppender<LogCheckpoint> Checkpoints, RowAppender<PersonalDataRead> Reads, RowAppender<MessageBody> Bodies)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Records.DisposeAsync();
            await Checkpoints.DisposeAsync();
            await Reads.DisposeAsync();
            await Bodies.DisposeAsync();
        }
    }

    private async Task<ExchangeDbContext> WriterContextAsync(CancellationToken ct)
    {
        if (writerDb is { } open)
        {
            return open;
        }

        writerScope = scopes.CreateAsyncScope();
        var db = writerScope.Value.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        appenders = new Appenders(new RowAppender<MessageLogRecord>(db), new RowAppender<LogCheckpoint>(db), new RowAppender<PersonalDataRead>(db), new RowAppender<MessageBody>(db));
        return writerDb = db;
    }

    private DbCommand? advanceHead;

    /// <summary>Moves the head from where this batch started to its end; 0 rows when another node moved it first.</summary>
    private async Task<int> AdvanceHeadAsync(ExchangeDbContext db, IDbContextTransaction transaction, (long Sequence, string Hash) from, (long Sequence, string Hash) to, CancellationToken ct)
    {
        if (advanceHead is null)
        {
            // Kept prepared for the writer's connection: the same statement runs once per batch.
            string Column(string property) => db.DelimitedColumn<LogChainHead>(property);
            advanceHead = db.Database.GetDbConnection().CreateCommand();
            advanceHead.CommandText = $"UPDATE {db.DelimitedTable<LogChainHead>()} SET {Column(nameof(LogChainHead.Sequence))} = @to_sequence, {Column(nameof(LogChainHead.Hash))} = @to_hash "
                + $"WHERE {Column(nameof(LogChainHead.Id))} = @id AND {Column(nameof(LogChainHead.Sequence))} = @from_sequence AND {Column(nameof(LogChainHead.Hash))} = @from_hash";
            foreach (var name in (string[])["to_sequence", "to_hash", "id", "from_sequence", "from_hash"])
            {
                var parameter = advanceHead.CreateParameter();
                parameter.ParameterName = "@" + name;
                advanceHead.Parameters.Add(parameter);
            }
        }

        advanceHead.Transaction = transaction.GetDbTransaction();
        advanceHead.Parameters["@to_sequence"].Value = to.Sequence;
        advanceHead.Parameters["@to_hash"].Value = to.Hash;
        advanceHead.Parameters["@id"].Value = LogChain.HeadId;
        advanceHead.Parameters["@from_sequence"].Value = from.Sequence;
        advanceHead.Parameters["@from_hash"].Value = from.Hash;
        return await advanceHead.ExecuteNonQueryAsync(ct);
    }

    private async ValueTask ResetWriterContextAsync()
    {
        if (appenders is { } open)
        {
            await open.DisposeAsync();
            appenders = null;
        }

        if (advanceHead is not null)
        {
            await advanceHead.DisposeAsync();
            advanceHead = null;
        }

        if (writerScope is { } scope)
        {
            await scope.DisposeAsync();
        }

        writerScope = null;
        writerDb = null;
    }

    private async Task WriteAsync(List<(LogEntry Entry, TaskCompletionSource Done)> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var db = await WriterContextAsync(ct);
            var key = await signer.CurrentKeyAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var start = head ?? (await db.ChainHeads.AsNoTracking().SingleAsync(h => h.Id == LogChain.HeadId, ct)) switch { var h => (h.Sequence, h.Hash) };
            var (sequence, hash) = start;
            var records = new List<MessageLogRecord>(batch.Count);
            var checkpoints = new List<LogCheckpoint>();
            var reads = new List<PersonalDataRead>();
            var sealedBodies = new List<MessageBody>();
            for (var i = 0; i < batch.Count; i++)
            {
                var entry = batch[i].Entry;
                sequence++;
                // As X-Road does, one signature per batch: the last record's signed hash covers the
                // whole chain before it, so the others need none of their own.
                var record = LogChain.Seal(entry, sequence, hash, key, sign: i == batch.Count - 1);
                hash = record.Hash;
                records.Add(record);
                if (sequence % checkpointEvery == 0)
                {
                    checkpoints.Add(LogChain.Checkpoint(record, key));
                }

                foreach (var read in entry.Reads)
                {
                    // Bound to the record: verify-log holds each read to the record's sequence, time, purpose and legal basis.
                    (read.Sequence, read.Time, read.Purpose, read.LegalBasis) = (sequence, record.Time, record.Issue!, record.LegalBasis!);
                    reads.Add(read);
                }

                if (bodies.Seal(sequence, entry.RequestBody, entry.ResponseBody) is { } sealedBody)
                {
                    sealedBodies.Add(sealedBody);
                }
            }

            try
            {
                // Plain multi-row INSERTs: the log is append-only, so change tracking would only cost time.
                await appenders!.Records.AppendAsync(records, ct);
                await appenders.Checkpoints.AppendAsync(checkpoints, ct);
                await appenders.Reads.AppendAsync(reads, ct);
                await appenders.Bodies.AppendAsync(sealedBodies, ct);
                var advanced = await AdvanceHeadAsync(db, transaction, start, (sequence, hash), ct);
                if (advanced == 1)
                {
                    await transaction.CommitAsync(ct);
                    head = (sequence, hash);
                    return;
                }
            }
            catch (DbException) when (attempt < 10)
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

    /// <summary>Chains a record; signs it when <paramref name="sign"/> (else its signature is empty and a later signed record covers it).</summary>
    public static MessageLogRecord Seal(LogEntry e, long sequence, string previousHash, LogSigner.Key key, bool sign = true)
    {
        var record = new MessageLogRecord
        {
            Sequence = sequence, Time = DatabaseTime.ToMicroseconds(e.Time), XRoadId = OneLine(e.XRoadId)!, RequestId = e.RequestId, Client = OneLine(e.Client)!,
            Service = OneLine(e.Service)!, Method = OneLine(e.Method)!, Path = OneLine(e.Path)!, UserId = OneLine(e.UserId), Issue = OneLine(e.Issue),
            RepresentedParty = OneLine(e.RepresentedParty), DataSubject = e.DataSubject, Status = e.Status, ErrorType = e.ErrorType, RequestHash = e.RequestHash,
            RequestBodyHash = e.RequestBodyHash, ResponseBodyHash = e.ResponseBodyHash, LegalBasis = OneLine(e.LegalBasis), DisclosedSubjects = e.DisclosedSubjects,
            PreviousHash = previousHash, Hash = string.Empty, Signature = string.Empty, KeyId = key.Id,
        };
        record.Hash = HashOf(record);
        record.Signature = sign ? Convert.ToBase64String(key.Sign(Convert.FromHexString(record.Hash))) : string.Empty;
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

    /// <summary>How the log records a body: base64 SHA-256, or null for an empty one.</summary>
    public static string? BodyHash(byte[] body) => body.Length > 0 ? Convert.ToBase64String(SHA256.HashData(body)) : null;

    /// <summary>SHA-256 over the previous hash and every logged field, in a fixed order, one per line.</summary>
    public static string HashOf(MessageLogRecord r) => HashOfLines(HashedLines(r));

    /// <summary>The hash of a record's <see cref="HashedLines"/>.</summary>
    public static string HashOfLines(IEnumerable<string?> lines) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));

    /// <summary>
    /// The lines a record's hash covers. No field may hold a line break (the writer never writes one, and
    /// verify-log refuses one): otherwise text could move from one field to the next under the same hash.
    /// </summary>
    public static List<string?> HashedLines(MessageLogRecord r)
    {
        List<string?> lines =
        [
            r.PreviousHash, r.Sequence.ToString(CultureInfo.InvariantCulture), r.Time.ToString("O", CultureInfo.InvariantCulture),
            r.XRoadId, r.RequestId, r.Client, r.Service, r.Method, r.Path, r.UserId, r.Issue, r.RepresentedParty, r.DataSubject,
            r.Status.ToString(CultureInfo.InvariantCulture), r.ErrorType, r.RequestHash, r.RequestBodyHash, r.ResponseBodyHash, r.KeyId,
        ];
        // Added later: only records that carry a legal basis or disclosed subjects hash them, so older records verify unchanged.
        if (r.LegalBasis is not null)
        {
            lines.Add("legal-basis:" + r.LegalBasis);
        }

        if (r.DisclosedSubjects is not null)
        {
            lines.Add("disclosed:" + r.DisclosedSubjects);
        }

        return lines;
    }

    /// <summary>How a record states the people its answer disclosed besides its data subject: the incidental reads' citizen IDs, comma-separated.</summary>
    public static string DisclosedSubjects(IEnumerable<PersonalDataRead> reads) => string.Join(',', reads.Where(r => r.Incidental).Select(r => r.DataSubject));

    /// <summary>The people a record states its answer disclosed besides its data subject (none when it states nothing).</summary>
    public static string[] DisclosedTo(MessageLogRecord r) => (r.DisclosedSubjects ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A logged text on one line: a line break (a decoded <c>%0A</c> in a path, a mandate typed on two lines) becomes a space.</summary>
    private static string? OneLine(string? text) => text is null || !text.AsSpan().ContainsAny('\n', '\r') ? text : text.ReplaceLineEndings(" ");
}
