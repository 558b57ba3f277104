using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>Counter staff filing for a walk-in on a small screen, with plain forms only.</summary>
public sealed partial class LicensingCounterPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Bma = "22000000";

    [Fact]
    public async Task Counter_At360pxInThai_StartsForAWalkIn_FillsFromTheRegistries_AndListsIt()
    {
        var page = await CounterPageAsync("th-TH", "22000000-1010");

        await page.GotoAsync("/Licensing/Counter");
        Assert.Equal("เคาน์เตอร์บริการ", await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-counter-th-TH-360");
        await page.GetByLabel("ประเภทธุรกิจ").SelectOptionAsync(new SelectOptionValue { Label = "ธุรกิจร้านอาหารและเครื่องดื่ม" });
        await page.GetByRole(AriaRole.Button, new() { Name = "เริ่มคำขอให้ผู้มาติดต่อ" }).ClickAsync();

        await PageChecks.WaitForAnswerAsync(page, "#citizenId");
        Assert.Equal("ธุรกิจร้านอาหารและเครื่องดื่ม", await page.InnerTextAsync("p.lead"));
        await page.GetByLabel("เลขประจำตัวประชาชนของผู้มาติดต่อ").FillAsync("1-9999-00000-01-3");
        await page.GetByLabel("ชื่อและนามสกุลตามบัตร").FillAsync("นายทดสอบ ใจดี");
        await page.GetByLabel("เลขทะเบียนนิติบุคคล (ถ้ายื่นในนามบริษัท)").FillAsync("0105999000016");
        await page.GetByLabel("อ่านบัตรประชาชนด้วยเครื่องอ่านบัตร").CheckAsync();
        await page.GetByLabel("ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร (พื้นที่เกิน 200 ตร.ม.)").CheckAsync();
        await page.GetByLabel("จังหวัดที่ตั้งสถานประกอบการ").SelectOptionAsync(new SelectOptionValue { Label = "กรุงเทพมหานคร" });
        await page.GetByRole(AriaRole.Button, new() { Name = "ถัดไป" }).ClickAsync();

        // The province's districts come back with everything typed so far kept.
        await PageChecks.WaitForAnswerAsync(page, "select#district");
        Assert.Equal("นายทดสอบ ใจดี", await page.GetByLabel("ชื่อและนามสกุลตามบัตร").InputValueAsync());
        Assert.True(await page.GetByLabel("อ่านบัตรประชาชนด้วยเครื่องอ่านบัตร").IsCheckedAsync());
        await page.GetByLabel("อำเภอหรือเขต").SelectOptionAsync(new SelectOptionValue { Label = "พระนคร" });
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-counter-start-th-TH-360");

        // Without the walk-in's consent nothing starts, and the page says why next to the box.
        await page.GetByRole(AriaRole.Button, new() { Name = "เริ่มคำขอ", Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, ".error-summary");
        Assert.StartsWith("ข้อผิดพลาด:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("ผู้มาติดต่อต้องยินยอมให้ดึงข้อมูลจากทะเบียนก่อน", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Contains("ผู้มาติดต่อต้องยินยอมให้ดึงข้อมูลจากทะเบียนก่อน", await page.InnerTextAsync("#consent-error"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-counter-start-error-th-TH-360");

        await page.GetByLabel("ผู้มาติดต่อยินยอมให้ดึงข้อมูลของตนจากทะเบียนของรัฐเพื่อคำขอนี้").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "เริ่มคำขอ", Exact = true }).ClickAsync();

        await PageChecks.WaitForAnswerAsync(page, "form#prefill");
        var details = new Uri(page.Url).AbsolutePath;
        Assert.Matches(DetailsPath(), details);
        var number = (await page.InnerTextAsync("h1"))["คำขอ ".Length..];
        Assert.Equal("/Licensing/Counter", await page.GetByRole(AriaRole.Navigation, new() { Name = "ตำแหน่งของหน้า" }).GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await page.GetByRole(AriaRole.Button, new() { Name = "ดึงข้อมูลจากทะเบียน" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "p.notice[role=status]");
        Assert.Contains("ไม่ต้องแนบสำเนา", await page.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-counter-application-th-TH-360");

        await page.GotoAsync("/Licensing/Counter");
        var link = page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });
        Assert.Equal(1, await link.CountAsync());
        Assert.Equal(details, await link.GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CounterPages_At360pxInEnglish_FitAndSayItInEnglish()
    {
        var page = await CounterPageAsync("en-US", "22000000-1011");

        await page.GotoAsync("/Licensing/Counter");
        Assert.Equal("Service counter", await page.InnerTextAsync("h1"));
        await AssertEnglishAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-counter-en-US-360");

        await page.GotoAsync("/Licensing/Counter/Start?type=restaurant");
        await page.GetByLabel("Province of the premises").SelectOptionAsync(new SelectOptionValue { Label = "Bangkok" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "select#district");
        Assert.Equal("Start for a walk-in", await page.InnerTextAsync("h1"));
        Assert.Equal(1, await page.GetByLabel("The walk-in agrees to their data being read from the state's registries for this application").CountAsync());
        await AssertEnglishAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-counter-start-en-US-360");
        await page.Context.CloseAsync();
    }

    /// <summary>A phone whose requests are signed in as counter staff of a Bangkok district office of its own.</summary>
    private async Task<IPage> CounterPageAsync(string locale, string office)
    {
        if (browser.Browser is null)
        {
            Assert.Skip(browser.Unavailable ?? "No browser.");
        }

        var page = await browser.NewPageAsync(360, locale);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestAuthHandler.RolesHeader] = "Officer",
            [TestAuthHandler.AgencyHeader] = Bma,
            [TestAuthHandler.OfficeHeader] = office,
            [TestAuthHandler.AgencyRolesHeader] = "counter-staff",
            [TestAuthHandler.SubjectHeader] = "counter-browser-" + Guid.NewGuid().ToString("N"),
        });
        return page;
    }

    /// <summary>Fits, passes axe, and no Thai outside form values and the district names (the registry has them in Thai only).</summary>
    private static async Task AssertEnglishAsync(IPage page)
    {
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        var words = await page.EvaluateAsync<string>("() => { const m = document.querySelector('main').cloneNode(true); m.querySelectorAll('input, option').forEach(e => e.remove()); return m.textContent; }");
        var lines = words.Split('\n').Select(l => l.Trim()).Where(l => ThaiText().IsMatch(l)).ToList();
        Assert.True(lines.Count == 0, "Thai on an English page: " + string.Join(" | ", lines));
    }

    [GeneratedRegex("^/Licensing/Applications/[0-9a-f-]{36}$")]
    private static partial Regex DetailsPath();

    [GeneratedRegex("[\u0E00-\u0E7F]")]
    private static partial Regex ThaiText();
}
