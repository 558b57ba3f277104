using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;
using OneStop.Web.Data;
using OneStop.Testing;

namespace OneStop.Web.Tests.Data;

/// <summary>Two nodes on one database share the data-protection key ring: a form from one posts to the other.</summary>
public sealed partial class SharedKeyRingTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"onestop-keys-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AntiforgeryToken_FromOneNode_IsAcceptedByAnother()
    {
        await using var nodeA = new FileNode(path);
        await using var nodeB = new FileNode(path);
        var clientA = nodeA.CreateClient(new() { AllowAutoRedirect = false });
        var page = await clientA.GetAsync(new Uri("/Agencies", UriKind.Relative));
        var token = Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/culture")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookie);
        var response = await nodeB.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The key ring lives in the database, not in a folder of one machine.
        var keys = await nodeB.WithScopeAsync(s => ((PlatformDbContext)s.ModuleContexts().Single(c => c.Module == PlatformDbContext.Module).Context)
            .DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private sealed class FileNode(string file) : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Default"] = $"Data Source={file}",
        };
    }
}
