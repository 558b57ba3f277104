using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Payments.Data;
using OneStop.Payments.Payments;
using OneStop.Payments.ThaiQr;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Payments.Reconciliation;

/// <summary>
/// The collecting agency's finance officer imports the bank's statement of the collecting account (CSV) and sees
/// it matched to the payments recorded: matched, mismatched (amount or reference differ), on the statement but not
/// ours, and ours but missing from the statement. Importing the same file again answers the first run.
/// </summary>
internal static class Reconcile
{
    /// <summary>The columns a statement must have (in any order, more allowed); amounts in baht with at most two decimals, as banks print them.</summary>
    public static readonly string[] Columns = ["date", "transaction_id", "ref1", "amount"];

    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxLines = 100_000;

    private sealed record StatementLine(int Line, DateOnly Date, string TransactionId, string Ref1, long AmountSatang);

    internal sealed class Handler(PaymentsDbContext db, PaymentSettings settings, TimeProvider clock)
    {
        public async Task<Result<ReconciliationRun>> HandleAsync(Officer officer, string officerName, string fileName, byte[] content, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            ArgumentNullException.ThrowIfNull(content);
            if (!officer.May(OfficerRoleCodes.Finance, settings.CollectingAgency))
            {
                return new Error("payments.collecting_finance_required", "Only finance officers of the collecting agency reconcile its statements.", ErrorKind.Forbidden);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            if (await db.Reconciliations.Include(r => r.Items).AsNoTracking().SingleOrDefaultAsync(r => r.FileHash == hash, ct) is { } earlier)
            {
                return earlier;
            }

            var parsed = Parse(content);
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            var lines = parsed.Value!;
            var from = lines.Min(l => l.Date);
            var to = lines.Max(l => l.Date);
            var ids = lines.Select(l => l.TransactionId).Distinct(StringComparer.Ordinal).ToList();
            var known = new Dictionary<string, (Payment Payment, string Invoice)>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(500))
            {
                var rows = await db.Payments.AsNoTracking().Where(p => p.TransactionId != null && chunk.Contains(p.TransactionId))
                    .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { Payment = p, i.Number }).ToListAsync(ct);
                foreach (var row in rows)
                {
                    known[row.Payment.TransactionId!] = (row.Payment, row.Number);
                }
            }

            var items = new List<ReconciliationItem>();
            foreach (var line in lines)
            {
                if (!known.TryGetValue(line.TransactionId, out var ours) || ours.Payment.Status != PaymentStatus.Paid)
                {
                    items.Add(new ReconciliationItem { Kind = MatchKind.Unmatched, Line = line.Line, TransactionId = line.TransactionId, Reference = line.Ref1,
                        StatementSatang = line.AmountSatang, RecordedSatang = null, PaymentId = ours.Payment?.Id,
                        Note = ours.Payment is null ? "No payment with this transaction." : $"Our payment is {ours.Payment.Status.ToString().ToLowerInvariant()}, not paid." });
                    continue;
                }

                var agree = ours.Payment.AmountSatang == line.AmountSatang && string.Equals(ours.Invoice, line.Ref1, StringComparison.OrdinalIgnoreCase);
                items.Add(new ReconciliationItem
                {
                    Kind = agree ? MatchKind.Matched : MatchKind.Mismatched, Line = line.Line, TransactionId = line.TransactionId, Reference = line.Ref1,
                    StatementSatang = line.AmountSatang, RecordedSatang = ours.Payment.AmountSatang, PaymentId = ours.Payment.Id,
                    Note = agree ? null : ours.Payment.AmountSatang != line.AmountSatang
                        ? $"The statement says {new Money(line.AmountSatang)}, we recorded {ours.Payment.Amount}."
                        : $"The statement says reference {line.Ref1}, we recorded {ours.Invoice}.",
                });
            }

            // Paid in the statement's days (Thai time) by a bank, yet not on it.
            var start = DateTime.SpecifyKind(from.ToDateTime(TimeOnly.MinValue) - ThaiDates.ThailandOffset, DateTimeKind.Utc);
            var end = DateTime.SpecifyKind(to.AddDays(1).ToDateTime(TimeOnly.MinValue) - ThaiDates.ThailandOffset, DateTimeKind.Utc);
            var seen = ids.ToHashSet(StringComparer.Ordinal);
            var paid = await db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Paid && p.PaidAt >= start && p.PaidAt < end && p.TransactionId != null)
                .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { p.Id, p.TransactionId, p.AmountSatang, i.Number }).ToListAsync(ct);
            items.AddRange(paid.Where(p => !seen.Contains(p.TransactionId!)).Select(p => new ReconciliationItem
            {
                Kind = MatchKind.Missing, TransactionId = p.TransactionId, Reference = p.Number, RecordedSatang = p.AmountSatang, PaymentId = p.Id,
                Note = "Recorded as paid, not on the statement.",
            }));

            var run = new ReconciliationRun
            {
                Id = Guid.CreateVersion7(), FileHash = hash, FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "statement.csv",
                ImportedBy = officerName, ImportedAt = clock.GetUtcNow().UtcDateTime, From = from, To = to, Items = items,
                Matched = items.Count(i => i.Kind == MatchKind.Matched), Mismatched = items.Count(i => i.Kind == MatchKind.Mismatched),
                Unmatched = items.Count(i => i.Kind == MatchKind.Unmatched), Missing = items.Count(i => i.Kind == MatchKind.Missing),
            };
            db.Reconciliations.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same file imported twice at once: the first run stands.
                db.ChangeTracker.Clear();
                return await db.Reconciliations.Include(r => r.Items).AsNoTracking().SingleAsync(r => r.FileHash == hash, ct);
            }

            return run;
        }
    }

    /// <summary>Reads the statement; the first fault is reported with its line, and nothing is recorded.</summary>
    private static Result<List<StatementLine>> Parse(byte[] content)
    {
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            return Error.Invalid("file", $"Choose a CSV statement of at most {MaxBytes / 1024 / 1024} MB.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Error.Invalid("file", "The statement is not UTF-8 text; export it from the bank as CSV (UTF-8).");
        }

        var rows = text.Split('\n').Select(r => r.TrimEnd('\r')).ToList();
        var header = rows[0].Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList();
        if (Columns.FirstOrDefault(c => !header.Contains(c)) is { } missing)
        {
            return Error.Invalid("file", $"Line 1 must name the columns {string.Join(", ", Columns)}; '{missing}' is missing.");
        }

        var at = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        var lines = new List<StatementLine>();
        for (var i = 1; i < rows.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(rows[i]))
            {
                continue;
            }

            if (lines.Count == MaxLines)
            {
                return Error.Invalid("file", $"A statement has at most {MaxLines} lines; split it by day.");
            }

            var cells = rows[i].Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            var number = i + 1;
            if (cells.Length < header.Count)
            {
                return Error.Invalid("file", $"Line {number} has {cells.Length} columns; the header has {header.Count}.");
            }

            if (!DateOnly.TryParseExact(cells[at["date"]], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Error.Invalid("file", $"Line {number}: the date '{cells[at["date"]]}' is not yyyy-MM-dd.");
            }

            if (cells[at["transaction_id"]] is not { Length: > 0 and <= 100 } transaction)
            {
                return Error.Invalid("file", $"Line {number}: the transaction ID is empty or longer than 100 characters.");
            }

            if (!Money.TryParseBaht(cells[at["amount"]], out var baht) || baht.Satang <= 0 || baht.Satang > ThaiQrCode.MaxAmountSatang)
            {
                return Error.Invalid("file", $"Line {number}: the amount '{cells[at["amount"]]}' is not baht with at most two decimals.");
            }

            lines.Add(new StatementLine(number, date, transaction, cells[at["ref1"]], baht.Satang));
        }

        return lines.Count == 0 ? Error.Invalid("file", "The statement has a header but no lines.") : lines;
    }
}
