using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.Testing;

namespace OneStop.Web.Tests.Data;

/// <summary>A second start on an existing database migrates nothing, seeds nothing twice and keeps what was written.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"onestop-restart-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Restart_OnAnExistingDatabase_KeepsDataAndAddsNothingTwice()
    {
        int agencies, offices;
        await using (var first = new FileFactory(path))
        {
            var admin = first.CreateClientWithRoles(Roles.Admin);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/agencies/holidays", new { date = "2094-09-09", nameTh = "วันคงอยู่", nameEn = "Lasting day" })).StatusCode);
            (agencies, offices) = await CountAsync(first);
        }

        SqliteConnection.ClearAllPools();
        await using var second = new FileFactory(path);
        var holiday = await second.CreateClient().GetFromJsonOrFailAsync("/api/agencies/holidays/2094-09-09");
        Assert.Equal("Lasting day", holiday.GetProperty("nameEn").GetString());
        Assert.Equal((agencies, offices), await CountAsync(second));
        var pending = await second.WithScopeAsync(async s =>
        {
            var total = 0;
            foreach (var (_, db) in s.ModuleContexts())
            {
                total += (await db.Database.GetPendingMigrationsAsync()).Count();
            }

            return total;
        });
        Assert.Equal(0, pending);
    }

    private static async Task<(int Agencies, int Offices)> CountAsync(AppFactory app)
    {
        var list = await app.CreateClient().GetFromJsonOrFailAsync("/api/agencies");
        var dopa = await app.CreateClient().GetFromJsonOrFailAsync("/api/agencies/13003000");
        return (list.GetArrayLength(), dopa.GetProperty("officeCount").GetInt32());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    private sealed class FileFactory(string file) : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Default"] = $"Data Source={file}",
        };
    }
}
