using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>
/// verify-log holds each person's list of reads to the signed log: the record states whom its answer
/// disclosed, and a read removed, altered or added is named. Each test tampers with a log of its own.
/// </summary>
public sealed class PersonalDataReadIntegrityTests
{
    private const string TamperedReads = "the reads of personal data recorded with it do not match it (one was removed, altered or added)";

    [Fact]
    public async Task HouseRead_TheSignedRecordStatesWhomItDisclosed_AndTheLogVerifies()
    {
        await using var app = new ExchangeAppFactory();
        var record = await ReadHouseAsync(app);

        var reads = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.XRoadId == record.XRoadId).ToListAsync());

        Assert.Equal(reads.Where(r => r.Incidental).Select(r => r.DataSubject).Order(), record.DisclosedSubjects!.Split(',').Order());
        Assert.Equal(CitizenWithHousemates, Assert.Single(reads, r => !r.Incidental).DataSubject);
        Assert.All(reads, r => Assert.Equal(record.Sequence, r.Sequence));
        var verification = await app.VerifyLogAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task ReadOfSomeoneLivingAlone_DisclosesNobodyElse_AndNonPersonalRecordsStateNothing()
    {
        await using var app = new ExchangeAppFactory();
        var id = NewCode("alone-");
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, "APP-INT-2", id));
        await app.CallTradersAsync();

        Assert.Equal(string.Empty, Assert.Single(await app.LogRecordsAsync(id)).DisclosedSubjects);
        Assert.Null((await app.AllLogRecordsAsync()).Last().DisclosedSubjects);
        Assert.True((await app.VerifyLogAsync()).Intact);
    }

    [Theory]
    [InlineData("removed")]
    [InlineData("purpose")]
    [InlineData("subject")]
    [InlineData("no longer incidental")]
    [InlineData("moved back in time")]
    public async Task ReadOfAnExchange_TamperedWith_VerificationNamesItsRecord(string change)
    {
        await using var app = new ExchangeAppFactory();
        var record = await ReadHouseAsync(app);
        await app.CallTradersAsync(2);
        var victim = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.Sequence == record.Sequence && r.Incidental).Select(r => r.Id).FirstAsync());

        var changed = await app.WithDbAsync(db =>
        {
            var read = db.PersonalDataReads.Where(r => r.Id == victim);
            return change switch
            {
                "removed" => read.ExecuteDeleteAsync(),
                "purpose" => read.ExecuteUpdateAsync(u => u.SetProperty(r => r.Purpose, "Something else")),
                "subject" => read.ExecuteUpdateAsync(u => u.SetProperty(r => r.DataSubject, OtherDocumentedCitizen)),
                "no longer incidental" => read.ExecuteUpdateAsync(u => u.SetProperty(r => r.Incidental, false)),
                "moved back in time" => read.ExecuteUpdateAsync(u => u.SetProperty(r => r.Time, r => r.Time.AddDays(-400))),
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
        });
        Assert.Equal(1, changed);

        await AssertVerificationNamesAsync(app, record.Sequence, TamperedReads);
    }

    [Fact]
    public async Task DisclosedSubjectsMovedIntoTheLegalBasis_AndTheReadsRemoved_IsNamed()
    {
        await using var app = new ExchangeAppFactory();
        var record = await ReadHouseAsync(app);

        // The same lines, so the same hash, were it not for the line break inside a field.
        await app.WithDbAsync(db => db.MessageLog.Where(r => r.Sequence == record.Sequence).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.LegalBasis, record.LegalBasis + "\ndisclosed:" + record.DisclosedSubjects)
            .SetProperty(r => r.DisclosedSubjects, (string?)null)));
        await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.Sequence == record.Sequence && r.Incidental).ExecuteDeleteAsync());

        await AssertVerificationNamesAsync(app, record.Sequence, "a field holds a line break, which the log never writes");
    }

    [Fact]
    public async Task PathWithAnEncodedLineBreak_IsRefusedUnlogged_AndTheLogVerifies()
    {
        await using var app = new ExchangeAppFactory();
        await app.CallTradersAsync();
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/01059990%0A00016", DemoClient, "APP-LF-1", NewCode("lf-"));

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
        Assert.DoesNotContain(await app.AllLogRecordsAsync(), r => r.Path.Contains('\n', StringComparison.Ordinal) || r.Path.Contains("%0A", StringComparison.OrdinalIgnoreCase));
        var verification = await app.VerifyLogAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task ReadAddedToAnExchangeOfNoPersonalData_IsNamed()
    {
        await using var app = new ExchangeAppFactory();
        await ReadHouseAsync(app);
        await app.CallTradersAsync();
        var traders = (await app.AllLogRecordsAsync()).Last();

        await AddForgedReadAsync(app, traders.Sequence);

        await AssertVerificationNamesAsync(app, traders.Sequence, TamperedReads);
    }

    [Fact]
    public async Task ReadNamingARecordTheLogDoesNotHold_IsNamed()
    {
        await using var app = new ExchangeAppFactory();
        var record = await ReadHouseAsync(app);
        await AddForgedReadAsync(app, record.Sequence + 40);

        var verification = await app.VerifyLogAsync();

        Assert.Equal(record.Sequence + 40, verification.FirstAlteredSequence);
        Assert.Contains("which the log does not hold", verification.Problem, StringComparison.Ordinal);
    }

    private static async Task<MessageLogRecord> ReadHouseAsync(ExchangeAppFactory app)
    {
        var id = NewCode("house-");
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{CitizenWithHousemates}", DemoClient, "APP-INT-1", id));
        return Assert.Single(await app.LogRecordsAsync(id));
    }

    private static Task<int> AddForgedReadAsync(ExchangeAppFactory app, long sequence) => app.WithDbAsync(db =>
    {
        db.PersonalDataReads.Add(new PersonalDataRead
        {
            DataSubject = OtherDocumentedCitizen, Time = DateTime.UtcNow, Client = DemoClient, ClientName = "Counter", Service = Persons,
            ServiceTitle = "Population record", Purpose = "APP-FORGED", LegalBasis = "None", XRoadId = "forged", Sequence = sequence,
        });
        return db.SaveChangesAsync();
    });

    private static async Task AssertVerificationNamesAsync(ExchangeAppFactory app, long sequence, string problem)
    {
        var verification = await app.VerifyLogAsync();
        Assert.Equal(sequence, verification.FirstAlteredSequence);
        Assert.Equal(problem, verification.Problem);
    }
}
