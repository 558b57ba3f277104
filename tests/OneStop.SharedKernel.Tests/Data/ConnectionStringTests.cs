using Microsoft.Extensions.Configuration;
using OneStop.SharedKernel.Data;

namespace OneStop.SharedKernel.Tests.Data;

/// <summary>A module may have a database of its own (ConnectionStrings:{module}); the others share the default.</summary>
public sealed class ConnectionStringTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void AModuleWithItsOwnConnectionString_GetsIt_TheOthersTheDefault()
    {
        var settings = Settings(("Database:Provider", "Postgres"), ("ConnectionStrings:Default", "Host=a;Database=onestop"), ("ConnectionStrings:registries", "Host=b;Database=registries"));

        Assert.Equal("Host=b;Database=registries", settings.GetDatabaseConnectionString("registries"));
        Assert.Equal("Host=a;Database=onestop", settings.GetDatabaseConnectionString("exchange"));
        Assert.Equal("Host=a;Database=onestop", settings.GetDatabaseConnectionString());
    }

    [Fact]
    public void AModulesOwnSqliteFile_IsResolvedAgainstTheWorkingDirectory()
    {
        var settings = Settings(("Database:Provider", "Sqlite"), ("ConnectionStrings:Default", "Data Source=data/onestop.db"), ("ConnectionStrings:registries", $"Data Source={Path.GetTempPath()}onestop-test-{Guid.NewGuid():N}/registries.db"));

        var registries = settings.GetDatabaseConnectionString("registries");

        Assert.Contains("registries.db", registries, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Directory.GetCurrentDirectory(), "data", "onestop.db"), settings.GetDatabaseConnectionString("identity"), StringComparison.Ordinal);
    }

    [Fact]
    public void NoConnectionString_SaysWhichSettingIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(("Database:Provider", "Sqlite")).GetDatabaseConnectionString("registries"));

        Assert.Contains("ConnectionStrings:Default", error.Message, StringComparison.Ordinal);
    }
}
