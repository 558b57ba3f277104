namespace OneStop.BrowserTests;

/// <summary>
/// Signing in to the platform as a person does: the header's sign-in link (or a page that needs a
/// person) leads to the Digital ID, and back to where they were, signed in; signing out ends both.
/// </summary>
public sealed class PlatformSignInPageTests(RealSignInBrowserFixture browser) : IClassFixture<RealSignInBrowserFixture>
{
    [Fact]
    public async Task HeaderSignIn_GoesThroughTheDigitalId_AndBackSignedIn_ThenSignsOut()
    {
        var page = await browser.NewPageAsync(360, "th-TH");
        await page.GotoAsync("/");

        await page.ClickAsync("a.sign-in");
        await SignInAtTheDigitalIdAsync(page, "citizen2@demo.onestop.test", then: "/");

        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync(".account-name")));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "platform-signed-in-th-TH-360");

        await page.ClickAsync("form.account-bar button[type=submit]");
        await page.WaitForSelectorAsync("a.sign-in");
        Assert.Equal(0, await page.Locator(".account-name").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APageForCitizens_AsksForTheDigitalId_ThenShowsThePage()
    {
        var page = await browser.NewPageAsync(1280, "en-GB");

        await page.GotoAsync("/Exchange/MyData");
        await SignInAtTheDigitalIdAsync(page, "1999900000013", then: "/Exchange/MyData");

        Assert.Equal("Who read my data", await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>On the Digital ID's sign-in page the platform sent the browser to: sign in, and wait to be back.</summary>
    private static async Task SignInAtTheDigitalIdAsync(Microsoft.Playwright.IPage page, string login, string then)
    {
        // Every response the browser saw, so that a failure says where the round trip stopped.
        var trail = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Response += (_, r) => trail.Enqueue($"{r.Status} {r.Request.Method} {Shorten(new Uri(r.Url).PathAndQuery)}");
        page.RequestFailed += (_, r) => trail.Enqueue($"failed {r.Method} {Shorten(new Uri(r.Url).PathAndQuery)}: {r.Failure}");
        try
        {
            // The first sign-in of a fresh app reads the provider's metadata and keys and compiles the whole
            // OpenID Connect path; on a loaded two-core CI machine that once took longer than 30 seconds.
            const float firstTime = 120_000;
            await PageChecks.WaitForPathAsync(page, "/Identity/Account/SignIn", firstTime);
            await page.FillAsync("#login", login);
            await page.FillAsync("#password", "Thai-Demo-2569");
            await page.Locator("form.stack button[type=submit]").ClickAsync();
            await PageChecks.WaitForPathAsync(page, then, firstTime);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The sign-in stopped at {page.Url}. Responses: {string.Join(" | ", trail)}", e);
        }
    }

    private static string Shorten(string pathAndQuery) => pathAndQuery.Length <= 90 ? pathAndQuery : pathAndQuery[..90] + "…";
}
