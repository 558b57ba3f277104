using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Data;
using OneStop.SharedKernel.Data;

namespace OneStop.Exchange.Tests.Http;

/// <summary>The message log's fast append path, on the configured provider (SQLite or PostgreSQL).</summary>
public sealed class RowAppenderTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)] // many statements per call on SQLite, two on PostgreSQL
    [InlineData(75)] // with a shorter last statement on both
    public async Task Append_InATransaction_StoresEveryRowWithEveryValue(int count)
    {
        var subject = "19999" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var time = DatabaseTime.ToMicroseconds(DateTime.UtcNow);
        var rows = Enumerable.Range(0, count).Select(i => new PersonalDataRead
        {
            DataSubject = subject, Time = time.AddSeconds(i), Client = "TH/GOV/DEMO/counter", ClientName = "เคาน์เตอร์ " + i,
            Service = "TH/GOV/DOPA/population/persons", ServiceTitle = "ทะเบียนราษฎร", Purpose = "APP-" + i, LegalBasis = "Test", XRoadId = "x-" + i,
        }).ToList();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var appender = new RowAppender<PersonalDataRead>(db);
            // Twice through the same appender: the second run reuses the prepared statement.
            await appender.AppendAsync(rows[..(count / 2)], CancellationToken.None);
            await appender.AppendAsync(rows[(count / 2)..], CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await app.WithDbAsync(db => db.PersonalDataReads.AsNoTracking().Where(r => r.DataSubject == subject).OrderBy(r => r.Time).ToListAsync());
        Assert.Equal(count, stored.Count);
        Assert.Equal(rows.Select(r => (r.Purpose, r.ClientName, r.Time, r.XRoadId)), stored.Select(r => (r.Purpose, r.ClientName, r.Time, r.XRoadId)));
        Assert.Equal(count, stored.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Append_TransactionRolledBack_StoresNothing()
    {
        var subject = "19999" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var appender = new RowAppender<PersonalDataRead>(db);
            await appender.AppendAsync([new PersonalDataRead
            {
                DataSubject = subject, Time = DateTime.UtcNow, Client = "c", ClientName = "c", Service = "s", ServiceTitle = "s", Purpose = "p", LegalBasis = "l", XRoadId = "x",
            }], CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.PersonalDataReads.CountAsync(r => r.DataSubject == subject)));
    }
}
