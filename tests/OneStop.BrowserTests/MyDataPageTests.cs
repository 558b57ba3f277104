using Deque.AxeCore.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>The who-read-my-data page, signed in through the test scheme until the Digital ID exists.</summary>
public sealed class MyDataPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("th-TH", 360, "ใครอ่านข้อมูลของฉัน")]
    [InlineData("en-GB", 1280, "Who read my data")]
    public async Task MyData_SignedIn_ShowsThePageInTheLanguageAndPassesAxe(string locale, int width, string heading)
    {
        var page = await browser.NewPageAsync(width, locale);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestAuthHandler.RolesHeader] = "Citizen",
            [TestAuthHandler.PidHeader] = "1999900000013",
        });
        var response = await page.GotoAsync("/Exchange/MyData");
        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px too wide");
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"mydata-{locale}-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Exchange/Admin", "th-TH", 360)]
    [InlineData("/Exchange/Admin/Log", "en-GB", 1280)]
    public async Task AdminPage_SignedInAsAdmin_PassesAxe(string path, string locale, int width)
    {
        var page = await browser.NewPageAsync(width, locale);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [TestAuthHandler.RolesHeader] = "Admin" });
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MyData_NotSignedIn_AsksToSignInWithoutShowingData()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/Exchange/MyData");
        Assert.Equal(401, response!.Status);
        Assert.Equal("กรุณาเข้าสู่ระบบ", await page.InnerTextAsync("h1"));
        Assert.Equal(0, await page.Locator("table").CountAsync());
        await page.Context.CloseAsync();
    }
}
