using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneStop.Testing;

namespace OneStop.Web.Tests.Platform;

public sealed class HealthAndOpenApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient client = app.CreateClient();

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_WhileRunning_Is200(string path)
        => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

    [Fact]
    public async Task OpenApi_Document_DescribesTheAgencyEndpoints()
    {
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/agencies/holidays", out var holidays));
        Assert.True(holidays.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/agencies/{code}", out _));
        Assert.True(paths.TryGetProperty("/api/agencies/working-days/add", out _));
        Assert.Equal("OneStop API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ApiReference_IsServed()
    {
        var response = await client.GetAsync(new Uri("/scalar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("OneStop API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>/readyz follows the database; /healthz does not.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"onestop-ready-{Guid.NewGuid():N}.db");
    private ReadinessFactory? app;

    public ValueTask InitializeAsync()
    {
        app = new ReadinessFactory($"Data Source={path};Pooling=False");
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Readyz_WhenTheDatabaseIsGone_Is503WhileHealthzStays200()
    {
        var client = app!.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        SqliteConnection.ClearAllPools();
        File.Delete(path);
        Directory.CreateDirectory(path); // a folder where the database file was: SQLite cannot open it

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (Directory.Exists(path))
        {
            Directory.Delete(path);
        }

        File.Delete(path);
    }

    private sealed class ReadinessFactory(string connectionString) : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = connectionString,
        };
    }
}
