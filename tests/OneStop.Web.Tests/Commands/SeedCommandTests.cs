using System.Text.Json;
using OneStop.Testing;
using OneStop.Web.Commands;

namespace OneStop.Web.Tests.Commands;

public sealed class SeedCommandTests(AppFactory app) : IClassFixture<AppFactory>, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"onestop-seed-{Guid.NewGuid():N}");

    [Fact]
    public async Task Seed_WithCounts_WritesThatManyRecordsIncludingTheDocumentedIds()
    {
        var exit = await ProgramCommands.RunAsync(app.Services, ["seed", "--citizens", "40", "--companies", "8", "--seed", "7", "--out", folder]);

        Assert.Equal(0, exit);
        var citizens = File.ReadAllLines(Path.Combine(folder, "citizens.jsonl"));
        var companies = File.ReadAllLines(Path.Combine(folder, "companies.jsonl"));
        Assert.Equal(40, citizens.Length);
        Assert.Equal(8, companies.Length);
        var ids = citizens.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("citizenId").GetString()).ToList();
        Assert.Contains("1999900000013", ids);
        Assert.Contains(companies, l => JsonDocument.Parse(l).RootElement.GetProperty("juristicId").GetString() == "0105999000016");
        Assert.Contains("ก", citizens[0], StringComparison.Ordinal); // Thai written as Thai, not escaped
    }

    [Fact]
    public async Task Seed_SameSeedTwice_WritesIdenticalFiles()
    {
        await ProgramCommands.RunAsync(app.Services, ["seed", "--citizens", "30", "--companies", "5", "--seed", "11", "--out", Path.Combine(folder, "a")]);
        await ProgramCommands.RunAsync(app.Services, ["seed", "--citizens", "30", "--companies", "5", "--seed", "11", "--out", Path.Combine(folder, "b")]);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(folder, "a", "citizens.jsonl")),
            await File.ReadAllTextAsync(Path.Combine(folder, "b", "citizens.jsonl")));
    }

    [Theory]
    [InlineData("--citizens", "many")]
    [InlineData("--citizens", "-5")]
    [InlineData("--colour", "red")]
    [InlineData("--seed")]
    public async Task Seed_BadArguments_ExitWith2AndWriteNothing(params string[] arguments)
    {
        var exit = await ProgramCommands.RunAsync(app.Services, ["seed", .. arguments, "--out", folder]);
        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void IsCommand_OnlyForKnownCommands()
    {
        Assert.True(ProgramCommands.IsCommand(["seed"]));
        Assert.False(ProgramCommands.IsCommand([]));
        Assert.False(ProgramCommands.IsCommand(["--urls", "http://127.0.0.1:5000"]));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
