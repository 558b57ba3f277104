using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>An applicant's whole journey on a phone, with plain forms only: start, fill from the registries, answer, attach, check and submit.</summary>
public sealed partial class LicensingApplyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Start = "/Licensing/Apply/online-clothing?licences=e-commerce-registration&licences=vat-registration";

    private static readonly byte[] Pdf = "%PDF-1.4\n%browser test map\n"u8.ToArray();

    [Fact]
    public async Task Apply_At360pxInThai_FromStartToSubmitted_ByRoleAndLabel()
    {
        var page = await SignedInPageAsync("th-TH");

        await page.GotoAsync(Start);
        Assert.Equal("เริ่มยื่นคำขอ", await page.InnerTextAsync("h1"));
        Assert.True(await page.GetByLabel("ภ.พ.01 แบบคำขอจดทะเบียนภาษีมูลค่าเพิ่ม").IsCheckedAsync());
        await page.GetByLabel("จังหวัดที่ตั้งสถานประกอบการ").SelectOptionAsync(new SelectOptionValue { Label = "กรุงเทพมหานคร" });
        await page.GetByRole(AriaRole.Button, new() { Name = "ถัดไป" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "select#district");
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-apply-th-TH-360");
        await page.GetByLabel("อำเภอหรือเขต").SelectOptionAsync(new SelectOptionValue { Label = "พระนคร" });
        await page.GetByRole(AriaRole.Button, new() { Name = "เริ่มยื่นคำขอ" }).ClickAsync();

        await PageChecks.WaitForAnswerAsync(page, "form#prefill");
        Assert.Matches(DetailsPath(), new Uri(page.Url).AbsolutePath);
        Assert.StartsWith("คำขอ BIZ-", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "ดึงข้อมูลจากทะเบียน" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "p.notice[role=status]");
        Assert.Contains("ไม่ต้องแนบสำเนา 2 รายการ", await page.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-application-draft-th-TH-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "ตอบคำถาม" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "text=หน้า 1 จาก 2");
        Assert.StartsWith("บริษัท", await page.GetByLabel("ชื่อนิติบุคคล").InputValueAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-questions-th-TH-360");
        await page.GetByLabel("ชื่อกิจการ", new() { Exact = true }).FillAsync("ร้านเสื้อผ้าออนไลน์ทดสอบ");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกและทำต่อ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "text=หน้า 2 จาก 2");
        await page.GetByLabel("โทรศัพท์ติดต่อ").FillAsync("021234567");
        await page.GetByLabel("ที่ตั้งสถานประกอบการ").FillAsync("1 ถนนราชดำเนินใน แขวงพระบรมมหาราชวัง เขตพระนคร กรุงเทพมหานคร 10200");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกและทำต่อ" }).ClickAsync();

        await PageChecks.WaitForAnswerAsync(page, "#declaration");
        Assert.Equal("ตรวจทานก่อนยื่น", await page.InnerTextAsync("h1"));
        var missing = page.Locator("#left").GetByRole(AriaRole.Link, new() { Name = "แผนที่ตั้งสถานประกอบการ" });
        Assert.Equal(1, await missing.CountAsync());
        await missing.ClickAsync();

        await PageChecks.WaitForAnswerAsync(page, "input[type=file]");
        Assert.Equal("เอกสาร", await page.InnerTextAsync("h1"));
        Assert.Contains("สำเนาบัตรประจำตัวประชาชน", await page.InnerTextAsync("main ul"), StringComparison.Ordinal); // not needed: the state holds it
        await page.GetByLabel("แผนที่ตั้งสถานประกอบการ").SetInputFilesAsync(new FilePayload { Name = "map.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "แนบไฟล์ — แผนที่ตั้งสถานประกอบการ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "p.notice[role=status]");
        Assert.Equal("แนบแผนที่ตั้งสถานประกอบการแล้ว", await page.InnerTextAsync("p.notice[role=status]"));
        Assert.Contains("map.pdf", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-documents-th-TH-360");
        await page.GetByRole(AriaRole.Link, new() { Name = "ทำต่อ" }).ClickAsync();

        await PageChecks.WaitForAnswerAsync(page, "#declaration");
        Assert.Equal(0, await page.Locator("#left").CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-check-th-TH-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, ".error-summary");
        Assert.StartsWith("ข้อผิดพลาด:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("declaration-error", await page.GetAttributeAsync("#declaration", "aria-describedby"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-check-error-th-TH-360");
        await page.GetByLabel("ข้าพเจ้าขอรับรองว่าข้อมูลในคำขอนี้เป็นความจริงทุกประการ").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอ" }).ClickAsync();

        await PageChecks.WaitForAnswerAsync(page, "p.notice[role=status]");
        Assert.Matches(DetailsPath(), new Uri(page.Url).AbsolutePath);
        var number = (await page.InnerTextAsync("h1"))["คำขอ ".Length..];
        Assert.Contains($"ยื่นคำขอ {number} แล้ว", await page.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form#prefill").CountAsync());
        Assert.Contains("ยื่นคำขอแล้ว", await page.InnerTextAsync("ol.timeline"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-application-submitted-th-TH-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "คำขอของฉัน", Exact = true }).First.ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Licensing/Applications");
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-applications-th-TH-360");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApplicationPages_At360pxInEnglish_FitAndSayItInEnglish()
    {
        var page = await SignedInPageAsync("en-US");
        await page.GotoAsync(Start + "&province=10&district=1001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start application" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "form#prefill");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill in from the registries" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "p.notice[role=status]");
        var details = new Uri(page.Url).AbsolutePath;
        Assert.Equal("Filled from the state's registries: 2 copies you need not attach.", await page.InnerTextAsync("p.notice[role=status]"));
        await AssertEnglishAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-application-draft-en-US-360");

        await page.GotoAsync(details + "/Questions");
        Assert.Equal("Answer the questions", await page.InnerTextAsync("h1"));
        await AssertEnglishAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-questions-en-US-360");

        await page.GotoAsync(details + "/Documents");
        Assert.Equal("Documents", await page.InnerTextAsync("h1"));
        await AssertEnglishAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-documents-en-US-360");

        await page.GotoAsync(details + "/Check");
        Assert.Equal("Check your answers", await page.InnerTextAsync("h1"));
        await AssertEnglishAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-check-en-US-360");
        await page.Context.CloseAsync();
    }

    /// <summary>A phone whose requests are signed in as the test company's director, with a sign-in of this test's own.</summary>
    private async Task<IPage> SignedInPageAsync(string locale)
    {
        var page = await browser.NewPageAsync(360, locale);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestAuthHandler.RolesHeader] = "Citizen",
            [TestAuthHandler.PidHeader] = "1999900000013",
            [TestAuthHandler.ActForHeader] = "0105999000016|" + Uri.EscapeDataString("บริษัท ทดสอบ จำกัด"),
            [TestAuthHandler.SubjectHeader] = "applicant-browser-" + Guid.NewGuid().ToString("N"),
        });
        return page;
    }

    /// <summary>Fits, passes axe, and no Thai but the company's name and the answers.</summary>
    private static async Task AssertEnglishAsync(IPage page)
    {
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        // The answers are the applicant's (names and addresses the Thai registries hold), so they are left out.
        var words = await page.EvaluateAsync<string>("() => { const m = document.querySelector('main').cloneNode(true); m.querySelectorAll('dl.summary dd:first-of-type, input, option').forEach(e => e.remove()); return m.textContent; }");
        var lines = words.Split('\n').Select(l => l.Trim()).Where(l => ThaiText().IsMatch(l) && !l.Contains("บริษัท", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 0, "Thai on an English page: " + string.Join(" | ", lines));
    }

    [GeneratedRegex("^/Licensing/Applications/[0-9a-f-]{36}$")]
    private static partial Regex DetailsPath();

    [GeneratedRegex("[\u0E00-\u0E7F]")]
    private static partial Regex ThaiText();
}
