using System.Net;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.Notifications.Tests.Http;

public sealed class InboxApiTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_SignedIn_ShowsOnlyOwnNotificationsNewestFirstWithUnreadCount()
    {
        var me = NewSubject();
        var other = NewSubject();
        var first = await app.NotifyAsync(new(me), "k1", TestTemplates.Values("LC-A1"));
        var second = await app.NotifyAsync(new(me), "k2", TestTemplates.Values("LC-A2"));
        await app.NotifyAsync(new(other), "k1", TestTemplates.Values("LC-B1"));

        using var client = app.CreateClientAsPerson(me);
        var page = await client.GetFromJsonOrFailAsync("/api/notifications");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("unread").GetInt32());
        Assert.Equal("th", page.GetProperty("language").GetString());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([second, first], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal("คำขอ LC-A2 เปลี่ยนสถานะ", items[0].GetProperty("subject").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("readAt").ValueKind);
        Assert.DoesNotContain("LC-B1", page.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_InEnglish_ShowsTheEnglishText()
    {
        var me = NewSubject();
        await app.NotifyAsync(new(me), "k1", TestTemplates.Values("LC-E1", "approved"));

        using var client = app.CreateClientAsPerson(me);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await client.GetFromJsonOrFailAsync("/api/notifications");

        Assert.Equal("en", page.GetProperty("language").GetString());
        Assert.Equal("Application LC-E1 changed", page.GetProperty("items")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task List_Paged_EveryNotificationOnExactlyOnePage()
    {
        var me = NewSubject();
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await app.NotifyAsync(new(me), $"paged-{i}", TestTemplates.Values($"LC-P{i}")));
        }

        using var client = app.CreateClientAsPerson(me);
        var seen = new List<Guid>();
        var times = new List<DateTime>();
        foreach (var p in new[] { 1, 2, 3 })
        {
            var page = await client.GetFromJsonOrFailAsync($"/api/notifications?page={p}&pageSize=10");
            Assert.Equal(25, page.GetProperty("total").GetInt32());
            Assert.Equal(p, page.GetProperty("page").GetInt32());
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(p == 3 ? 5 : 10, items.Count);
            seen.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
            times.AddRange(items.Select(i => i.GetProperty("createdAt").GetDateTime()));
        }

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(times.OrderDescending(), times);
        var beyond = await client.GetFromJsonOrFailAsync("/api/notifications?page=4&pageSize=10");
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task List_BadPaging_Is400NamingTheField(string query, string field)
    {
        using var client = app.CreateClientAsPerson(NewSubject());

        var response = await client.GetAsync(new Uri("/api/notifications?" + query, UriKind.Relative), Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task List_NotSignedIn_Is401()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/notifications", UriKind.Relative), Ct);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_SignedInWithoutAnAccountSubject_Is403()
    {
        using var client = app.CreateClientWithRoles("Citizen");

        var response = await client.GetAsync(new Uri("/api/notifications", UriKind.Relative), Ct);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MarkRead_Twice_Is204BothTimesAndKeepsTheFirstReadingTime()
    {
        var me = NewSubject();
        var id = await app.NotifyAsync(new(me), "read-twice");
        var unreadToo = await app.NotifyAsync(new(me), "stays-unread");
        using var client = app.CreateClientAsPerson(me);

        var once = await client.PostAsync(new Uri($"/api/notifications/{id}/read", UriKind.Relative), null, Ct);
        var firstRead = (await app.NotificationsOfAsync(me)).Single(n => n.Id == id).ReadAt;
        var twice = await client.PostAsync(new Uri($"/api/notifications/{id}/read", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, once.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, twice.StatusCode);
        var stored = await app.NotificationsOfAsync(me);
        Assert.NotNull(firstRead);
        Assert.Equal(firstRead, stored.Single(n => n.Id == id).ReadAt);
        Assert.Null(stored.Single(n => n.Id == unreadToo).ReadAt);
        var page = await client.GetFromJsonOrFailAsync("/api/notifications");
        Assert.Equal(1, page.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task MarkRead_AnotherPersonsNotification_Is404AndLeavesItUnread()
    {
        var owner = NewSubject();
        var id = await app.NotifyAsync(new(owner), "not-yours");
        using var intruder = app.CreateClientAsPerson(NewSubject());

        var response = await intruder.PostAsync(new Uri($"/api/notifications/{id}/read", UriKind.Relative), null, Ct);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((await app.NotificationsOfAsync(owner)).Single().ReadAt);
    }

    [Fact]
    public async Task MarkRead_UnknownId_Is404ProblemJson()
    {
        using var client = app.CreateClientAsPerson(NewSubject());

        var response = await client.PostAsync(new Uri($"/api/notifications/{Guid.NewGuid()}/read", UriKind.Relative), null, Ct);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static string NewSubject() => Guid.NewGuid().ToString();
}
