using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;

namespace OneStop.Exchange.Admin;

/// <summary>
/// The operators' search of the message log, newest first, a page at a time (the admin page and the
/// API alike). <see cref="Id"/> is what a client holds when it reports a problem: its <c>X-Road-Id</c>,
/// or the request id that an X-Road error names in <c>detail</c>.
/// </summary>
internal sealed record LogSearch(
    string? Client = null, string? Service = null, string? Issue = null, string? Id = null,
    string? From = null, string? To = null, string? Outcome = null, long? Before = null, int? Take = null)
{
    public const int DefaultPageSize = 100;

    /// <summary>One page and the <see cref="Before"/> of the next, older one (null on the last page).</summary>
    public sealed record Page(IReadOnlyList<MessageLogRecord> Records, long? NextBefore);

    /// <summary>Which filter is wrong, and how, in both languages (null when all are usable).</summary>
    public (string Field, string Thai, string English)? Problem()
    {
        if (From is { Length: > 0 } && Bound(From) is null)
        {
            return ("from", "วันเริ่มต้นต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.) หรือเวลาแบบ ISO 8601", "'from' must be a date (yyyy-MM-dd) or an ISO 8601 time.");
        }

        if (To is { Length: > 0 } && Bound(To) is null)
        {
            return ("to", "วันสิ้นสุดต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.) หรือเวลาแบบ ISO 8601", "'to' must be a date (yyyy-MM-dd) or an ISO 8601 time.");
        }

        if (Outcome is { Length: > 0 } and not ("errors" or "ok"))
        {
            return ("outcome", "ผลต้องเป็น errors หรือ ok", "'outcome' must be 'errors' or 'ok'.");
        }

        return Take is < 1 or > 1000 ? ("take", "จำนวนต่อหน้าต้องอยู่ระหว่าง 1 ถึง 1000", "'take' must be between 1 and 1000.") : null;
    }

    /// <summary>Runs the search; call only when <see cref="Problem"/> is null.</summary>
    public async Task<Page> RunAsync(ExchangeDbContext db, CancellationToken ct)
    {
        var query = db.MessageLog.AsNoTracking();
        if (Trimmed(Client) is { } client)
        {
            query = query.Where(r => r.Client == client);
        }

        if (Trimmed(Service) is { } service)
        {
            query = query.Where(r => r.Service == service);
        }

        if (Trimmed(Issue) is { } issue)
        {
            query = query.Where(r => r.Issue == issue);
        }

        if (Trimmed(Id) is { } id)
        {
            query = query.Where(r => r.XRoadId == id || r.RequestId == id);
        }

        if (Bound(From) is { } from)
        {
            query = query.Where(r => r.Time >= from.Time);
        }

        // A date as the end takes in its whole day.
        if (Bound(To) is { } to)
        {
            var end = to.IsDay ? to.Time.AddDays(1) : to.Time;
            query = to.IsDay ? query.Where(r => r.Time < end) : query.Where(r => r.Time <= end);
        }

        query = Outcome switch
        {
            "errors" => query.Where(r => r.ErrorType != null),
            "ok" => query.Where(r => r.ErrorType == null),
            _ => query,
        };

        if (Before is { } before)
        {
            query = query.Where(r => r.Sequence < before);
        }

        // One more than a page tells whether an older page exists without counting the log.
        var size = Take ?? DefaultPageSize;
        var records = await query.OrderByDescending(r => r.Sequence).Take(size + 1).ToListAsync(ct);
        return records.Count > size ? new Page(records[..size], records[size - 1].Sequence) : new Page(records, null);
    }

    /// <summary>The query string of the next page: these filters, older than <paramref name="before"/>.</summary>
    public string QueryFor(long before)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("client", Client);
        Add("service", Service);
        Add("issue", Issue);
        Add("id", Id);
        Add("from", From);
        Add("to", To);
        Add("outcome", Outcome);
        Add("take", Take?.ToString(CultureInfo.InvariantCulture));
        Add("before", before.ToString(CultureInfo.InvariantCulture));
        return "?" + string.Join('&', parts);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A date (its start, UTC) or a time; a time without an offset is UTC.</summary>
    private static (DateTime Time, bool IsDay)? Bound(string? value)
    {
        if (Trimmed(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), true);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? (time.UtcDateTime, false)
            : null;
    }
}
