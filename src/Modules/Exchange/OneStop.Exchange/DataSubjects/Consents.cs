using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.MessageLog;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;

namespace OneStop.Exchange.DataSubjects;

/// <summary>
/// A person's consent for an agency system to read their data from one service, for a purpose and
/// a limited time, withdrawable at any moment. Every grant and withdrawal is an event in a
/// hash-chained history, so that a consent cannot be back-dated or quietly removed.
/// </summary>
internal static class Consents
{
    /// <summary>Longest consent a person can give at once.</summary>
    public const int MaxDays = 365;

    /// <summary>A consent to grant.</summary>
    /// <param name="Client">The agency system that may read, e.g. TH/GOV/DEMO/counter.</param>
    /// <param name="Service">The service it may read from, e.g. TH/GOV/DOPA/population/persons.</param>
    /// <param name="Purpose">What for, in the person's words or the application number.</param>
    /// <param name="Days">How long, 1 to 365 days.</param>
    public sealed record GrantRequest(
        [property: Required, StringLength(300)] string Client,
        [property: Required, StringLength(400)] string Service,
        [property: Required, StringLength(500, MinimumLength = 3)] string Purpose,
        [property: Range(1, MaxDays)] int Days = 30);

    /// <summary>A consent as its data subject sees it.</summary>
    public sealed record ConsentDto(Guid Id, string Client, string Service, string Purpose, DateTime GrantedAt, DateTime ExpiresAt, DateTime? WithdrawnAt, bool Active);

    public static RouteGroupBuilder MapConsents(this RouteGroupBuilder group)
    {
        var consents = group.MapGroup("/consents").RequireAuthorization(Policies.Citizen);
        consents.MapGet("/", ListAsync).WithName("Exchange_Consents_List").WithSummary("My consents");
        consents.MapPost("/", GrantAsync).WithName("Exchange_Consents_Grant")
            .WithSummary("Give an agency system consent to read my data from a service")
            .WithDescription("Idempotent: an identical active consent is returned (200) instead of a second one.")
            .WithIdempotencyKey();
        consents.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("Exchange_Consents_Withdraw")
            .WithSummary("Withdraw a consent (takes effect at once; repeating it changes nothing)");
        return group;
    }

    private static async Task<Ok<List<ConsentDto>>> ListAsync(ClaimsPrincipal user, ExchangeDbContext db, TimeProvider clock, CancellationToken ct)
        => TypedResults.Ok(await ListForAsync(db, clock, user.FindFirstValue(Claims.CitizenId)!, ct));

    /// <summary>All of <paramref name="pid"/>'s consents, newest first.</summary>
    public static async Task<List<ConsentDto>> ListForAsync(ExchangeDbContext db, TimeProvider clock, string pid, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.Consents.AsNoTracking().Where(c => c.DataSubject == pid).OrderByDescending(c => c.GrantedAt).ToListAsync(ct);
        return items.Select(c => ToDto(c, now)).ToList();
    }

    private static async Task<Results<Created<ConsentDto>, Ok<ConsentDto>, ProblemHttpResult>> GrantAsync(
        GrantRequest request, ClaimsPrincipal user, ExchangeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await GrantForAsync(db, clock, user.FindFirstValue(Claims.CitizenId)!, request, ct);
        if (result.Error is { } error)
        {
            return ApiProblems.From(error);
        }

        var (consent, created) = result.Value;
        return created ? TypedResults.Created($"/api/exchange/consents/{consent.Id}", consent) : TypedResults.Ok(consent);
    }

    /// <summary>
    /// Gives <paramref name="pid"/>'s consent; an identical active consent is returned instead of a
    /// second one (<c>Created</c> false), so a repeated submission changes nothing.
    /// </summary>
    public static async Task<Result<(ConsentDto Consent, bool Created)>> GrantForAsync(ExchangeDbContext db, TimeProvider clock, string pid, GrantRequest request, CancellationToken ct)
    {
        if (!await db.IsClientAsync(request.Client, ct))
        {
            return Error.Invalid("client", Bilingual.Pick($"{request.Client} ไม่ใช่ระบบที่ลงทะเบียนไว้", $"{request.Client} is not a system on the exchange."));
        }

        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Service, ct);
        if (service is null)
        {
            return Error.Invalid("service", Bilingual.Pick($"{request.Service} ไม่ใช่บริการที่ลงทะเบียนไว้", $"{request.Service} is not a service on the exchange."));
        }

        if (!service.PersonalData)
        {
            return Error.Invalid("service", Bilingual.Pick($"{request.Service} ไม่ส่งข้อมูลส่วนบุคคล จึงไม่ต้องให้ความยินยอม", $"{request.Service} returns no personal data; no consent is needed."));
        }

        var purpose = request.Purpose?.Trim() ?? string.Empty;
        if (purpose.Length is < 3 or > 500)
        {
            return Error.Invalid("purpose", Bilingual.Pick("กรุณาระบุวัตถุประสงค์ 3 ถึง 500 ตัวอักษร", "Say what the consent is for in 3 to 500 characters."));
        }

        if (request.Days is < 1 or > MaxDays)
        {
            return Error.Invalid("days", Bilingual.Pick($"ความยินยอมมีอายุได้ 1 ถึง {MaxDays} วัน", $"A consent lasts 1 to {MaxDays} days."));
        }

        return await db.RetryOnConflictAsync(ct => GrantOnceAsync(db, clock, pid, request.Client, request.Service, purpose, request.Days, ct), ct);
    }

    private static async Task<Result<(ConsentDto Consent, bool Created)>> GrantOnceAsync(
        ExchangeDbContext db, TimeProvider clock, string pid, string client, string service, string purpose, int days, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Consents.AsNoTracking()
            .Where(c => c.DataSubject == pid && c.ClientId == client && c.ServiceId == service && c.Purpose == purpose && c.WithdrawnAt == null && c.ExpiresAt > now)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return (ToDto(existing, now), false);
        }

        // An identical consent that has expired still holds the key: this one takes it over. Only an expired
        // one: an active one committed since the read above must make this save fail, not lose its key.
        var key = ActiveKeyOf(pid, client, service, purpose);
        foreach (var expired in await db.Consents.Where(c => c.ActiveKey == key && c.ExpiresAt <= now).ToListAsync(ct))
        {
            expired.ActiveKey = null;
        }

        var consent = new Consent
        {
            Id = Guid.CreateVersion7(now), DataSubject = pid, ClientId = client, ServiceId = service, Purpose = purpose,
            GrantedAt = Truncate(now), ExpiresAt = Truncate(now.AddDays(days)), ActiveKey = key,
        };
        db.Consents.Add(consent);
        await SaveWithEventAsync(db, consent, ConsentEventKind.Granted, consent.GrantedAt, ct);
        return (ToDto(consent, now), true);
    }

    /// <summary>What makes two consents identical: the same person lets the same system read the same service for the same purpose.</summary>
    public static string ActiveKeyOf(string pid, string client, string service, string purpose)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', pid, client, service, purpose))));

    /// <summary>A system that may read a service only with the data subject's consent (its access right has no legal mandate).</summary>
    public sealed record ConsentableAccess(string Client, string ClientName, string Service, string ServiceTitle);

    /// <summary>What a person can give consent for: rights without a mandate to services returning personal data.</summary>
    public static async Task<List<ConsentableAccess>> ConsentableAsync(ExchangeDbContext db, CancellationToken ct)
    {
        var rows = await (from r in db.AccessRights
                          where r.LegalMandate == null
                          join s in db.Services on r.ServiceId equals s.Id
                          where s.PersonalData && !s.Disabled
                          select new { r.ClientId, Service = s.Id, ServiceTitle = s.Title })
            .ToListAsync(ct);
        // A client is a subsystem or a member with connection settings; a member's right stays while it has none, but it cannot call.
        var clients = rows.Select(r => r.ClientId).Distinct().ToList();
        var names = await db.Subsystems.Where(c => clients.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        names.AddRange(await db.Members.Where(m => m.ConnectionType != null && clients.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct));
        var nameOf = names.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        return rows.Where(a => nameOf.ContainsKey(a.ClientId)).Select(a => new ConsentableAccess(a.ClientId, nameOf[a.ClientId], a.Service, a.ServiceTitle))
            .Distinct().OrderBy(a => a.ClientName, StringComparer.Ordinal).ThenBy(a => a.ServiceTitle, StringComparer.Ordinal).ToList();
    }

    private static async Task<Results<Ok<ConsentDto>, ProblemHttpResult>> WithdrawAsync(Guid id, ClaimsPrincipal user, ExchangeDbContext db, TimeProvider clock, CancellationToken ct)
        => await WithdrawForAsync(db, clock, user.FindFirstValue(Claims.CitizenId)!, id, ct) is { } consent
            ? TypedResults.Ok(consent)
            : ApiProblems.NotFound("You have no consent with this id.");

    /// <summary>Withdraws one of <paramref name="pid"/>'s consents; null when they have none with that id.</summary>
    public static Task<ConsentDto?> WithdrawForAsync(ExchangeDbContext db, TimeProvider clock, string pid, Guid id, CancellationToken ct)
        => db.RetryOnConflictAsync(async ct =>
        {
            var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == id && c.DataSubject == pid, ct);
            if (consent is null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (consent.WithdrawnAt is null)
            {
                // WithdrawnAt is a concurrency token: of two withdrawals at once, the second starts over and finds this one.
                (consent.WithdrawnAt, consent.ActiveKey) = (Truncate(now), null);
                await SaveWithEventAsync(db, consent, ConsentEventKind.Withdrawn, consent.WithdrawnAt.Value, ct);
            }

            return (ConsentDto?)ToDto(consent, now);
        }, ct);

    /// <summary>
    /// Saves the change with the next event of the history. Another request may take that place first
    /// (the sequence is the key): the caller's retry then starts over from what that request wrote.
    /// </summary>
    private static async Task SaveWithEventAsync(ExchangeDbContext db, Consent consent, ConsentEventKind kind, DateTime at, CancellationToken ct)
    {
        db.ConsentEvents.Add(await NextEventAsync(db, consent, kind, at, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The next event of the history, linked by hash to the one before it.</summary>
    private static async Task<ConsentEvent> NextEventAsync(ExchangeDbContext db, Consent consent, ConsentEventKind kind, DateTime at, CancellationToken ct)
    {
        var last = await db.ConsentEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var ev = new ConsentEvent
        {
            Sequence = (last?.Sequence ?? 0) + 1, ConsentId = consent.Id, Kind = kind, At = at, DataSubject = consent.DataSubject,
            ClientId = consent.ClientId, ServiceId = consent.ServiceId, Purpose = consent.Purpose, ExpiresAt = consent.ExpiresAt,
            PreviousHash = last?.Hash ?? LogChain.Genesis, Hash = string.Empty,
        };
        ev.Hash = HashOf(ev);
        return ev;
    }

    /// <summary>SHA-256 over the previous event's hash and every field of this one.</summary>
    public static string HashOf(ConsentEvent e)
    {
        var canonical = string.Join('\n',
            e.PreviousHash, e.Sequence.ToString(CultureInfo.InvariantCulture), e.ConsentId.ToString(), e.Kind.ToString(),
            e.At.ToString("O", CultureInfo.InvariantCulture), e.DataSubject, e.ClientId, e.ServiceId, e.Purpose,
            e.ExpiresAt.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The first event, in order of sequence, that does not follow from the one before it, or null.</summary>
    public static long? FirstBrokenEvent(IEnumerable<ConsentEvent> events)
    {
        var previous = LogChain.Genesis;
        var expected = 1L;
        foreach (var e in events)
        {
            if (e.Sequence != expected || e.PreviousHash != previous || HashOf(e) != e.Hash)
            {
                return Math.Min(e.Sequence, expected);
            }

            (previous, expected) = (e.Hash, e.Sequence + 1);
        }

        return null;
    }

    private static ConsentDto ToDto(Consent c, DateTime now)
        => new(c.Id, c.ClientId, c.ServiceId, c.Purpose, c.GrantedAt, c.ExpiresAt, c.WithdrawnAt, c.WithdrawnAt is null && c.ExpiresAt > now);

    private static DateTime Truncate(DateTime t) => DatabaseTime.ToMicroseconds(t);
}
