namespace OneStop.BrowserTests;

/// <summary>The who-read-my-data page and the exchange's admin pages, signed in through the Digital ID as people are.</summary>
public sealed class MyDataPageTests(RealSignInBrowserFixture browser) : IClassFixture<RealSignInBrowserFixture>
{
    [Theory]
    [InlineData("th-TH", 360, "ใครอ่านข้อมูลของฉัน")]
    [InlineData("en-GB", 1280, "Who read my data")]
    public async Task MyData_SignedIn_ShowsThePageInTheLanguageAndPassesAxe(string locale, int width, string heading)
    {
        // A read of a company this person directs: the page then also explains a read of someone else's record.
        using var read = new HttpRequestMessage(HttpMethod.Get, "/r1/TH/GOV/DBD/juristic/companies/0105999000016");
        read.Headers.Add("X-Road-Client", "TH/GOV/DEMO/counter");
        read.Headers.Add("X-Road-Issue", "BROWSER-DBD-1");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.App.CreateClient().SendAsync(read)).StatusCode);
        var page = await browser.NewPageAsync(width, locale);

        await page.GotoAsync("/Exchange/MyData");
        await DigitalIdSignIn.SignInAsync(page, "1999900000013", then: "/Exchange/MyData");

        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        Assert.Contains(locale == "th-TH" ? "มีชื่อคุณในข้อมูลของผู้อื่น" : "You are named in someone else's record", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"mydata-{locale}-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("en-GB")]
    public async Task MyData_At360px_TheReadsStackWithEveryColumnLabelled(string locale)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/r1/TH/GOV/DOPA/population/persons/1999900000013");
        read.Headers.Add("X-Road-Client", "TH/GOV/DEMO/counter");
        read.Headers.Add("X-Road-Issue", "BROWSER-STACK-1");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.App.CreateClient().SendAsync(read)).StatusCode);
        var page = await browser.NewPageAsync(360, locale);

        await page.GotoAsync("/Exchange/MyData");
        await DigitalIdSignIn.SignInAsync(page, "1999900000013", then: "/Exchange/MyData");

        await PageChecks.AssertTableStacksAsync(page, "main table");
        await PageChecks.ScreenshotAsync(page, $"mydata-stacked-{locale}-360");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Exchange/Admin", "th-TH", 360)]
    [InlineData("/Exchange/Admin/Log", "en-GB", 1280)]
    [InlineData("/Exchange/Admin/Log", "th-TH", 360)]
    public async Task AdminPage_SignedInAsThePlatformAdministrator_PassesAxe(string path, string locale, int width)
    {
        var page = await browser.NewPageAsync(width, locale);

        await page.GotoAsync(path);
        await DigitalIdSignIn.SignInAsync(page, "admin@demo.onestop.test", then: path);

        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MyData_NotSignedIn_AsksForTheDigitalIdWithoutShowingData()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/Exchange/MyData");
        await PageChecks.WaitForPathAsync(page, "/Identity/Account/SignIn", 120_000);

        Assert.Equal("เข้าสู่ระบบดิจิทัลไอดี", await page.InnerTextAsync("h1"));
        Assert.Equal(0, await page.Locator("table").CountAsync());
        await page.Context.CloseAsync();
    }
}
