using System.Net;
using Microsoft.EntityFrameworkCore;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>What the gateway writes to the message log for each exchange.</summary>
public sealed class MessageLogTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Fact]
    public async Task SuccessfulCall_AddsOneRecordWithClientServiceMethodIssueAndStatus()
    {
        var id = NewCode("ok-");
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, "APP-LOG-1", id);
        await XRoadAssert.OkAsync(response);

        var record = Assert.Single(await app.LogRecordsAsync(id));
        Assert.Equal(DemoClient, record.Client);
        Assert.Equal(Persons, record.Service);
        Assert.Equal("GET", record.Method);
        Assert.Equal("/" + DocumentedCitizen, record.Path);
        Assert.Equal("APP-LOG-1", record.Issue);
        Assert.Equal(DocumentedCitizen, record.DataSubject);
        Assert.Equal(200, record.Status);
        Assert.Null(record.ErrorType);
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Road-Request-Id")), record.RequestId);
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Road-Request-Hash")), record.RequestHash);
        Assert.NotNull(record.ResponseBodyHash);
        var mandate = await app.WithDbAsync(db => db.AccessRights.Where(r => r.ClientId == DemoClient && r.ServiceId == Persons).Select(r => r.LegalMandate).SingleAsync());
        Assert.False(string.IsNullOrWhiteSpace(mandate));
        Assert.Equal(mandate, record.LegalBasis);
    }

    [Fact]
    public async Task RefusedCall_AddsOneRecordWithTheStatusAndErrorType()
    {
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, Traders, "GET", "/*");
        var id = NewCode("refused-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", client, "APP-LOG-2", id);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");

        var record = Assert.Single(await app.LogRecordsAsync(id));
        Assert.Equal(client, record.Client);
        Assert.Equal(Persons, record.Service);
        Assert.Equal("GET", record.Method);
        Assert.Equal("APP-LOG-2", record.Issue);
        Assert.Equal(500, record.Status);
        Assert.Equal("Server.ServerProxy.AccessDenied", record.ErrorType);
        Assert.Null(record.ResponseBodyHash);
    }

    [Theory]
    [InlineData("POST", "/r1/TH/GOV/DOPA/population/persons/1999900000013", "APP-LOG-3", 500, "Server.ServerProxy.AccessDenied")]
    [InlineData("GET", "/r1/TH/GOV/DOPA/population/persons/1999900000013", null, 500, "Server.ServerProxy.AccessDenied.MissingPurpose")]
    [InlineData("GET", "/r1/TH/GOV/DOPA/population/no-such-service", "APP-LOG-4", 500, "Server.ServerProxy.UnknownService")]
    [InlineData("GET", "/r1/TH/GOV/CUSTOMS/nsw/traders/0105999000016", null, 200, null)]
    [InlineData("GET", "/r1/TH/GOV/DOPA/population/listMethods", null, 200, null)]
    public async Task AnyCall_AddsExactlyOneRecordWithItsOutcome(string method, string path, string? issue, int status, string? errorType)
    {
        var id = NewCode("any-");
        var response = await app.SendXRoadAsync(new HttpMethod(method), path, DemoClient, issue, id);
        Assert.Equal(status, (int)response.StatusCode);

        var record = Assert.Single(await app.LogRecordsAsync(id));
        Assert.Equal(DemoClient, record.Client);
        Assert.Equal(string.Join('/', path.Split('/')[2..7]), record.Service);
        Assert.Equal(method, record.Method);
        Assert.Equal(issue, record.Issue);
        Assert.Equal(status, record.Status);
        Assert.Equal(errorType, record.ErrorType);
    }

    [Fact]
    public async Task Calls_OneAfterAnother_EachRecordIsStoredWhenItsResponseArrives()
    {
        for (var i = 0; i < 5; i++)
        {
            var id = NewCode($"durable-{i}-");
            var issue = i % 2 == 0 ? "APP-DURABLE" : null;
            var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, issue, id);
            Assert.Equal(i % 2 == 0 ? HttpStatusCode.OK : HttpStatusCode.InternalServerError, response.StatusCode);

            // No waiting: the record must already be committed.
            Assert.Single(await app.LogRecordsAsync(id));
        }
    }

    [Fact]
    public async Task MessageId_NotGiven_IsGeneratedWithTheInstancePrefixAndLogged()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/0105999000016", DemoClient);
        await XRoadAssert.OkAsync(response);

        var id = Assert.Single(response.Headers.GetValues("X-Road-Id"));
        Assert.StartsWith("TH-", id, StringComparison.Ordinal);
        Assert.Single(await app.LogRecordsAsync(id));

        // Time-ordered (version 7), so that the log's index on it grows at one end.
        Assert.Equal(7, Guid.Parse(id["TH-".Length..]).Version);
    }

    [Fact]
    public async Task Log_AfterSeveralCalls_VerifiesIntact()
    {
        await using var fresh = new ExchangeAppFactory();
        await MakeCallsAsync(fresh, 6);

        var result = await fresh.VerifyLogAsync();

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(6, result.Records);
        Assert.Null(result.Problem);
    }

    [Theory]
    [InlineData("Path")]
    [InlineData("Status")]
    [InlineData("Client")]
    [InlineData("Issue")]
    [InlineData("Time")]
    [InlineData("LegalBasis")]
    public async Task Log_OneFieldOfAMiddleRecordAltered_VerificationNamesThatRecord(string field)
    {
        await using var fresh = new ExchangeAppFactory();
        await MakeCallsAsync(fresh, 5);
        var sequences = (await fresh.AllLogRecordsAsync()).Select(r => r.Sequence).ToList();
        var middle = sequences[sequences.Count / 2];

        var changed = await fresh.WithDbAsync(db =>
        {
            var target = db.MessageLog.Where(r => r.Sequence == middle);
            return field switch
            {
                "Path" => target.ExecuteUpdateAsync(s => s.SetProperty(r => r.Path, "/1999900000021")),
                "Status" => target.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, r => r.Status == 200 ? 403 : 200)),
                "Client" => target.ExecuteUpdateAsync(s => s.SetProperty(r => r.Client, "TH/GOV/DEMO/someone-else")),
                "Issue" => target.ExecuteUpdateAsync(s => s.SetProperty(r => r.Issue, "APP-FORGED")),
                "Time" => target.ExecuteUpdateAsync(s => s.SetProperty(r => r.Time, r => r.Time.AddHours(-1))),
                "LegalBasis" => target.ExecuteUpdateAsync(s => s.SetProperty(r => r.LegalBasis, "A mandate it never had")),
                _ => throw new ArgumentOutOfRangeException(nameof(field)),
            };
        });
        Assert.Equal(1, changed);

        var result = await fresh.VerifyLogAsync();

        Assert.False(result.Intact);
        Assert.Equal(middle, result.FirstAlteredSequence);
        Assert.Equal(middle - sequences[0], result.Records);
        Assert.Contains("hash", result.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Log_LastRecordDeleted_VerificationReportsTheChainHeadMismatch()
    {
        await using var fresh = new ExchangeAppFactory();
        await MakeCallsAsync(fresh, 4);
        var last = (await fresh.AllLogRecordsAsync()).Max(r => r.Sequence);

        Assert.Equal(1, await fresh.WithDbAsync(db => db.MessageLog.Where(r => r.Sequence == last).ExecuteDeleteAsync()));
        var result = await fresh.VerifyLogAsync();

        Assert.False(result.Intact);
        Assert.Equal(last, result.FirstAlteredSequence);
        Assert.Equal(last - 1, result.Records);
        Assert.Contains("chain head", result.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Log_MiddleRecordDeleted_VerificationNamesTheMissingRecord()
    {
        await using var fresh = new ExchangeAppFactory();
        await MakeCallsAsync(fresh, 5);
        var sequences = (await fresh.AllLogRecordsAsync()).Select(r => r.Sequence).ToList();
        var middle = sequences[sequences.Count / 2];

        Assert.Equal(1, await fresh.WithDbAsync(db => db.MessageLog.Where(r => r.Sequence == middle).ExecuteDeleteAsync()));
        var result = await fresh.VerifyLogAsync();

        Assert.False(result.Intact);
        Assert.Equal(middle, result.FirstAlteredSequence);
        Assert.Contains("missing", result.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Log_TwentyConcurrentCalls_TwentyContiguousRecordsAndAnIntactChain()
    {
        await using var fresh = new ExchangeAppFactory();
        var ids = Enumerable.Range(0, 20).Select(i => NewCode($"concurrent-{i}-")).ToList();
        var client = fresh.CreateClient();

        var responses = await Task.WhenAll(ids.Select(async (id, i) =>
        {
            using var request = XRoadRequest(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, i % 4 == 3 ? null : "APP-CONCURRENT", id);
            return await client.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.InternalServerError, r.StatusCode.ToString()));
        var records = await fresh.AllLogRecordsAsync();
        Assert.Equal(20, records.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(ids.Order(StringComparer.Ordinal), records.Select(r => r.XRoadId).Order(StringComparer.Ordinal));
        var result = await fresh.VerifyLogAsync();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(20, result.Records);
    }

    // Successes and refusals mixed, so that records differ in status and error type.
    private static async Task MakeCallsAsync(ExchangeAppFactory factory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await factory.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, i % 3 == 2 ? null : $"APP-{i}", NewCode("call-"));
            Assert.Equal(i % 3 == 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK, response.StatusCode);
        }
    }
}
