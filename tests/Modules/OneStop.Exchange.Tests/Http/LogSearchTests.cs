using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Operators find exchanges in the message log by what callers report, by time, a page at a time (API and page).</summary>
public sealed class LogSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Person = "/r1/TH/GOV/DOPA/population/persons/" + DocumentedCitizen;

    private static string NewIssue() => "LOG-SEARCH-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await app.CreateClientWithRoles("Admin").GetAsync(new Uri("/api/exchange/admin/log" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    private static long[] Sequences(JsonElement page) => page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()).ToArray();

    [Fact]
    public async Task Id_TheRequestIdAnErrorNames_FindsThatExchange()
    {
        var issue = NewIssue();
        var refused = await app.SendXRoadAsync(HttpMethod.Get, "/r1/TH/GOV/DOPA/population/nosuch", issue: issue);
        var requestId = (await XRoadAssert.ErrorAsync(refused, HttpStatusCode.InternalServerError, "Server.ServerProxy.UnknownService")).GetProperty("detail").GetString()!;
        await app.SendXRoadAsync(HttpMethod.Get, Person, issue: issue);

        var record = Assert.Single((await SearchAsync($"?id={requestId}")).GetProperty("records").EnumerateArray());

        Assert.Equal(requestId, record.GetProperty("requestId").GetString());
        Assert.Equal("Server.ServerProxy.UnknownService", record.GetProperty("errorType").GetString());
        Assert.Equal(issue, record.GetProperty("issue").GetString());
    }

    [Fact]
    public async Task Id_TheCallersXRoadId_FindsThatExchange_WithTheDataSubjectMasked()
    {
        var xroadId = "caller-" + Guid.NewGuid().ToString("N");
        (await app.SendXRoadAsync(HttpMethod.Get, Person, issue: NewIssue(), xroadId: xroadId)).EnsureSuccessStatusCode();

        var record = Assert.Single((await SearchAsync($"?id={xroadId}")).GetProperty("records").EnumerateArray());

        Assert.Equal(200, record.GetProperty("status").GetInt32());
        Assert.Equal("1-xxxx-xxxxx-x1-3", record.GetProperty("dataSubject").GetString());
        Assert.Equal("/1-xxxx-xxxxx-x1-3", record.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Take_PagesFollowOneAnother_NewestFirst_UntilNoNext()
    {
        var issue = NewIssue();
        for (var i = 0; i < 3; i++)
        {
            (await app.SendXRoadAsync(HttpMethod.Get, Person, issue: issue)).EnsureSuccessStatusCode();
        }

        var first = await SearchAsync($"?issue={issue}&take=2");
        var next = first.GetProperty("next").GetString()!;
        Assert.StartsWith("/api/exchange/admin/log?", next, StringComparison.Ordinal);
        var second = await SearchAsync(next["/api/exchange/admin/log".Length..]);

        var all = Sequences(first).Concat(Sequences(second)).ToArray();
        Assert.Equal(3, all.Length);
        Assert.Equal(all.OrderDescending(), all);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task FromAndTo_Dates_TakeInWholeDaysOnly()
    {
        var issue = NewIssue();
        (await app.SendXRoadAsync(HttpMethod.Get, Person, issue: issue)).EnsureSuccessStatusCode();
        var today = DateTime.UtcNow.Date;
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Single(Sequences(await SearchAsync($"?issue={issue}&from={Day(-1)}&to={Day(1)}")));
        Assert.Single(Sequences(await SearchAsync($"?issue={issue}&to={Day(0)}")));
        Assert.Empty(Sequences(await SearchAsync($"?issue={issue}&to={Day(-2)}")));
        Assert.Empty(Sequences(await SearchAsync($"?issue={issue}&from={Day(2)}")));
        Assert.Empty(Sequences(await SearchAsync($"?issue={issue}&outcome=errors")));
    }

    [Theory]
    [InlineData("from=31/12/2569", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("take=0", "take")]
    public async Task BadFilter_Is400NamingTheField(string query, string field)
    {
        var response = await app.CreateClientWithRoles("Admin").GetAsync(new Uri("/api/exchange/admin/log?" + query, UriKind.Relative));

        Assert.NotEmpty((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
    }

    [Fact]
    public async Task Before_NotANumber_Is400NamingIt()
    {
        var response = await app.CreateClientWithRoles("Admin").GetAsync(new Uri("/api/exchange/admin/log?before=abc", UriKind.Relative));

        Assert.Contains("Before", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ForACitizen_Is403()
    {
        var response = await app.CreateClientAsCitizen(DocumentedCitizen).GetAsync(new Uri("/api/exchange/admin/log", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Page_IdAndOlderLink_FindTheExchangeAndPageOn()
    {
        var issue = NewIssue();
        var xroadId = "page-" + Guid.NewGuid().ToString("N");
        (await app.SendXRoadAsync(HttpMethod.Get, Person, issue: issue, xroadId: xroadId)).EnsureSuccessStatusCode();
        (await app.SendXRoadAsync(HttpMethod.Get, Person, issue: issue)).EnsureSuccessStatusCode();
        var admin = app.CreateClientWithRoles("Admin");

        var byId = await admin.GetStringAsync(new Uri($"/Exchange/Admin/Log?id={xroadId}", UriKind.Relative));
        Assert.Contains(xroadId, byId, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", byId, StringComparison.Ordinal);

        var firstPage = await admin.GetStringAsync(new Uri($"/Exchange/Admin/Log?issue={issue}&take=1", UriKind.Relative));
        Assert.DoesNotContain(xroadId, firstPage, StringComparison.Ordinal);
        var older = System.Text.RegularExpressions.Regex.Match(firstPage, "href=\"(/Exchange/Admin/Log\\?[^\"]+)\" rel=\"next\"").Groups[1].Value;
        Assert.Contains($"issue={issue}", older, StringComparison.Ordinal);
        var secondPage = await admin.GetStringAsync(new Uri(WebUtility.HtmlDecode(older), UriKind.Relative));
        Assert.Contains(xroadId, secondPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "No records match these filters.")]
    [InlineData("th", "ไม่มีรายการที่ตรงกับเงื่อนไขนี้")]
    public async Task Page_NothingFound_SaysSoInTheReadersLanguage(string language, string message)
    {
        var admin = app.CreateClientWithRoles("Admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var html = await admin.GetStringAsync(new Uri($"/Exchange/Admin/Log?id=nobody-{Guid.NewGuid():N}", UriKind.Relative));

        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2569-13-45")]
    [InlineData("before=abc")]
    public async Task Page_BadFilter_Is400WithTheErrorSummary(string query)
    {
        var response = await app.CreateClientWithRoles("Admin").GetAsync(new Uri("/Exchange/Admin/Log?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error-summary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
