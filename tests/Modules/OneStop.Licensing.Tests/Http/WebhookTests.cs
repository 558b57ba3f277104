using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Integration;
using static OneStop.Licensing.Tests.Http.Api;

namespace OneStop.Licensing.Tests.Http;

/// <summary>The app with an agency system on the other end of its webhooks, which records what it receives.</summary>
public sealed class WebhookAppFactory : LicensingAppFactory
{
    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Received { get; } = new();

    /// <summary>The status the receiver answers with.</summary>
    public HttpStatusCode ReceiverAnswers { get; set; } = HttpStatusCode.NoContent;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Licensing:Webhooks:Enabled"] = "false",
        ["Licensing:Webhooks:AllowHttp"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddHttpClient(WebhookSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Receiver(this));
    }

    public Task<int> SendWebhooksAsync() => WithScopeAsync(sp => sp.GetRequiredService<WebhookSender>().SendDueAsync(TestContext.Current.CancellationToken));

    private sealed class Receiver(WebhookAppFactory factory) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            factory.Received.Enqueue((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(factory.ReceiverAnswers);
        }
    }
}

public sealed class WebhookTests(WebhookAppFactory factory) : IClassFixture<WebhookAppFactory>
{
    private static readonly string[] UnknownEvent = ["licence.burned"];
    private static readonly string[] ApprovalEvents = ["licence.approved", "fees.due"];
    private static readonly string[] Liquor = ["liquor"];
    private static readonly string[] Vat = ["vat"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient ExciseAdmin() => factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.AgencyAdmin);

    [Fact]
    public async Task Subscribing_NeedsAnAgencyAdministrator_AndAProperUrl_AndKnownEvents()
    {
        using var reviewer = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer);
        using var notAdmin = await reviewer.PostAsJsonAsync(Url("/api/licensing/webhooks"), new { url = "https://excise.example/hooks" }, Ct);
        await AssertProblemAsync(notAdmin, HttpStatusCode.Forbidden);
        using var admin = ExciseAdmin();
        using var relative = await admin.PostAsJsonAsync(Url("/api/licensing/webhooks"), new { url = "/hooks" }, Ct);
        await AssertProblemAsync(relative, HttpStatusCode.BadRequest, "url");
        using var credentials = await admin.PostAsJsonAsync(Url("/api/licensing/webhooks"), new { url = "https://user:pw@excise.example/hooks" }, Ct);
        await AssertProblemAsync(credentials, HttpStatusCode.BadRequest, "url");
        using var unknownEvent = await admin.PostAsJsonAsync(Url("/api/licensing/webhooks"), new { url = "https://excise.example/hooks", events = UnknownEvent }, Ct);
        await AssertProblemAsync(unknownEvent, HttpStatusCode.BadRequest, "events");
    }

    [Fact]
    public async Task AnApproval_ReachesTheAgencysSystem_SignedAsStandardWebhooks_AndAFailureIsRetried()
    {
        using var admin = ExciseAdmin();
        using var subscribed = await admin.PostAsJsonAsync(Url("/api/licensing/webhooks"), new { url = "http://127.0.0.1:9/excise/hooks", events = ApprovalEvents }, Ct);
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscription = await subscribed.JsonAsync();
        var secret = subscription.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        using var list = await admin.GetAsync(Url("/api/licensing/webhooks"), Ct);
        Assert.All((await list.JsonAsync()).EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("secret").ValueKind));

        // A liquor licence approved by the Excise Department's reviewer and approver.
        using var director = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        using var started = await director.PostAsJsonAsync(Url("/api/licensing/applications"), new { businessType = "restaurant", licences = Liquor, province = "10" }, Ct);
        var id = (await started.JsonAsync()).GetProperty("id").GetString();
        await director.PostAsync(Url($"/api/licensing/applications/{id}/prefill"), null, Ct);
        await director.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new { seats = "20", sells_alcohol = "yes" } }, Ct);
        using var submitted = await director.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        var number = (await submitted.JsonAsync()).GetProperty("number").GetString();
        foreach (var role in new[] { OfficerRoleCodes.Reviewer, OfficerRoleCodes.Approver })
        {
            using var officer = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, role);
            using var queue = await officer.GetAsync(Url("/api/licensing/tasks"), Ct);
            var task = (await queue.JsonAsync()).EnumerateArray().Single(t => t.GetProperty("applicationNumber").GetString() == number);
            using var decided = await officer.PostAsJsonAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}/decision"), new { outcome = "approve", version = task.GetProperty("version").GetInt32() }, Ct);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        factory.ReceiverAnswers = HttpStatusCode.ServiceUnavailable;
        await factory.DispatchOutboxAsync();
        await factory.DispatchOutboxAsync(); // a redelivered message adds no delivery
        Assert.Equal(0, await factory.SendWebhooksAsync());
        Assert.Equal(2, factory.Received.Count);
        using var failed = await admin.GetAsync(Url($"/api/licensing/webhooks/{subscription.GetProperty("id").GetString()}/deliveries"), Ct);
        var deliveries = (await failed.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(503, d.GetProperty("lastStatus").GetInt32()));

        // Not yet due again: nothing is sent until the backoff has passed.
        factory.ReceiverAnswers = HttpStatusCode.NoContent;
        Assert.Equal(0, await factory.SendWebhooksAsync());
        Assert.Equal(2, factory.Received.Count);

        var (request, body) = factory.Received.First(r => r.Body.Contains("licence.approved", StringComparison.Ordinal));
        var webhookId = request.Headers.GetValues("webhook-id").Single();
        var timestamp = request.Headers.GetValues("webhook-timestamp").Single();
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}")));
        Assert.Equal(expected, request.Headers.GetValues("webhook-signature").Single());
        using var json = JsonDocument.Parse(body);
        Assert.Equal("liquor", json.RootElement.GetProperty("data").GetProperty("licenceCode").GetString());
        Assert.Equal(number, json.RootElement.GetProperty("data").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Statistics_CountTheOfficersAgencyOnly()
    {
        using var director = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        using var started = await director.PostAsJsonAsync(Url("/api/licensing/applications"), new { businessType = "restaurant", licences = Vat, province = "10" }, Ct);
        var id = (await started.JsonAsync()).GetProperty("id").GetString();
        await director.PostAsync(Url($"/api/licensing/applications/{id}/prefill"), null, Ct);
        using var submitted = await director.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        using var revenue = factory.CreateClientAsOfficer(LicensingAppFactory.Revenue, null, OfficerRoleCodes.Officer);
        using var response = await revenue.GetAsync(Url("/api/licensing/statistics"), Ct);
        var statistics = await response.JsonAsync();
        Assert.Equal(LicensingAppFactory.Revenue, statistics.GetProperty("agencyCode").GetString());
        Assert.True(statistics.GetProperty("licencesByStatus").GetProperty("approved").GetInt32() >= 1);
        Assert.False(statistics.GetProperty("licencesByStatus").TryGetProperty("waiting-for-applicant", out _));
        Assert.True(statistics.GetProperty("decidedWithinServiceLevel").GetInt32() >= 1);
        Assert.True(statistics.GetProperty("applicationsByChannel").GetProperty("online").GetInt32() >= 1);
    }
}
