namespace OneStop.BrowserTests;

/// <summary>The devices signed in to a Digital ID, seen from one of them, and another ended from there.</summary>
public sealed class SessionsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AndroidChrome = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    [Theory]
    [InlineData("th-TH", 360, "citizen1@demo.onestop.test", "ออกจากระบบในอุปกรณ์นี้")]
    [InlineData("en-GB", 1280, "citizen2@demo.onestop.test", "Sign out this device")]
    public async Task SeeTheOtherDevice_AndSignItOut(string locale, int width, string email, string signOutThatDevice)
    {
        var page = await browser.NewPageAsync(width, locale);
        var phoneContext = await browser.Browser!.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), UserAgent = AndroidChrome, Locale = locale });
        var phone = await phoneContext.NewPageAsync();
        await SignInAsync(phone, email);
        await SignInAsync(page, email);

        await page.GotoAsync("/Identity/Account/Connections");
        Assert.Equal(2, await page.Locator("#sessions li.card").CountAsync());
        Assert.Contains("Android", await page.InnerTextAsync("#sessions"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"digitalid-sessions-{locale}-{width}");

        await page.Locator("#sessions button", new() { HasTextString = signOutThatDevice }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Equal(1, await page.Locator("#sessions li.card").CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        await phone.GotoAsync("/Identity/Account");
        await PageChecks.WaitForPathAsync(phone, "/Identity/Account/SignIn");
        await phoneContext.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static async Task SignInAsync(Microsoft.Playwright.IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/SignIn");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", "Thai-Demo-2569");
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");
    }
}
