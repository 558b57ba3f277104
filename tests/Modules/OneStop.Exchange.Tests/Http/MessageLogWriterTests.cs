using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Data;
using OneStop.Exchange.MessageLog;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>The log's writer commits requests in batches; one request's bad record must not fail the others.</summary>
public sealed class MessageLogWriterTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Fact]
    public async Task ARecordThatCannotBeWritten_FailsAlone_TheRestOfItsBatchIsWritten()
    {
        var writer = app.Services.GetRequiredService<MessageLogWriter>();
        var marker = NewCode("batch-");
        // No X-Road ID: the column is NOT NULL on both databases, so this record cannot be stored.
        // Each with a read of personal data, which must follow its record into the retry.
        LogEntry Entry(int i) => new(DateTime.UtcNow, i == 10 ? null! : $"{marker}-{i}", Guid.NewGuid().ToString(), DemoClient, Traders,
            "GET", "/" + i, null, marker, null, OtherDocumentedCitizen, 200, null, "request-hash", null, null,
            [new PersonalDataRead
            {
                DataSubject = OtherDocumentedCitizen, Client = DemoClient, ClientName = "Counter", Service = Traders, ServiceTitle = "Traders",
                Purpose = marker, LegalBasis = "Test mandate", XRoadId = $"{marker}-{i}",
            }],
            LegalBasis: "Test mandate", DisclosedSubjects: string.Empty);

        // Queued together, so that the writer takes them as one batch.
        var appends = Enumerable.Range(0, 20).Select(i => writer.AppendAsync(Entry(i))).ToList();
        var written = await Task.WhenAll(appends.Select(async append =>
        {
            try
            {
                await append;
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return false;
            }
        }));

        Assert.False(written[10]);
        Assert.Equal(19, written.Count(w => w));
        Assert.Equal(19, await app.WithDbAsync(db => db.MessageLog.CountAsync(r => r.Issue == marker)));
        var linked = await app.WithDbAsync(db => (from read in db.PersonalDataReads
                                                  join record in db.MessageLog on read.Sequence equals record.Sequence
                                                  where read.Purpose == marker
                                                  select new { read.XRoadId, Logged = record.XRoadId }).ToListAsync());
        Assert.Equal(19, linked.Count);
        Assert.All(linked, l => Assert.Equal(l.Logged, l.XRoadId));
        var verification = await app.VerifyLogAsync();
        Assert.True(verification.Intact, verification.Problem);
    }
}
