using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Licensing.Integration;

/// <summary>An agency system's subscription to the licensing events that concern the agency.</summary>
internal sealed class WebhookSubscription
{
    public Guid Id { get; init; }

    public required string AgencyCode { get; init; }

    public required string Url { get; init; }

    /// <summary>The shared secret (<c>whsec_</c> + base64), shown once when the subscription is made.</summary>
    public required string Secret { get; init; }

    /// <summary>Event names (<see cref="WebhookEvents"/>); empty means all.</summary>
    public List<string> Events { get; init; } = [];

    public required string CreatedBy { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>One event on its way to one subscriber, retried with backoff until it is taken (2xx) or given up.</summary>
internal sealed class WebhookDelivery
{
    public const int MaxAttempts = 12;

    /// <summary>Also the <c>webhook-id</c> header: receivers drop a redelivery they have seen.</summary>
    public Guid Id { get; init; }

    public Guid SubscriptionId { get; init; }

    /// <summary>The outbox message the event came from: one delivery per subscription and message.</summary>
    public Guid MessageId { get; init; }

    public required string EventType { get; init; }

    public required string Payload { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public int? LastStatus { get; set; }

    public string? LastError { get; set; }
}

/// <summary>The events agency systems can subscribe to, by their names on the wire.</summary>
internal static class WebhookEvents
{
    public const string ApplicationSubmitted = "application.submitted";
    public const string LicenceApproved = "licence.approved";
    public const string FeesDue = "fees.due";
    public const string ApplicationApproved = "application.approved";

    public static readonly IReadOnlyList<string> All = [ApplicationSubmitted, LicenceApproved, FeesDue, ApplicationApproved];
}

/// <summary>
/// Turns licensing's integration events into deliveries for the subscriptions of the agencies they concern
/// (consumed once, so a redelivered outbox message adds nothing).
/// </summary>
internal sealed class WebhookFanOut(LicensingDbContext db, TimeProvider clock) :
    IIntegrationEventHandler<ApplicationSubmitted>, IIntegrationEventHandler<LicenceApproved>, IIntegrationEventHandler<FeesDue>, IIntegrationEventHandler<ApplicationApproved>
{
    private const string Consumer = "licensing.webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(Guid messageId, ApplicationSubmitted integrationEvent, CancellationToken cancellationToken)
        => await FanOutAsync(messageId, WebhookEvents.ApplicationSubmitted, integrationEvent, await AgenciesOfAsync(integrationEvent.ApplicationId, cancellationToken), cancellationToken);

    public Task HandleAsync(Guid messageId, LicenceApproved integrationEvent, CancellationToken cancellationToken)
        => FanOutAsync(messageId, WebhookEvents.LicenceApproved, integrationEvent, [integrationEvent.AgencyCode], cancellationToken);

    public Task HandleAsync(Guid messageId, FeesDue integrationEvent, CancellationToken cancellationToken)
        => FanOutAsync(messageId, WebhookEvents.FeesDue, integrationEvent, [integrationEvent.AgencyCode], cancellationToken);

    public async Task HandleAsync(Guid messageId, ApplicationApproved integrationEvent, CancellationToken cancellationToken)
        => await FanOutAsync(messageId, WebhookEvents.ApplicationApproved, integrationEvent, await AgenciesOfAsync(integrationEvent.ApplicationId, cancellationToken), cancellationToken);

    /// <summary>Every agency with a step in the application's reviews.</summary>
    private Task<List<string>> AgenciesOfAsync(Guid applicationId, CancellationToken ct)
        => db.Tasks.Where(t => t.ApplicationId == applicationId).Select(t => t.AgencyCode)
            .Union(db.Licences.Where(l => l.ApplicationId == applicationId).Select(l => l.AgencyCode)).ToListAsync(ct);

    private async Task FanOutAsync<TEvent>(Guid messageId, string eventType, TEvent integrationEvent, IReadOnlyCollection<string> agencies, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => agencies.Contains(s.AgencyCode)).ToListAsync(ct);
        var wanted = subscriptions.Where(s => s.Events.Count == 0 || s.Events.Contains(eventType)).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var now = clock.UtcNowAsStored();
        var payload = JsonSerializer.Serialize(new { type = eventType, timestamp = now, data = integrationEvent }, Json);
        await db.ConsumeOnceAsync(messageId, Consumer, clock, _ =>
        {
            db.WebhookDeliveries.AddRange(wanted.Select(s => new WebhookDelivery
            {
                Id = Guid.CreateVersion7(), SubscriptionId = s.Id, MessageId = messageId, EventType = eventType, Payload = payload, CreatedAt = now, NextAttemptAt = now,
            }));
            return Task.CompletedTask;
        }, ct);
    }
}

/// <summary>Sends the deliveries that are due, with the Standard Webhooks headers; a receiver's failure is retried later, never lost.</summary>
internal sealed class WebhookSender(LicensingDbContext db, IHttpClientFactory clients, TimeProvider clock)
{
    public const string HttpClientName = "licensing-webhooks";
    /// <summary>At 10 s a receiver, a batch ends well within the job's lease even when every receiver hangs.</summary>
    public const int Batch = 20;

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.UtcNowAsStored();
        var due = await db.WebhookDeliveries.Where(d => d.DeliveredAt == null && d.Attempts < WebhookDelivery.MaxAttempts && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(Batch).ToListAsync(ct);
        var ids = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var sent = 0;
        foreach (var delivery in due)
        {
            if (!subscriptions.TryGetValue(delivery.SubscriptionId, out var subscription))
            {
                delivery.Attempts = WebhookDelivery.MaxAttempts; // the subscription was removed
                delivery.LastError = "subscription removed";
                continue;
            }

            delivery.Attempts++;
            try
            {
                using var response = await clients.CreateClient(HttpClientName).SendAsync(Request(subscription, delivery), ct);
                delivery.LastStatus = (int)response.StatusCode;
                delivery.LastError = null;
                if (response.IsSuccessStatusCode)
                {
                    delivery.DeliveredAt = clock.UtcNowAsStored();
                    sent++;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                delivery.LastError = ex.GetType().Name;
            }

            if (delivery.DeliveredAt is null)
            {
                // 30 s, 1 min, 2 min ... capped at six hours: about two days of retries in all.
                delivery.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(6 * 3600, 30 * Math.Pow(2, delivery.Attempts - 1)));
            }

            // Each outcome is kept at once: a node that dies mid-batch resends at most the one in flight.
            await db.SaveChangesAsync(ct);
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private HttpRequestMessage Request(WebhookSubscription subscription, WebhookDelivery delivery)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var id = delivery.Id.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhooks.Sign(subscription.Secret, id, timestamp, delivery.Payload));
        return request;
    }
}

/// <summary>Section <c>Licensing:Webhooks</c>.</summary>
internal sealed class WebhookOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Plain http:// receivers, for development and tests on loopback; production receivers use https.</summary>
    public bool AllowHttp { get; set; }
}

internal sealed class WebhookJob(IConfiguration configuration) : IRecurringJob
{
    private readonly WebhookOptions options = configuration.GetSection("Licensing:Webhooks").Get<WebhookOptions>() ?? new();

    public string Name => "licensing-webhooks";

    public TimeSpan Interval => options.PollInterval;

    public TimeSpan MaxRunTime => TimeSpan.FromMinutes(5);

    public bool Enabled => options.Enabled;

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => scopedServices.GetRequiredService<WebhookSender>().SendDueAsync(cancellationToken);
}

/// <summary>
/// Receivers are on the internet, never inside the platform's own network: an agency administrator must not
/// make the platform probe its private addresses. Checked when subscribing and again at every connection
/// (a name may resolve elsewhere later); redirects are not followed.
/// </summary>
internal static class WebhookAddresses
{
    public static async Task<bool> IsPublicAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var addresses = System.Net.IPAddress.TryParse(url.DnsSafeHost, out var literal) ? [literal] : await System.Net.Dns.GetHostAddressesAsync(url.DnsSafeHost, ct);
            return addresses.Length > 0 && addresses.All(IsPublic);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public static bool IsPublic(System.Net.IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (System.Net.IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
            || address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any))
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || !(b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }

    /// <summary>The sockets handler for deliveries: no redirects, and only public addresses unless <paramref name="allowPrivate"/> (development).</summary>
    public static System.Net.Http.SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var target = addresses.FirstOrDefault(a => allowPrivate || IsPublic(a))
                ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a public address.");
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(target, context.DnsEndPoint.Port, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
