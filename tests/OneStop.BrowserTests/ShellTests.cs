using Deque.AxeCore.Playwright;

namespace OneStop.BrowserTests;

public sealed class ShellTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task HomePage_SwitchToEnglishAndBack_ChangesLanguageAndRemembersIt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("th", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("บริการภาครัฐ", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await page.ClickAsync("button[name=culture][value=en]");
        await PageChecks.WaitForPathAsync(page, "/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Government services online, starting with your Digital ID", await page.InnerTextAsync("h1"));

        await page.GotoAsync("/Agencies");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("true", await page.GetAttributeAsync("button[name=culture][value=en]", "aria-pressed"));

        await page.ClickAsync("button[name=culture][value=th]");
        await PageChecks.WaitForPathAsync(page, "/Agencies");
        Assert.Equal("th", await page.GetAttributeAsync("html", "lang"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HomePage_Stylesheet_IsAppliedWithTheThaiFont()
    {
        var page = await browser.NewPageAsync();
        var failures = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                failures.Add($"{r.Status} {r.Url}");
            }
        };
        await page.GotoAsync("/");
        Assert.Empty(failures);
        Assert.Contains("Sarabun", await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily"), StringComparison.Ordinal);
        Assert.Equal("rgb(11, 79, 138)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-header')).backgroundColor"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HomePage_BrowserAskingForEnglish_IsEnglish()
    {
        var page = await browser.NewPageAsync(locale: "en-US");
        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SkipLink_FirstTab_MovesFocusToTheMainContent()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("ข้ามไปยังเนื้อหา", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/", 1280, "th")]
    [InlineData("/", 360, "th")]
    [InlineData("/", 360, "en")]
    [InlineData("/Agencies", 360, "th")]
    [InlineData("/Agencies/13003000?province=50", 1280, "th")]
    [InlineData("/Agencies/Holidays?year=2026", 360, "en")]
    [InlineData("/no-such-page", 360, "th")]
    public async Task Page_PassesAxeAndFitsTheScreen(string path, int width, string language)
    {
        var page = await browser.NewPageAsync(width, language == "en" ? "en-GB" : "th-TH");
        await page.GotoAsync(path);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));

        var result = await page.RunAxe();
        var violations = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))})"));
        Assert.True(result.Violations.Length == 0, violations);

        // Usable at 360 px: nothing makes the page scroll sideways.
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a {width} px screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), $"{language}-{width}-{path.Trim('/').Replace('/', '_').Replace('?', '_').Replace('=', '-')}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static string ScreenshotFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
