using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Optional encrypted bodies in the message log, readable only by an operator who gives a purpose, and only with the key.</summary>
public sealed class SealedBodiesTests : IAsyncLifetime
{
    private readonly Sealing app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Exchange_BodiesAreStoredSealed_AndAnOperatorReadsThemWithAPurpose_WhichThePersonSees()
    {
        var card = """{"citizenId":"1999900000013","firstName":"กฤษดา","lastName":"ศรีสวัสดิ์","birthDate":"25471027","laser":"YO2214499467"}""";
        using var request = XRoadRequest(HttpMethod.Post, $"/r1/{CardCheck}", DemoClient, "APP-SEALED-1", xroadId: NewCode("sealed-"));
        request.Content = new StringContent(card, Encoding.UTF8, "application/json");
        var response = await app.CreateClient().SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var record = Assert.Single(await app.LogRecordsAsync(request.Headers.GetValues("X-Road-Id").Single()));
        var stored = await app.WithDbAsync(db => db.MessageBodies.AsNoTracking().SingleAsync(b => b.Sequence == record.Sequence));
        Assert.DoesNotContain("YO2214499467", Encoding.UTF8.GetString(stored.Request!), StringComparison.Ordinal);

        var admin = app.CreateClientWithRoles("Admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri($"/api/exchange/admin/log/{record.Sequence}/bodies", UriKind.Relative))).StatusCode);
        var bodies = await admin.GetFromJsonOrFailAsync($"/api/exchange/admin/log/{record.Sequence}/bodies?purpose=Dispute%20D-6");
        Assert.Equal(card, bodies.GetProperty("request").GetProperty("text").GetString());
        Assert.True(bodies.GetProperty("request").GetProperty("matchesLoggedHash").GetBoolean());
        Assert.True(bodies.GetProperty("response").GetProperty("matchesLoggedHash").GetBoolean());

        // A record about a person (the citizen ID is in its path): the operator's read is shown to that person.
        var id = NewCode("sealed-person-");
        Assert.Equal(HttpStatusCode.OK, (await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, "APP-SEALED-2", id)).StatusCode);
        var personRecord = Assert.Single(await app.LogRecordsAsync(id));
        var personBodies = await admin.GetFromJsonOrFailAsync($"/api/exchange/admin/log/{personRecord.Sequence}/bodies?purpose=Dispute%20D-7");
        Assert.Contains("กฤษดา", personBodies.GetProperty("response").GetProperty("text").GetString(), StringComparison.Ordinal);
        var reads = await app.CreateClientAsCitizen(DocumentedCitizen).GetFromJsonOrFailAsync("/api/exchange/my-data-reads");
        Assert.Contains(reads.EnumerateArray(), r => r.GetProperty("purpose").GetString() == "Dispute D-7");
        var changes = await admin.GetFromJsonOrFailAsync("/api/exchange/admin/changes");
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("action").GetString() == "log.bodies.read" && c.GetProperty("target").GetString() == $"record {record.Sequence}");
        Assert.True((await app.VerifyLogAsync()).Intact);
    }

    [Fact]
    public async Task OperatorReadingTheBodiesOfAHouseRecord_IsShownToEveryoneItDisclosed()
    {
        var id = NewCode("sealed-house-");
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{CitizenWithHousemates}", DemoClient, "APP-SEALED-3", id));
        var record = Assert.Single(await app.LogRecordsAsync(id));
        var housemates = record.DisclosedSubjects!.Split(',');
        Assert.NotEmpty(housemates);

        await app.CreateClientWithRoles("Admin").GetFromJsonOrFailAsync($"/api/exchange/admin/log/{record.Sequence}/bodies?purpose=Dispute%20D-8");

        var operatorReads = await app.WithDbAsync(db => db.PersonalDataReads.AsNoTracking().Where(r => r.Purpose == "Dispute D-8").ToListAsync());
        Assert.Equal(housemates.Append(CitizenWithHousemates).Order(), operatorReads.Select(r => r.DataSubject).Order());
        Assert.All(operatorReads, r => Assert.Equal(r.DataSubject != CitizenWithHousemates, r.Incidental));
        Assert.All(operatorReads, r => Assert.Null(r.Sequence));
        Assert.True((await app.VerifyLogAsync()).Intact);
    }

    [Fact]
    public async Task SealedBody_MovedToAnotherRecord_DoesNotOpen()
    {
        await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/0105999000016");
        await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/0105999000016");
        var sequences = await app.WithDbAsync(db => db.MessageBodies.OrderByDescending(b => b.Sequence).Select(b => b.Sequence).Take(2).ToListAsync());
        var (last, previous) = (sequences[0], sequences[1]);
        var moved = await app.WithDbAsync(db => db.MessageBodies.AsNoTracking().SingleAsync(b => b.Sequence == previous));
        await app.WithDbAsync(db => db.MessageBodies.Where(b => b.Sequence == last).ExecuteUpdateAsync(u => u.SetProperty(b => b.Response, moved.Response)));

        var admin = app.CreateClientWithRoles("Admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await admin.GetAsync(new Uri($"/api/exchange/admin/log/{last}/bodies?purpose=check", UriKind.Relative));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("do not open", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var verification = await app.VerifyLogAsync();
        Assert.Equal(last, verification.FirstAlteredSequence);
        Assert.Equal("its sealed response body was altered (it no longer opens)", verification.Problem);
    }

    [Fact]
    public async Task SealedBody_OneByteChanged_IsNamedByVerifyLog()
    {
        var id = NewCode("sealed-byte-");
        Assert.Equal(HttpStatusCode.OK, (await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, "APP-SEALED-3", id)).StatusCode);
        await app.CallTradersAsync(2);
        var sequence = Assert.Single(await app.LogRecordsAsync(id)).Sequence;
        Assert.True((await app.VerifyLogAsync()).Intact);

        var body = await app.WithDbAsync(db => db.MessageBodies.AsNoTracking().SingleAsync(b => b.Sequence == sequence));
        var altered = body.Response!.ToArray();
        altered[altered.Length / 2] ^= 1;
        await app.WithDbAsync(db => db.MessageBodies.Where(b => b.Sequence == sequence).ExecuteUpdateAsync(u => u.SetProperty(b => b.Response, altered)));

        var verification = await app.VerifyLogAsync();
        Assert.Equal(sequence, verification.FirstAlteredSequence);
        Assert.Contains("sealed response body was altered", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_OfAnUnknownRecord_Are404_AndNeedTheAdminPolicy()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientWithRoles("Admin").GetAsync(new Uri("/api/exchange/admin/log/999999/bodies?purpose=x", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAsCitizen(DocumentedCitizen).GetAsync(new Uri("/api/exchange/admin/log/1/bodies?purpose=x", UriKind.Relative))).StatusCode);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class Sealing : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Exchange:MessageLog:BodyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
    }
}
