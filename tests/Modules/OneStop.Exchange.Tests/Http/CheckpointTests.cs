using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Signed checkpoints every N records, checked by the verifier.</summary>
public sealed class CheckpointTests : IAsyncLifetime
{
    private readonly EveryFive app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Checkpoints_EveryFiveRecords_AreWrittenAndVerified_AndAForgedOneIsNamed()
    {
        await app.CallTradersAsync(12);

        var sequences = await app.WithScopeAsync(s => s.GetRequiredService<ExchangeDbContext>().Checkpoints.OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync());
        Assert.Equal([5L, 10L], sequences);
        Assert.True((await VerifyAsync()).Intact);

        await app.WithScopeAsync(s => s.GetRequiredService<ExchangeDbContext>().Checkpoints.Where(c => c.Sequence == 10)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Hash, new string('a', 64))));
        var result = await VerifyAsync();
        Assert.Equal(10, result.FirstAlteredSequence);
        Assert.Contains("checkpoint 10", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5L)]
    [InlineData(10L)]
    public async Task Checkpoint_Deleted_IsNamedAsMissing(long deleted)
    {
        await app.CallTradersAsync(12);
        Assert.True((await VerifyAsync()).Intact);

        await app.WithScopeAsync(s => s.GetRequiredService<ExchangeDbContext>().Checkpoints.Where(c => c.Sequence == deleted).ExecuteDeleteAsync());

        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(deleted, result.FirstAlteredSequence);
        Assert.Equal($"checkpoint {deleted} is missing (the log writes one every 5 records)", result.Problem);
    }

    private Task<MessageLogVerification> VerifyAsync()
        => app.WithScopeAsync(s => s.GetRequiredService<IMessageLogVerifier>().VerifyAsync(default));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class EveryFive : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Exchange:MessageLog:CheckpointEvery"] = "5" };
    }
}
