using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.MessageLog;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Exchange.Admin;

/// <summary>The operators' API for the exchange directory (the admin pages do the same through <see cref="DirectoryEditor"/>).</summary>
internal static partial class DirectoryApi
{
    /// <summary>What a save did.</summary>
    public sealed record Saved(string Id, DirectoryEditor.Outcome Outcome);

    /// <summary>A consent as an operator sees it: the person's ID masked, since operators need counts and scopes, not identities.</summary>
    public sealed record ConsentSummary(Guid Id, string DataSubject, string Client, string Service, string Purpose, DateTime GrantedAt, DateTime ExpiresAt, DateTime? WithdrawnAt, bool Active);

    /// <summary>A logged exchange as an operator sees it (metadata and hashes; citizen IDs masked, in the path too).</summary>
    public sealed record LoggedExchange(
        long Sequence, DateTime Time, string XRoadId, string RequestId, string Client, string Service, string Method, string Path,
        string? UserId, string? Issue, string? RepresentedParty, string? DataSubject, string? LegalBasis, int Status, string? ErrorType,
        string RequestHash, string? RequestBodyHash, string? ResponseBodyHash, string Hash);

    /// <summary>A page of the log and the address of the next, older one (null on the last page).</summary>
    public sealed record LogPage(IReadOnlyList<LoggedExchange> Records, string? Next);

    public static RouteGroupBuilder MapDirectoryAdmin(this RouteGroupBuilder group)
    {
        var admin = group.MapGroup("/admin").RequireAuthorization(Policies.Admin).WithTags("Exchange administration");
        admin.MapPut("/members/{instance}/{memberClass}/{memberCode}", SaveMemberAsync).WithName("Exchange_Admin_SaveMember")
            .WithSummary("Create or change a member (idempotent)");
        admin.MapPut("/subsystems/{instance}/{memberClass}/{memberCode}/{subsystemCode}", SaveSubsystemAsync).WithName("Exchange_Admin_SaveSubsystem")
            .WithSummary("Create or change a subsystem and how it connects (idempotent)");
        admin.MapPut("/services/{instance}/{memberClass}/{memberCode}/{subsystemCode}/{serviceCode}", SaveServiceAsync).WithName("Exchange_Admin_SaveService")
            .WithSummary("Create or change a service with its endpoints (idempotent)");
        admin.MapPost("/rights", AddRightAsync).WithName("Exchange_Admin_AddRight")
            .WithSummary("Grant a subsystem the right to call a service's method and path (the same right again returns it)")
            .WithIdempotencyKey();
        admin.MapDelete("/rights/{id:int}", RemoveRightAsync).WithName("Exchange_Admin_RemoveRight")
            .WithSummary("Remove an access right (removing one that is gone is not an error)");
        admin.MapGet("/log", LogAsync).WithName("Exchange_Admin_Log")
            .WithSummary("The message log, newest first, a page at a time: filters client, service, issue, id (X-Road-Id or request id), from, to (dates or ISO 8601 times, UTC), outcome (errors, ok); take (1-1000); next page from 'next'");
        admin.MapGet("/log/{sequence:long}/bodies", BodiesAsync).WithName("Exchange_Admin_LogBodies")
            .WithSummary("The decrypted bodies of one logged exchange (needs a purpose; the read is recorded, and shown to the person it concerns)");
        admin.MapGet("/changes", ChangesAsync).WithName("Exchange_Admin_Changes").WithSummary("Latest changes to the directory, newest first");
        admin.MapGet("/consents", ConsentsAsync).WithName("Exchange_Admin_Consents")
            .WithSummary("Consents on the exchange, newest first, with the data subjects' IDs masked");
        return group;
    }

    /// <summary>The operator as recorded with each change (the API and the admin pages alike).</summary>
    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    private static Results<Created<Saved>, Ok<Saved>, ProblemHttpResult> Answer(Result<DirectoryEditor.Outcome> result, string id, string location)
        => result.Error is { } error ? ApiProblems.From(error)
            : result.Value == DirectoryEditor.Outcome.Created ? TypedResults.Created(location, new Saved(id, result.Value))
            : TypedResults.Ok(new Saved(id, result.Value));

    private static async Task<Results<Created<Saved>, Ok<Saved>, ProblemHttpResult>> SaveMemberAsync(
        string instance, string memberClass, string memberCode, DirectoryEditor.MemberInput input, DirectoryEditor editor, ClaimsPrincipal user, CancellationToken ct)
        => Answer(await editor.SaveMemberAsync(instance, memberClass, memberCode, input, Actor(user), ct),
            $"{instance}/{memberClass}/{memberCode}", $"/api/exchange/admin/members/{instance}/{memberClass}/{memberCode}");

    private static async Task<Results<Created<Saved>, Ok<Saved>, ProblemHttpResult>> SaveSubsystemAsync(
        string instance, string memberClass, string memberCode, string subsystemCode, DirectoryEditor.SubsystemInput input, DirectoryEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = $"{instance}/{memberClass}/{memberCode}";
        return Answer(await editor.SaveSubsystemAsync(member, subsystemCode, input, Actor(user), ct), $"{member}/{subsystemCode}", $"/api/exchange/admin/subsystems/{member}/{subsystemCode}");
    }

    private static async Task<Results<Created<Saved>, Ok<Saved>, ProblemHttpResult>> SaveServiceAsync(
        string instance, string memberClass, string memberCode, string subsystemCode, string serviceCode, DirectoryEditor.ServiceInput input,
        DirectoryEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        var subsystem = $"{instance}/{memberClass}/{memberCode}/{subsystemCode}";
        return Answer(await editor.SaveServiceAsync(subsystem, serviceCode, input, Actor(user), ct), $"{subsystem}/{serviceCode}", $"/api/exchange/admin/services/{subsystem}/{serviceCode}");
    }

    private static async Task<Results<Created<AccessRight>, Ok<AccessRight>, ProblemHttpResult>> AddRightAsync(
        DirectoryEditor.RightInput input, DirectoryEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await editor.AddRightAsync(input, Actor(user), ct);
        if (result.Error is { } error)
        {
            return ApiProblems.From(error);
        }

        var (right, outcome) = result.Value;
        return outcome == DirectoryEditor.Outcome.Created ? TypedResults.Created($"/api/exchange/admin/rights/{right.Id}", right) : TypedResults.Ok(right);
    }

    private static async Task<NoContent> RemoveRightAsync(int id, DirectoryEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        await editor.RemoveRightAsync(id, Actor(user), ct);
        return TypedResults.NoContent();
    }

    /// <summary>One body of a logged exchange: as base64, as text when it is UTF-8, and whether it still matches the hash in the signed record.</summary>
    public sealed record LoggedBody(string Base64, string? Text, bool MatchesLoggedHash);

    /// <summary>The bodies of one logged exchange.</summary>
    public sealed record LoggedBodies(long Sequence, string Client, string Service, string Path, LoggedBody? Request, LoggedBody? Response);

    private static async Task<Results<Ok<LoggedBodies>, ProblemHttpResult>> BodiesAsync(
        long sequence, string? purpose, ExchangeDbContext db, BodySealer sealer, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        // The purpose goes into the read record each person sees, which keeps as much as a log's purpose.
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Length > LogLimits.Issue)
        {
            return ApiProblems.Invalid("purpose", Bilingual.Pick($"กรุณาระบุวัตถุประสงค์ในการเปิดอ่าน (ไม่เกิน {LogLimits.Issue} ตัวอักษร)", $"Say why the bodies are read (at most {LogLimits.Issue} characters)."));
        }

        var record = await db.MessageLog.AsNoTracking().SingleOrDefaultAsync(r => r.Sequence == sequence, ct);
        var body = await db.MessageBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Sequence == sequence, ct);
        if (record is null || body is null)
        {
            return ApiProblems.NotFound(Bilingual.Pick($"ไม่มีเนื้อหาที่บันทึกไว้สำหรับรายการ {sequence}", $"No bodies are logged for record {sequence}."));
        }

        if (!sealer.Enabled || body.KeyId != sealer.KeyId)
        {
            return ApiProblems.Conflict(Bilingual.Pick($"เนื้อหาถูกเข้ารหัสด้วยกุญแจ {body.KeyId} ซึ่งเครื่องนี้ไม่มี", $"The bodies were sealed with key {body.KeyId}, which this node does not hold."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.DirectoryChanges.Add(new DirectoryChange
        {
            Time = SharedKernel.Data.DatabaseTime.ToMicroseconds(now), Actor = Actor(user), Action = "log.bodies.read",
            Target = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"record {sequence}"), State = System.Text.Json.JsonSerializer.Serialize(new { purpose }),
        });
        // Everyone the logged answer disclosed sees that an operator read it.
        var disclosed = LogChain.DisclosedTo(record);
        foreach (var subject in record.DataSubject is { } asked ? disclosed.Prepend(asked) : disclosed)
        {
            db.PersonalDataReads.Add(new PersonalDataRead
            {
                DataSubject = subject, Incidental = subject != record.DataSubject, Time = now, Client = "exchange-operator:" + Actor(user),
                ClientName = Bilingual.Pick("ผู้ดูแลศูนย์แลกเปลี่ยนข้อมูล", "Exchange operator"),
                Service = record.Service, ServiceTitle = Bilingual.Pick("เนื้อหาในบันทึกการแลกเปลี่ยนข้อมูล", "Message log contents"), Purpose = purpose,
                LegalBasis = "Exchange operation (message log)", XRoadId = record.XRoadId,
            });
        }

        await db.SaveChangesAsync(ct);
        try
        {
            return TypedResults.Ok(new LoggedBodies(record.Sequence, record.Client, record.Service, record.Path,
                Describe(sealer.Open(body, request: true), record.RequestBodyHash), Describe(sealer.Open(body, request: false), record.ResponseBodyHash)));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return ApiProblems.Conflict(Bilingual.Pick(
                $"เนื้อหาที่เข้ารหัสของรายการ {sequence} เปิดไม่ได้ เพราะถูกแก้ไขหรือย้ายมาจากรายการอื่น", $"The sealed bodies of record {sequence} do not open: they were altered or moved from another record."));
        }
    }

    private static LoggedBody? Describe(byte[]? plain, string? loggedHash)
    {
        if (plain is null)
        {
            return null;
        }

        string? text;
        try
        {
            text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(plain);
        }
        catch (System.Text.DecoderFallbackException)
        {
            text = null;
        }

        return new LoggedBody(Convert.ToBase64String(plain), text, LogChain.BodyHash(plain) == loggedHash);
    }

    private static async Task<Results<Ok<LogPage>, ProblemHttpResult>> LogAsync([AsParameters] LogSearch search, ExchangeDbContext db, CancellationToken ct)
    {
        if (search.Problem() is { } problem)
        {
            return ApiProblems.Invalid(problem.Field, problem.English);
        }

        var page = await search.RunAsync(db, ct);
        return TypedResults.Ok(new LogPage(
            page.Records.Select(r => new LoggedExchange(r.Sequence, r.Time, r.XRoadId, r.RequestId, r.Client, r.Service, r.Method, MaskCitizenIds(r.Path),
                r.UserId, r.Issue, r.RepresentedParty, r.DataSubject is null ? null : Mask(r.DataSubject), r.LegalBasis, r.Status, r.ErrorType,
                r.RequestHash, r.RequestBodyHash, r.ResponseBodyHash, r.Hash)).ToList(),
            page.NextBefore is { } before ? "/api/exchange/admin/log" + search.QueryFor(before) : null));
    }

    private static async Task<Ok<List<DirectoryChange>>> ChangesAsync(ExchangeDbContext db, CancellationToken ct, int take = 100)
        => TypedResults.Ok(await db.DirectoryChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct));

    private static async Task<Ok<List<ConsentSummary>>> ConsentsAsync(ExchangeDbContext db, TimeProvider clock, CancellationToken ct, string? client = null, string? service = null, int take = 200)
        => TypedResults.Ok(await ConsentSummariesAsync(db, clock, client, service, take, ct));

    /// <summary>Consents for operators, newest first, optionally for one client or service.</summary>
    public static async Task<List<ConsentSummary>> ConsentSummariesAsync(ExchangeDbContext db, TimeProvider clock, string? client, string? service, int take, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Consents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(client))
        {
            query = query.Where(c => c.ClientId == client);
        }

        if (!string.IsNullOrWhiteSpace(service))
        {
            query = query.Where(c => c.ServiceId == service);
        }

        var consents = await query.OrderByDescending(c => c.GrantedAt).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return consents.Select(c => new ConsentSummary(c.Id, Mask(c.DataSubject), c.ClientId, c.ServiceId, c.Purpose, c.GrantedAt, c.ExpiresAt, c.WithdrawnAt,
            c.WithdrawnAt is null && c.ExpiresAt > now)).ToList();
    }

    /// <summary>1999900000013 → 1-xxxx-xxxxx-x1-3: enough to tell consents apart on a screen, not to identify anyone.</summary>
    public static string Mask(string citizenId)
        => citizenId.Length == 13 ? $"{citizenId[0]}-xxxx-xxxxx-x{citizenId[11]}-{citizenId[12]}" : "xxxxxxxxxxxxx";

    /// <summary>A logged path with every citizen ID in it masked (<c>/persons/1999900000013</c> → <c>/persons/1-xxxx-xxxxx-x1-3</c>).</summary>
    public static string MaskCitizenIds(string path)
        => ThirteenDigits().Replace(path, m => ThaiCitizenId.TryParse(m.Value, out _) ? Mask(m.Value) : m.Value);

    [GeneratedRegex(@"(?<!\d)\d{13}(?!\d)")]
    private static partial Regex ThirteenDigits();
}
