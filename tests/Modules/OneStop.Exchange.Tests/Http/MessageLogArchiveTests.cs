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
    public async Task Archive_FileMissing_VerificationNamesTheArchiveAndItsFirstRecord()
    {
        await app.CallTradersAsync(3);
        var result = await ArchiveAsync(DateTime.UtcNow.AddMinutes(1));
        File.Move(result.File!, result.File + ".moved");

        var verification = await VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstAlteredSequence);
        Assert.Contains(Path.GetFileName(result.File!) + " is missing", verification.Problem, StringComparison.Ordinal);
        File.Move(result.File + ".moved", result.File!);
        Assert.True((await VerifyAsync()).Intact);
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


    [Fact]
    public async Task Witness_TakenEarlier_AgreesWithALogThatOnlyGrew_EvenAfterArchiving()
    {
        await app.CallTradersAsync(6);
        var witness = await CustodyAsync(c => c.ExportWitnessAsync(default));
        Assert.Contains("\"checkpoints\"", witness, StringComparison.Ordinal);

        await app.CallTradersAsync(2);
        Assert.Null(await CustodyAsync(c => c.CheckWitnessAsync(witness, default)));

        await ArchiveAsync(DateTime.UtcNow.AddMinutes(1));
        await app.CallTradersAsync(1);
        Assert.Null(await CustodyAsync(c => c.CheckWitnessAsync(witness, default)));
    }

    [Fact]
    public async Task Witness_RecordRewrittenSince_IsNamed()
    {
        await app.CallTradersAsync(6);
        var witness = await CustodyAsync(c => c.ExportWitnessAsync(default));
        // Someone with the signing key could re-chain and re-sign everything; the witness still holds the old hashes.
        await app.WithScopeAsync(s => s.GetRequiredService<ExchangeDbContext>().MessageLog.Where(r => r.Sequence == 5)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Hash, new string('c', 64))));

        var problem = await CustodyAsync(c => c.CheckWitnessAsync(witness, default));

        Assert.Contains("record 5", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Witness_NotAWitness_IsSaidSo()
        => Assert.Contains("not", await CustodyAsync(c => c.CheckWitnessAsync("{\"format\":\"something\"}", default)), StringComparison.Ordinal);

    private Task<T> CustodyAsync<T>(Func<IMessageLogArchiver, Task<T>> work)
        => app.WithScopeAsync(s => work(s.GetRequiredService<IMessageLogArchiver>()));

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
