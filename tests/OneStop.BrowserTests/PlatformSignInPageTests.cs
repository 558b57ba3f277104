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

    [Theory]
    [InlineData("th-TH", 360, "ในนามของ")]
    [InlineData("en-GB", 1280, "for")]
    public async Task ActingForACompany_TheHeaderSaysForWhom_AndBackToMyselfItSaysNothing(string locale, int width, string forWord)
    {
        const string company = "0105999000016"; // directed by citizen1 (1999900000013)
        var page = await browser.NewPageAsync(width, locale);
        await page.GotoAsync("/Identity/Account/Companies");
        await DigitalIdSignIn.SignInAsync(page, "citizen1@demo.onestop.test", then: "/Identity/Account/Companies");
        if (await page.Locator($"#act-{company}").CountAsync() == 0)
        {
            await page.FillAsync("#juristicId", company);
            await page.Locator("form[action*='handler=Claim'] button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync($"#act-{company}");
        }

        var companyName = (await page.InnerTextAsync($"label[for='act-{company}']")).Split(" (", 2)[0];
        await page.CheckAsync($"#act-{company}");
        await page.Locator("form[action*='handler=ActFor'] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync($"#act-{company}:checked");

        // The platform's pages know at once, with no new sign-in.
        await page.GotoAsync("/");
        Assert.Equal($"{forWord} {companyName}", (await page.InnerTextAsync(".account-bar .acting-for")).Trim());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"platform-acting-for-{locale}-{width}");

        await page.GotoAsync("/Identity/Account/Companies");
        await page.CheckAsync("#act-self");
        await page.Locator("form[action*='handler=ActFor'] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#act-self:checked");
        await page.GotoAsync("/");
        Assert.Equal(1, await page.Locator(".account-bar .account-name").CountAsync());
        Assert.Equal(0, await page.Locator(".account-bar .acting-for").CountAsync());
        await page.Context.CloseAsync();
    }
}
