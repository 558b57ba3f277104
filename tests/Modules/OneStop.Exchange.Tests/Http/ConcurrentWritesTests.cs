using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>
/// Idempotent writes stay idempotent when the same request arrives many times at once (a double
/// click, a client's retry racing its first try): one row, one event, the same successful answer.
/// </summary>
public sealed class ConcurrentWritesTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private const int Parallel = 24;
    private const string Api = "/api/exchange/admin";
    private const string Scholarship = "TH/GOV/DEMO/scholarship";

    private static readonly string[] Loopback = ["127.0.0.1"];

    [Fact]
    public async Task Grant_IdenticalRequestsAtOnce_MakeOneConsentWithOneEvent()
    {
        var citizen = app.CreateClientAsCitizen(ThirdDocumentedCitizen);
        var purpose = NewCode("Parallel ");
        var body = new { client = Scholarship, service = Persons, purpose, days = 30 };

        var responses = await AtOnceAsync(() => citizen.PostAsJsonAsync("/api/exchange/consents", body));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("id").GetGuid()));
        var id = Assert.Single(ids.Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.Purpose == purpose)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ConsentEvents.CountAsync(e => e.ConsentId == id)));
        await AssertConsentHistoryIntactAsync();
    }

    [Fact]
    public async Task Grant_DifferentRequestsAtOnce_AllSucceedInOneUnbrokenHistory()
    {
        var citizen = app.CreateClientAsCitizen(ThirdDocumentedCitizen);
        var prefix = NewCode("Different ");
        var n = 0;

        var responses = await AtOnceAsync(() => citizen.PostAsJsonAsync("/api/exchange/consents",
            new { client = Scholarship, service = Persons, purpose = $"{prefix} {Interlocked.Increment(ref n)}", days = 30 }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(Parallel, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.Purpose.StartsWith(prefix))));
        await AssertConsentHistoryIntactAsync();
    }

    [Fact]
    public async Task Withdraw_RequestsAtOnce_WriteOneWithdrawal()
    {
        var citizen = app.CreateClientAsCitizen(ThirdDocumentedCitizen);
        var granted = await citizen.PostAsJsonAsync("/api/exchange/consents", new { client = Scholarship, service = Persons, purpose = NewCode("Withdraw "), days = 30 });
        var id = (await JsonAsync(granted)).GetProperty("id").GetGuid();

        var responses = await AtOnceAsync(() => citizen.PostAsync(new Uri($"/api/exchange/consents/{id}/withdraw", UriKind.Relative), null));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var withdrawnAt = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("withdrawnAt").GetString()));
        Assert.Single(withdrawnAt.Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.ConsentEvents.CountAsync(e => e.ConsentId == id && e.Kind == ConsentEventKind.Withdrawn)));
        await AssertConsentHistoryIntactAsync();
    }

    [Fact]
    public async Task SaveMember_IdenticalPutsAtOnce_CreateOneMemberWithOneChange()
    {
        var code = NewCode("M-");
        var admin = app.CreateClientWithRoles("Admin");

        var responses = await AtOnceAsync(() => admin.PutAsJsonAsync(Url($"{Api}/members/TH/GOV/{code}"), new { name = "Agency " + code, agencyCode = (string?)null }));

        AssertOneCreatedOthersOk(responses);
        Assert.Equal(1, await ChangesOfAsync($"TH/GOV/{code}"));
    }

    [Fact]
    public async Task SaveMember_IdenticalChangesAtOnce_RecordOneChange()
    {
        var code = NewCode("M-");
        var admin = app.CreateClientWithRoles("Admin");
        var url = Url($"{Api}/members/TH/GOV/{code}");
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync(url, new { name = "Agency " + code, agencyCode = (string?)null })).StatusCode);

        var responses = await AtOnceAsync(() => admin.PutAsJsonAsync(url, new { name = "Renamed " + code, agencyCode = (string?)null }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, await ChangesOfAsync($"TH/GOV/{code}"));
    }

    [Fact]
    public async Task SaveSubsystem_IdenticalPutsAtOnce_CreateOneSubsystemWithOneChange()
    {
        var code = NewCode("S-");
        var admin = app.CreateClientWithRoles("Admin");

        var responses = await AtOnceAsync(() => admin.PutAsJsonAsync(Url($"{Api}/subsystems/{DemoMember}/{code}"),
            new { name = "System " + code, connectionType = "Http", allowedAddresses = Loopback, clientCertificateThumbprint = (string?)null }));

        AssertOneCreatedOthersOk(responses);
        Assert.Equal(1, await ChangesOfAsync($"{DemoMember}/{code}"));
    }

    [Fact]
    public async Task SaveService_IdenticalPutsAtOnce_CreateOneServiceWithItsEndpointsOnce()
    {
        var code = NewCode("svc-");
        var admin = app.CreateClientWithRoles("Admin");
        var url = Url($"{Api}/services/{Population}/{code}");
        var body = new
        {
            title = "Service " + code, baseUrl = ExchangeAppFactory.CountingProvider, openApiUrl = (string?)null, personalData = false, timeoutSeconds = 30,
            disabled = false, endpoints = new[] { new { method = "GET", path = "/**" } },
        };

        var created = await AtOnceAsync(() => admin.PutAsJsonAsync(url, body));
        var changed = await AtOnceAsync(() => admin.PutAsJsonAsync(url, body with { endpoints = [new { method = "GET", path = "/**" }, new { method = "POST", path = "/items" }] }));

        AssertOneCreatedOthersOk(created);
        Assert.All(changed, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, await ChangesOfAsync($"{Population}/{code}"));
        var endpoints = await app.WithDbAsync(db => db.Endpoints.Where(e => e.ServiceId == $"{Population}/{code}").Select(e => e.Method + " " + e.Path).ToListAsync());
        Assert.Equal(["GET /**", "POST /items"], endpoints.Order());
    }

    [Fact]
    public async Task AddRight_IdenticalPostsAtOnce_GrantOneRight()
    {
        var admin = app.CreateClientWithRoles("Admin");
        var client = await app.AddSubsystemAsync();

        var responses = await AtOnceAsync(() => admin.PostAsJsonAsync(Url($"{Api}/rights"), new { client, service = CardCheck, method = "GET", path = "/**", legalMandate = (string?)null }));

        AssertOneCreatedOthersOk(responses);
        var ids = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("id").GetInt32()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessRights.CountAsync(r => r.ClientId == client)));
        Assert.Equal(1, await ChangesOfAsync($"{client} → {CardCheck} GET /**"));
    }

    [Fact]
    public async Task RemoveRight_DeletesAtOnce_AllSucceedAndRecordOneRemoval()
    {
        var admin = app.CreateClientWithRoles("Admin");
        var client = await app.AddSubsystemAsync();
        var granted = await admin.PostAsJsonAsync(Url($"{Api}/rights"), new { client, service = CardCheck, method = "GET", path = "/**", legalMandate = (string?)null });
        var id = (await JsonAsync(granted)).GetProperty("id").GetInt32();

        var responses = await AtOnceAsync(() => admin.DeleteAsync(Url($"{Api}/rights/{id}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(0, await app.WithDbAsync(db => db.AccessRights.CountAsync(r => r.ClientId == client)));
        Assert.Equal(2, await ChangesOfAsync($"{client} → {CardCheck} GET /**"));
    }

    /// <summary>Sends <see cref="Parallel"/> requests at once, each from a thread of its own.</summary>
    private static async Task<HttpResponseMessage[]> AtOnceAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new ManualResetEventSlim();
        var sending = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await send();
        })).ToList();
        start.Set();
        return await Task.WhenAll(sending);
    }

    private static void AssertOneCreatedOthersOk(HttpResponseMessage[] responses)
    {
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
    }

    private Task<int> ChangesOfAsync(string target) => app.WithDbAsync(db => db.DirectoryChanges.CountAsync(c => c.Target == target));

    private async Task AssertConsentHistoryIntactAsync()
    {
        var result = await app.WithScopeAsync(s => s.GetRequiredService<IConsentHistoryVerifier>().VerifyAsync(default));
        Assert.True(result.Intact, result.Problem);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
