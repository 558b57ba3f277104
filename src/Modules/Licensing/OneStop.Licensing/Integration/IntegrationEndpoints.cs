using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;

namespace OneStop.Licensing.Integration;

/// <summary>What agency systems use beside the applications API: webhook subscriptions and statistics.</summary>
internal static class IntegrationEndpoints
{
    public const int MaxSubscriptionsPerAgency = 20;

    public static RouteGroupBuilder MapIntegrationEndpoints(this RouteGroupBuilder group)
    {
        var hooks = group.MapGroup("/webhooks").RequireAuthorization(Policies.Officer);
        hooks.MapPost("/", SubscribeAsync).WithName("Licensing_Webhooks_Subscribe")
            .WithSummary("Subscribe an agency system to licensing events (agency administrators); the secret is shown once")
            .WithDescription("Deliveries are POSTs signed as Standard Webhooks: headers webhook-id, webhook-timestamp and webhook-signature (v1, HMAC-SHA256 of id.timestamp.body). Not idempotent by design: a stored answer would keep the secret.");
        hooks.MapGet("/", ListAsync).WithName("Licensing_Webhooks_List").WithSummary("The agency's subscriptions, without their secrets");
        hooks.MapDelete("/{id:guid}", RemoveAsync).WithName("Licensing_Webhooks_Remove").WithSummary("End a subscription; removing one that is gone is 204 too");
        hooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("Licensing_Webhooks_Deliveries").WithSummary("The latest deliveries of a subscription and their outcome");

        group.MapGet("/statistics", StatisticsAsync).RequireAuthorization(Policies.Officer).WithName("Licensing_Statistics")
            .WithSummary("The officer's agency: licences by status, overdue, days taken against the service level, channels and copies avoided");
        return group;
    }

    public sealed record SubscribeRequest(string? Url, IReadOnlyList<string>? Events);

    internal sealed record SubscriptionView(Guid Id, string AgencyCode, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string? Secret);

    internal sealed record DeliveryView(Guid Id, string EventType, DateTime CreatedAt, int Attempts, DateTime? DeliveredAt, int? LastStatus, string? LastError, DateTime NextAttemptAt);

    private static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> SubscribeAsync(
        SubscribeRequest request, ClaimsPrincipal user, LicensingDbContext db, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        if (AdminOf(user) is not { } officer)
        {
            return NotAdmin();
        }

        var allowHttp = configuration.GetValue<bool>("Licensing:Webhooks:AllowHttp");
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (allowHttp && url.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(url.UserInfo) || url.AbsoluteUri.Length > 500)
        {
            return ApiProblems.Invalid("url", allowHttp ? "An absolute http or https URL of at most 500 characters, without credentials." : "An absolute https URL of at most 500 characters, without credentials.");
        }

        var events = request.Events ?? [];
        if (events.Any(e => e is null || !WebhookEvents.All.Contains(e)))
        {
            return ApiProblems.Invalid("events", $"'{events.First(e => e is null || !WebhookEvents.All.Contains(e))}' is not an event; choose from {string.Join(", ", WebhookEvents.All)}, or none for all.");
        }

        if (!allowHttp && !await WebhookAddresses.IsPublicAsync(url, ct))
        {
            return ApiProblems.Invalid("url", "The address must be a public host: the platform does not call into its own network.");
        }

        if (await db.WebhookSubscriptions.CountAsync(s => s.AgencyCode == officer.AgencyCode, ct) >= MaxSubscriptionsPerAgency)
        {
            return ApiProblems.Conflict($"An agency has at most {MaxSubscriptionsPerAgency} subscriptions; remove one first.");
        }

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), AgencyCode = officer.AgencyCode, Url = url.AbsoluteUri, Secret = StandardWebhooks.NewSecret(),
            Events = [.. events.Distinct(StringComparer.Ordinal)], CreatedBy = SignedIn.SubjectOf(user), CreatedAt = clock.UtcNowAsStored(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/licensing/webhooks/{subscription.Id}", View(subscription, withSecret: true));
    }

    private static async Task<Results<Ok<List<SubscriptionView>>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, LicensingDbContext db, CancellationToken ct)
    {
        if (AdminOf(user) is not { } officer)
        {
            return NotAdmin();
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.AgencyCode == officer.AgencyCode).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(subscriptions.ConvertAll(s => View(s, withSecret: false)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid id, ClaimsPrincipal user, LicensingDbContext db, CancellationToken ct)
    {
        if (AdminOf(user) is not { } officer)
        {
            return NotAdmin();
        }

        await db.WebhookSubscriptions.Where(s => s.Id == id && s.AgencyCode == officer.AgencyCode).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<DeliveryView>>, ProblemHttpResult>> DeliveriesAsync(Guid id, ClaimsPrincipal user, LicensingDbContext db, CancellationToken ct)
    {
        if (AdminOf(user) is not { } officer)
        {
            return NotAdmin();
        }

        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id && s.AgencyCode == officer.AgencyCode, ct))
        {
            return ApiProblems.NotFound($"No subscription {id} of your agency.");
        }

        return TypedResults.Ok(await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id).OrderByDescending(d => d.CreatedAt).Take(100)
            .Select(d => new DeliveryView(d.Id, d.EventType, d.CreatedAt, d.Attempts, d.DeliveredAt, d.LastStatus, d.LastError, d.NextAttemptAt)).ToListAsync(ct));
    }

    /// <summary>The agency's figures, as the officer's agency dashboard and agency systems read them.</summary>
    internal sealed record Statistics(
        string AgencyCode, IReadOnlyDictionary<string, int> LicencesByStatus, int Overdue, int OpenTasks, double? AverageWorkingDaysToDecide,
        int DecidedWithinServiceLevel, int DecidedLate, IReadOnlyDictionary<string, int> ApplicationsByChannel, int CopiesAvoided);

    private static async Task<Ok<Statistics>> StatisticsAsync(ClaimsPrincipal user, LicensingDbContext db, ApplicationQueries queries, IWorkingDayCalendar calendar, CancellationToken ct)
    {
        var officer = Officer.Of(user)!;
        var today = queries.Today;
        var licences = db.Licences.AsNoTracking().Where(l => l.AgencyCode == officer.AgencyCode);
        var byStatus = (await licences.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => WireName(g.Key.ToString()), g => g.Count, StringComparer.Ordinal);
        var overdue = await licences.CountAsync(l => l.Status == LicenceStatus.InReview && l.DueOn < today, ct);
        var openTasks = await db.Tasks.AsNoTracking().VisibleTo(officer).CountAsync(t => t.Status == ReviewTaskStatus.Open || t.Status == ReviewTaskStatus.Claimed, ct);

        // The latest decisions, measured in working days against their service level (the clock's stops excluded).
        var decided = await licences.Where(l => l.DecidedAt != null && l.SubmittedOn != null).OrderByDescending(l => l.DecidedAt).Take(500)
            .Select(l => new { l.SubmittedOn, l.DecidedAt, l.SlaDays, l.StoppedWorkingDays }).ToListAsync(ct);
        var days = new List<int>();
        var late = 0;
        foreach (var l in decided)
        {
            var taken = await calendar.CountWorkingDaysAsync(l.SubmittedOn!.Value, DateOnly.FromDateTime(ThaiDates.ToThaiTime(l.DecidedAt!.Value)), ct) - l.StoppedWorkingDays;
            days.Add(Math.Max(taken, 0));
            late += taken > l.SlaDays ? 1 : 0;
        }

        var applications = db.Applications.AsNoTracking().Where(a => a.Licences.Any(l => l.AgencyCode == officer.AgencyCode));
        var byChannel = (await applications.GroupBy(a => a.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => WireName(g.Key.ToString()), g => g.Count, StringComparer.Ordinal);
        var copies = (await applications.Select(a => a.AvoidedCopies).ToListAsync(ct)).Sum(c => c.Count);
        return TypedResults.Ok(new Statistics(officer.AgencyCode, byStatus, overdue, openTasks, days.Count > 0 ? Math.Round(days.Average(), 1) : null,
            decided.Count - late, late, byChannel, copies));
    }

    private static string WireName(string name) => SharedKernel.Workflow.WireNames.Kebab(name);

    private static Officer? AdminOf(ClaimsPrincipal user)
        => Officer.Of(user) is { } officer && officer.Roles.Contains(OfficerRoleCodes.AgencyAdmin) ? officer : null;

    private static ProblemHttpResult NotAdmin()
        => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "Only the agency's administrators manage its webhook subscriptions.");

    private static SubscriptionView View(WebhookSubscription s, bool withSecret) => new(s.Id, s.AgencyCode, s.Url, s.Events, s.CreatedAt, withSecret ? s.Secret : null);
}
