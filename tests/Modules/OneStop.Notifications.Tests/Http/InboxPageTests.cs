using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Notifications.Tests.Http;

public sealed partial class InboxPageTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inbox_SignedIn_ShowsOwnMessagesInThaiWithUnreadMarked()
    {
        var me = Guid.NewGuid().ToString();
        await app.NotifyAsync(new(me), "page-1", TestTemplates.Values("LC-PG1"));
        await app.NotifyAsync(new(Guid.NewGuid().ToString()), "page-1", TestTemplates.Values("LC-OTHER"));
        using var client = app.CreateClientAsPerson(me);

        var html = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);

        Assert.Contains("<h1>การแจ้งเตือน</h1>", html, StringComparison.Ordinal);
        Assert.Contains("คำขอ LC-PG1 เปลี่ยนสถานะ", html, StringComparison.Ordinal);
        Assert.Contains("ยังไม่อ่าน", html, StringComparison.Ordinal);
        Assert.Contains("ทำเครื่องหมายว่าอ่านแล้ว", html, StringComparison.Ordinal);
        Assert.DoesNotContain("LC-OTHER", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_ShowsTheSignedInPersonsUnreadCount_BesideNotifications()
    {
        var me = Guid.NewGuid().ToString();
        await app.NotifyAsync(new(me), "badge-1", TestTemplates.Values("LC-B1"));
        await app.NotifyAsync(new(me), "badge-2", TestTemplates.Values("LC-B2"));
        await app.NotifyAsync(new(Guid.NewGuid().ToString()), "badge-other", TestTemplates.Values("LC-B3"));
        using var client = app.CreateClientAsPerson(me);

        var html = await client.GetStringAsync(new Uri("/Agencies", UriKind.Relative), Ct);

        Assert.Contains("การแจ้งเตือน <span class=\"count\">2<span class=\"visually-hidden\"> ยังไม่อ่าน</span></span>", html, StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        Assert.DoesNotContain("href=\"/Notifications\"", await anonymous.GetStringAsync(new Uri("/Agencies", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_MarkAsReadForm_MarksItAndReturnsToTheMessage()
    {
        var me = Guid.NewGuid().ToString();
        var id = await app.NotifyAsync(new(me), "page-read", TestTemplates.Values("LC-PG2"));
        using var client = app.CreateClientAsPerson(me);
        var html = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery().Match(html).Groups[1].Value });
        var posted = await client.PostAsync(new Uri($"/Notifications?handler=Read&id={id}&p=1", UriKind.Relative), form, Ct);

        // The client follows the redirect (and keeps the fragment to itself).
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("/Notifications?p=1", posted.RequestMessage?.RequestUri?.PathAndQuery);
        Assert.NotNull(Assert.Single(await app.NotificationsOfAsync(me)).ReadAt);
        var after = await posted.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"id=\"n-{id:N}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("ทำเครื่องหมายว่าอ่านแล้ว", after, StringComparison.Ordinal);
        Assert.Contains("อ่านแล้ว", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_MarkAsReadAnotherPersonsMessage_Is404AndLeavesItUnread()
    {
        var owner = Guid.NewGuid().ToString();
        var id = await app.NotifyAsync(new(owner), "page-not-yours");
        var me = Guid.NewGuid().ToString();
        await app.NotifyAsync(new(me), "page-mine");
        using var client = app.CreateClientAsPerson(me);
        var html = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery().Match(html).Groups[1].Value });
        var posted = await client.PostAsync(new Uri($"/Notifications?handler=Read&id={id}", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Null(Assert.Single(await app.NotificationsOfAsync(owner)).ReadAt);
    }

    [Fact]
    public async Task Inbox_InEnglishWithNothingYet_SaysSo()
    {
        using var client = app.CreateClientAsPerson(Guid.NewGuid().ToString());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var html = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);

        Assert.Contains("<h1>Notifications</h1>", html, StringComparison.Ordinal);
        Assert.Contains("You have no notifications yet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_NotSignedIn_Is401WithoutMessages()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/Notifications", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
