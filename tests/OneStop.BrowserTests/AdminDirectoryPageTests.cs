using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>The exchange operators' directory forms (members, subsystems, services) and the masked consents list, as an admin sees them.</summary>
public sealed class AdminDirectoryPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/Exchange/Admin/Member", "th-TH", 360, "เพิ่มสมาชิก")]
    [InlineData("/Exchange/Admin/Member", "en-GB", 1280, "Add a member")]
    [InlineData("/Exchange/Admin/Subsystem", "th-TH", 360, "เพิ่มระบบ")]
    [InlineData("/Exchange/Admin/Subsystem", "en-GB", 1280, "Add a subsystem")]
    [InlineData("/Exchange/Admin/Service", "th-TH", 360, "เพิ่มบริการ")]
    [InlineData("/Exchange/Admin/Service", "en-GB", 1280, "Add a service")]
    [InlineData("/Exchange/Admin/Consents", "th-TH", 360, "ความยินยอมบนศูนย์แลกเปลี่ยนข้อมูล")]
    [InlineData("/Exchange/Admin/Consents", "en-GB", 1280, "Consents on the exchange")]
    [InlineData("/Exchange/Admin/Member?id=TH/GOV/DOPA", "th-TH", 360, "แก้ไขสมาชิก")]
    [InlineData("/Exchange/Admin/Subsystem?id=TH/GOV/DEMO/counter", "th-TH", 360, "แก้ไขระบบ")]
    [InlineData("/Exchange/Admin/Service?id=TH/GOV/DOPA/population/persons", "en-GB", 360, "Edit a service")]
    public async Task DirectoryPage_AsAdmin_PassesAxeAndFitsTheScreen(string path, string locale, int width, string heading)
    {
        var page = await AdminPageAsync(width, locale);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"admin-{path.Split('?')[0].Split('/')[^1].ToLowerInvariant()}{(path.Contains('?', StringComparison.Ordinal) ? "-edit" : "")}-{locale}-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("th-TH", 360)]
    [InlineData("en-GB", 1280)]
    public async Task MemberForm_Filled_SavesAndShowsTheMemberOnTheOverview(string locale, int width)
    {
        var page = await AdminPageAsync(width, locale);
        var code = "BT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var name = "Browser test agency " + code;
        await page.GotoAsync("/Exchange/Admin/Member");

        await page.FillAsync("#memberCode", code);
        await page.FillAsync("#name", name);
        await page.FillAsync("#agencyCode", "bt1");
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForPathAsync(page, "/Exchange/Admin");

        var notice = page.GetByRole(AriaRole.Status);
        Assert.Contains($"TH/GOV/{code}", await notice.InnerTextAsync(), StringComparison.Ordinal);
        var row = page.Locator("table tr", new() { HasText = $"TH/GOV/{code}" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains(name, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("BT1", await row.InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        await page.ReloadAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("th-TH", 360)]
    [InlineData("en-GB", 1280)]
    public async Task MemberForm_EmptyName_ShowsTheErrorSummaryWhichPassesAxe(string locale, int width)
    {
        var page = await AdminPageAsync(width, locale);
        var code = "BT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await page.GotoAsync("/Exchange/Admin/Member");

        await page.FillAsync("#memberCode", code);
        // The browser itself refuses an empty required field; spaces pass it, and the server must still refuse them.
        await page.FillAsync("#name", "   ");
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForAnswerAsync(page, ".error-summary[role=alert]");

        Assert.EndsWith("/Exchange/Admin/Member", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var summary = page.Locator(".error-summary[role=alert]");
        Assert.Equal(1, await summary.CountAsync());
        var link = summary.Locator("a[href='#name']").First;
        Assert.True(await link.IsVisibleAsync(), "the summary links to the name field");
        Assert.Equal(code, await page.InputValueAsync("#memberCode"));
        Assert.Equal(1, await page.Locator("input#name").CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"admin-member-error-{locale}-{width}");

        await page.GotoAsync("/Exchange/Admin");
        Assert.Equal(0, await page.Locator("table tr", new() { HasText = $"TH/GOV/{code}" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MemberForm_EmptyNameWithoutBrowserValidation_ShowsTheErrorSummary()
    {
        var page = await AdminPageAsync(1280, "en-GB");
        var code = "BT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await page.GotoAsync("/Exchange/Admin/Member");
        await page.FillAsync("#memberCode", code);
        await page.EvalOnSelectorAsync("form.stack", "form => form.noValidate = true");

        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForAnswerAsync(page, ".error-summary[role=alert]");

        Assert.Equal(1, await page.Locator(".error-summary[role=alert]").CountAsync());
        Assert.True(await page.Locator(".error-summary a[href='#name']").First.IsVisibleAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> AdminPageAsync(int width, string locale)
    {
        var page = await browser.NewPageAsync(width, locale);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [TestAuthHandler.RolesHeader] = "Admin" });
        return page;
    }
}
