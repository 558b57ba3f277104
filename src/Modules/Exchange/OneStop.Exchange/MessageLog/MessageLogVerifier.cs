using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;

namespace OneStop.Exchange.MessageLog;

/// <summary>
/// Walks the whole log in order: sequence numbers without gaps, each record linked to its
/// predecessor, its hash recomputed from its content, every signature valid and every record
/// followed (or itself) by a signed one (the writer signs the last record of each batch), and the chain head
/// matching the last record (so that removing records at the end is noticed too). Archived records
/// are covered by their files' recorded SHA-256 and by the link from the first record still here.
/// Sealed bodies are opened with this node's key (those sealed with another key cannot be) and must
/// match the body hashes their records were signed with. The reads of personal data recorded with each
/// record must be exactly those it states (its data subject and the people its answer disclosed), so
/// that nobody's list of who read their data lost or gained a line. A signed checkpoint must be at every
/// multiple of <c>Exchange:MessageLog:CheckpointEvery</c> still in the database, so that deleting one is noticed.
/// </summary>
internal sealed class MessageLogVerifier(ExchangeDbContext db, MessageLogArchiver archives, BodySealer sealer, IConfiguration configuration) : IMessageLogVerifier
{
    private const int Page = 1000;

    private readonly long checkpointEvery = MessageLogWriter.CheckpointEvery(configuration);

    public async Task<MessageLogVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var keys = await db.SigningKeys.AsNoTracking().ToDictionaryAsync(k => k.KeyId, k => k.PublicKey, cancellationToken);
        if (await archives.FirstBrokenArchiveAsync(cancellationToken) is { } broken)
        {
            return new MessageLogVerification(0, broken.Sequence, broken.Problem);
        }

        // Archived records left the database; the chain continues from the last one's hash.
        var anchor = await MessageLogArchiver.LatestAsync(db, cancellationToken);
        var (expectedSequence, previousHash, count) = (anchor is null ? 1L : anchor.ToSequence + 1, anchor?.LastHash ?? LogChain.Genesis, 0L);
        long? firstUnsigned = null;
        var dueCheckpoints = new List<long>();
        while (true)
        {
            var page = await db.MessageLog.AsNoTracking().Where(r => r.Sequence >= expectedSequence)
                .OrderBy(r => r.Sequence).Take(Page).ToListAsync(cancellationToken);
            var reads = await ReadsOfAsync(page, cancellationToken);
            foreach (var record in page)
            {
                var lines = LogChain.HashedLines(record);
                var problem = record.Sequence != expectedSequence ? $"record {expectedSequence} is missing"
                    : record.PreviousHash != previousHash ? "it does not link to the previous record"
                    : lines.Any(line => line?.Contains('\n', StringComparison.Ordinal) == true) ? "a field holds a line break, which the log never writes"
                    : LogChain.HashOfLines(lines) != record.Hash ? "its content does not match its hash"
                    : !keys.TryGetValue(record.KeyId, out var publicKey) ? $"its signing key {record.KeyId} is unknown"
                    : record.Signature.Length == 0 ? null
                    : !LogSigner.Verify(publicKey, record.Hash, record.Signature) ? "its signature is not valid"
                    : null;
                problem ??= ReadsProblem(record, reads[record.Sequence]);
                if (problem is not null)
                {
                    return new MessageLogVerification(count, Math.Min(record.Sequence, expectedSequence), problem);
                }

                firstUnsigned = record.Signature.Length == 0 ? firstUnsigned ?? record.Sequence : null;
                if (record.Sequence % checkpointEvery == 0)
                {
                    dueCheckpoints.Add(record.Sequence);
                }

                (expectedSequence, previousHash, count) = (record.Sequence + 1, record.Hash, count + 1);
            }

            if (page.Count < Page)
            {
                break;
            }
        }

        // Unsigned records are covered by the next signed one; at the end of the log there must be one.
        if (firstUnsigned is { } uncovered)
        {
            return new MessageLogVerification(count, uncovered, "no signature covers this record or those after it");
        }

        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == LogChain.HeadId, cancellationToken);
        if (head is not null && (head.Sequence != expectedSequence - 1 || head.Hash != previousHash))
        {
            return new MessageLogVerification(count, expectedSequence, $"the chain head says {head.Sequence} records, the log holds {expectedSequence - 1}");
        }

        // Reads are written with their records, in one transaction: one query sees both or neither of a batch appended meanwhile.
        if (await db.PersonalDataReads.AsNoTracking().Where(r => r.Sequence >= expectedSequence && !db.MessageLog.Any(m => m.Sequence == r.Sequence))
            .MinAsync(r => r.Sequence, cancellationToken) is { } beyond)
        {
            return new MessageLogVerification(count, beyond, $"a read of personal data names record {beyond}, which the log does not hold");
        }

        var checkpoints = await db.Checkpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        // The writer signs one at every multiple of the interval: one gone is a witness removed (archiving takes its records with it).
        var present = checkpoints.Select(c => c.Sequence).ToHashSet();
        var missing = dueCheckpoints.FirstOrDefault(s => !present.Contains(s));
        if (missing > 0)
        {
            return new MessageLogVerification(count, missing, $"checkpoint {missing} is missing (the log writes one every {checkpointEvery} records)");
        }

        foreach (var checkpoint in checkpoints)
        {
            var record = await db.MessageLog.AsNoTracking().Where(r => r.Sequence == checkpoint.Sequence).Select(r => r.Hash).SingleOrDefaultAsync(cancellationToken);
            var problem = record is null ? $"checkpoint {checkpoint.Sequence} names a record that is missing"
                : record != checkpoint.Hash ? $"checkpoint {checkpoint.Sequence} was signed over a different chain"
                : !keys.TryGetValue(checkpoint.KeyId, out var publicKey) || !LogSigner.Verify(publicKey, LogChain.CheckpointDigest(checkpoint.Sequence, checkpoint.Hash, checkpoint.Time), checkpoint.Signature)
                    ? $"the signature of checkpoint {checkpoint.Sequence} is not valid"
                : null;
            if (problem is not null)
            {
                return new MessageLogVerification(count, checkpoint.Sequence, problem);
            }
        }

        return await FirstAlteredBodyAsync(cancellationToken) is { } altered
            ? new MessageLogVerification(count, altered.Sequence, altered.Problem)
            : new MessageLogVerification(count, null, null);
    }

    /// <summary>The reads of personal data recorded with a page of records (none for records archived since).</summary>
    private async Task<ILookup<long, PersonalDataRead>> ReadsOfAsync(List<MessageLogRecord> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return Array.Empty<PersonalDataRead>().ToLookup(r => 0L);
        }

        var (first, last) = (page[0].Sequence, page[^1].Sequence);
        return (await db.PersonalDataReads.AsNoTracking().Where(r => r.Sequence >= first && r.Sequence <= last).ToListAsync(ct)).ToLookup(r => r.Sequence!.Value);
    }

    /// <summary>
    /// The people a data subject's list of reads must show for this record, as the signed record states
    /// them: its data subject, and those its answer disclosed, each with the record's time, client, service,
    /// purpose and legal basis. A read removed, altered or added is named. (The agency's and the service's
    /// display names are the directory's, not the log's, and are not compared.)
    /// </summary>
    private static string? ReadsProblem(MessageLogRecord record, IEnumerable<PersonalDataRead> recorded)
    {
        var expected = record.DisclosedSubjects is null ? []
            : LogChain.DisclosedTo(record).Select(s => (Subject: s, Incidental: true))
                .Concat(record.DataSubject is { } subject ? [(subject, false)] : []).ToHashSet();
        var found = recorded.Where(r => r.Time == record.Time && r.Client == record.Client && r.Service == record.Service && r.Purpose == record.Issue
                && r.LegalBasis == record.LegalBasis && r.XRoadId == record.XRoadId)
            .Select(r => (Subject: r.DataSubject, r.Incidental)).ToList();
        return found.Count == recorded.Count() && found.Count == expected.Count && expected.SetEquals(found)
            ? null
            : "the reads of personal data recorded with it do not match it (one was removed, altered or added)";
    }

    private async Task<(long Sequence, string Problem)?> FirstAlteredBodyAsync(CancellationToken ct)
    {
        if (!sealer.Enabled)
        {
            return null;
        }

        for (var after = 0L; ;)
        {
            var page = await (from b in db.MessageBodies.AsNoTracking()
                              where b.Sequence > after
                              join r in db.MessageLog.AsNoTracking() on b.Sequence equals r.Sequence
                              orderby b.Sequence
                              select new { Body = b, r.RequestBodyHash, r.ResponseBodyHash }).Take(Page).ToListAsync(ct);
            foreach (var sealedBodies in page)
            {
                if ((BodyProblem(sealedBodies.Body, request: true, sealedBodies.RequestBodyHash)
                    ?? BodyProblem(sealedBodies.Body, request: false, sealedBodies.ResponseBodyHash)) is { } problem)
                {
                    return (sealedBodies.Body.Sequence, problem);
                }
            }

            if (page.Count < Page)
            {
                return null;
            }

            after = page[^1].Body.Sequence;
        }
    }

    private string? BodyProblem(MessageBody body, bool request, string? loggedHash)
    {
        var part = request ? "request" : "response";
        byte[]? plain;
        try
        {
            plain = sealer.Open(body, request);
        }
        catch (CryptographicException)
        {
            return $"its sealed {part} body was altered (it no longer opens)";
        }

        return plain is null || LogChain.BodyHash(plain) == loggedHash
            ? null
            : $"its sealed {part} body does not match the body hash it was logged with";
    }
}
