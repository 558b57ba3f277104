using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Retention: old records move to archive files, and the log still verifies end to end.</summary>
public sealed class MessageLogArchiveTests : IAsyncLifetime
{
    private readonly Archiving app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Archive_OldRecords_MovesThemToAFile_AndTheChainStillVerifies_AndGrowsOn()
    {
        await app.CallTradersAsync(7);
        var before = await CountAsync();

        var result = await ArchiveAsync(DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(before, result.Records);
        Assert.Equal(0, await CountAsync());
        var lines = await File.ReadAllLinesAsync(result.File!);
        Assert.Equal(1 + before + 1, lines.Length); // header, records, the checkpoint at 5
        Assert.Contains("\"type\":\"header\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"publicKey\"", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..(before + 1)], l => Assert.Contains("\"type\":\"record\"", l, StringComparison.Ordinal));
        Assert.True((await VerifyAsync()).Intact);

        await app.CallTradersAsync(3);
        var after = await VerifyAsync();
        Assert.True(after.Intact, after.Problem);
        Assert.Equal(3, after.Records);

        var again = await ArchiveAsync(DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(3, again.Records);
        Assert.NotEqual(result.File, again.File);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Archive_FileAltered_VerificationNamesTheArchive()
    {
        await app.CallTradersAsync(2);
        var result = await ArchiveAsync(DateTime.UtcNow.AddMinutes(1));
        var text = await File.ReadAllTextAsync(result.File!);
        await File.WriteAllTextAsync(result.File!, text.Replace("TH/GOV/DEMO/counter", "TH/GOV/DEMO/forged", StringComparison.Ordinal));

        var verification = await VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Contains(Path.GetFileName(result.File!), verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_FirstDatabaseRecordAlteredAfterArchiving_IsNamed()
    {
        await app.CallTradersAsync(4);
        await ArchiveAsync(DateTime.UtcNow.AddMinutes(1));
        await app.CallTradersAsync(2);
        var first = await app.WithScopeAsync(s => s.GetRequiredService<ExchangeDbContext>().MessageLog.MinAsync(r => r.Sequence));
        await app.WithScopeAsync(s => s.GetRequiredService<ExchangeDbContext>().MessageLog.Where(r => r.Sequence == first)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.PreviousHash, new string('b', 64))));

        var verification = await VerifyAsync();

        Assert.Equal(first, verification.FirstAlteredSequence);
    }

    [Fact]
    public async Task Archive_NothingOldEnough_OrNoRetentionSet_ArchivesNothing()
    {
        await app.CallTradersAsync(1);
        var none = await ArchiveAsync(DateTime.UtcNow.AddDays(-1));
        Assert.Equal(0, none.Records);
        Assert.Null(none.File);

        var unset = await ArchiveAsync(null);
        Assert.Equal(0, unset.Records);
        Assert.Contains("RetentionDays", unset.Note, StringComparison.Ordinal);
        Assert.True(await CountAsync() > 0);
    }


    private Task<int> CountAsync() => app.WithScopeAsync(s => s.GetRequiredService<ExchangeDbContext>().MessageLog.CountAsync());

    private Task<MessageLogArchiveResult> ArchiveAsync(DateTime? olderThan)
        => app.WithScopeAsync(s => s.GetRequiredService<IMessageLogArchiver>().ArchiveAsync(olderThan, default));

    private Task<MessageLogVerification> VerifyAsync()
        => app.WithScopeAsync(s => s.GetRequiredService<IMessageLogVerifier>().VerifyAsync(default));

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (Directory.Exists(app.Folder))
        {
            Directory.Delete(app.Folder, recursive: true);
        }
    }

    private sealed class Archiving : AppFactory
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "onestop-archive-" + Guid.NewGuid().ToString("N"));

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Exchange:MessageLog:ArchiveFolder"] = Folder,
            ["Exchange:MessageLog:CheckpointEvery"] = "5",
        };
    }
}
