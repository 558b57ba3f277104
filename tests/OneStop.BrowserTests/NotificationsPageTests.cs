using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Notifications.Contracts;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>The app with a notification template registered, as a module registers its own.</summary>
public sealed class NotificationsBrowserAppFactory : BrowserAppFactory
{
    public static readonly NotificationTemplate StatusChanged = new(
        "browser-tests.status-changed",
        new NotificationText("คำขอ {applicationNumber} เปลี่ยนสถานะ", "คำขอเลขที่ {applicationNumber} ของคุณอยู่ในสถานะ \"{status}\" แล้ว\n\nดูรายละเอียดที่ {link}"),
        new NotificationText("Application {applicationNumber} changed", "Your application {applicationNumber} is now \"{status}\".\n\nSee {link}"));

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddNotificationTemplate(StatusChanged);
}

public sealed class NotificationsBrowserFixture() : BrowserFixtureBase(new NotificationsBrowserAppFactory());

/// <summary>A person's inbox as they see it on a phone.</summary>
public sealed class NotificationsPageTests(NotificationsBrowserFixture browser) : IClassFixture<NotificationsBrowserFixture>
{
    [Fact]
    public async Task Inbox_At360pxInThai_MarksOneAsReadWithAPlainFormAndFitsTheScreen()
    {
        var me = Guid.NewGuid().ToString();
        // A long unbroken link is what would push a phone's page sideways.
        await NotifyAsync(me, "LC-2569-000001", "รอตรวจสอบ", "https://onestop.example/licensing/applications/LC-2569-000001/documents?tab=attachments&highlight=all");
        await NotifyAsync(me, "LC-2569-000002", "อนุมัติ", "https://onestop.example/licensing/applications/LC-2569-000002");
        var page = await browser.NewPageAsync(360, "th-TH");
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestAuthHandler.RolesHeader] = TestPersonSignIn.PersonRole,
            [TestPersonSignIn.SubjectHeader] = me,
        });

        await page.GotoAsync("/Notifications");

        Assert.Equal("การแจ้งเตือน", await page.InnerTextAsync("h1"));
        Assert.Equal(2, await page.Locator(".notification.unread").CountAsync());
        Assert.Contains("คำขอ LC-2569-000002 เปลี่ยนสถานะ", await page.Locator(".notification h2").First.InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "notifications-th-TH-360");

        await page.Locator(".notification.unread").First.GetByRole(AriaRole.Button).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, ".notification:not(.unread)");

        Assert.Equal(1, await page.Locator(".notification.unread").CountAsync());
        Assert.Contains("อ่านแล้ว", await page.Locator(".notification:not(.unread)").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("ยังไม่ได้อ่าน 1 จากทั้งหมด 2 รายการ", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "notifications-read-th-TH-360");
        await page.Context.CloseAsync();
    }

    private Task<Guid> NotifyAsync(string subject, string number, string status, string link)
        => browser.App.WithScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
            new NotificationRecipient(subject), NotificationsBrowserAppFactory.StatusChanged.Key,
            new Dictionary<string, string> { ["applicationNumber"] = number, ["status"] = status, ["link"] = link },
            "browser:" + number, TestContext.Current.CancellationToken));
}
