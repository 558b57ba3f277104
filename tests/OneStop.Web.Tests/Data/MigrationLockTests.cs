using System.Globalization;
using Microsoft.Data.Sqlite;
using OneStop.SharedKernel.Data;
using OneStop.Testing;

namespace OneStop.Web.Tests.Data;

/// <summary>A start killed while it migrated leaves EF Core's lock row in SQLite: the next start must not wait for it forever.</summary>
public sealed class MigrationLockTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"onestop-lock-{Guid.NewGuid():N}.db");

    private void LeaveALock(DateTimeOffset takenAt)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, $taken);
            """;
        command.Parameters.AddWithValue("$taken", takenAt.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task ALockLeftByAKilledStart_IsRemoved_AndTheAppStarts()
    {
        LeaveALock(DateTimeOffset.UtcNow.AddHours(-1));

        await using var app = new FileFactory(path, timeout: "00:00:20");
        var response = await app.CreateClient().GetAsync("/api/agencies/13003000");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task AFreshLockHeldTooLong_StopsTheStart_WithAClearMessage()
    {
        // Still young when the start looks at it, however long the host takes to get there on a busy machine.
        LeaveALock(DateTimeOffset.UtcNow.AddSeconds(60));

        await using var app = new FileFactory(path, timeout: "00:00:03");
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("migration lock", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    private sealed class FileFactory(string file, string timeout) : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Default"] = $"Data Source={file}",
            [ModuleDatabase.MigrationLockTimeoutKey] = timeout,
        };
    }
}
