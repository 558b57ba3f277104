using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Data;
using OneStop.Exchange.MessageLog;

namespace OneStop.Exchange.Tests.Http;

/// <summary>One signature per written batch: unsigned records are covered by the next signed one.</summary>
public sealed class BatchSignatureTests : IAsyncLifetime
{
    private readonly ExchangeAppFactory app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ConcurrentCalls_ShareSignatures_AndTheLogVerifies()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => app.CallTradersAsync()));

        var records = await app.AllLogRecordsAsync();
        Assert.Equal(40, records.Count);
        Assert.NotEqual(string.Empty, records[^1].Signature);
        Assert.True((await app.VerifyLogAsync()).Intact);
    }

    [Fact]
    public async Task UnsignedRecordsBeforeASignedOne_Verify()
    {
        await app.CallTradersAsync(5);
        await SetSignatureAsync(r => r.Sequence >= 2 && r.Sequence <= 4, string.Empty);

        var result = await app.VerifyLogAsync();

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(5, result.Records);
    }

    [Fact]
    public async Task LastRecordWithoutSignature_IsNamed()
    {
        await app.CallTradersAsync(3);
        await SetSignatureAsync(r => r.Sequence == 3, string.Empty);

        var result = await app.VerifyLogAsync();

        Assert.Equal(3, result.FirstAlteredSequence);
        Assert.Contains("no signature covers", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsignedRecordAltered_AndTheChainRehashedUpToTheSignedOne_IsCaughtThere()
    {
        await app.CallTradersAsync(4);
        await SetSignatureAsync(r => r.Sequence == 2 || r.Sequence == 3, string.Empty);
        // A forger rewrites record 2 and recomputes the hashes of 2 and 3, but cannot sign 4 anew.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExchangeDbContext>();
            await db.MessageLog.Where(r => r.Sequence == 2).ExecuteUpdateAsync(u => u.SetProperty(r => r.Issue, "FORGED"));
            var rows = await db.MessageLog.Where(r => r.Sequence >= 2 && r.Sequence <= 4).OrderBy(r => r.Sequence).ToListAsync();
            var previous = (await db.MessageLog.AsNoTracking().SingleAsync(r => r.Sequence == 1)).Hash;
            foreach (var row in rows)
            {
                row.PreviousHash = previous;
                row.Hash = LogChain.HashOf(row);
                previous = row.Hash;
            }

            return await db.SaveChangesAsync();
        });

        var result = await app.VerifyLogAsync();

        Assert.Equal(4, result.FirstAlteredSequence);
        Assert.Contains("signature", result.Problem, StringComparison.Ordinal);
    }



    private Task<int> SetSignatureAsync(System.Linq.Expressions.Expression<Func<MessageLogRecord, bool>> which, string signature)
        => app.WithScopeAsync(sp => sp.GetRequiredService<ExchangeDbContext>().MessageLog.Where(which).ExecuteUpdateAsync(u => u.SetProperty(r => r.Signature, signature)));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
