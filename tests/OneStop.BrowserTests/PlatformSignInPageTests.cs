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
        await DigitalIdSignIn.SignInAsync(page, "citizen2@demo.onestop.test", then: "/");

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
        await DigitalIdSignIn.SignInAsync(page, "1999900000013", then: "/Exchange/MyData");

        Assert.Equal("Who read my data", await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.Context.CloseAsync();
    }
}
