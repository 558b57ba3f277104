using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStop.BrowserTests;

/// <summary>
/// Issue 21's acceptance test: a business owner's whole journey on a phone, everyone signed in through the Digital ID
/// as people are. The owner finds the licences a restaurant needs, applies for them for the company with what the
/// registries hold, corrects what one agency sends back, pays by Thai QR at the sandbox bank and downloads the
/// e-licences; a visitor checks one by its QR code's link, and the issuing agency revokes it.
/// </summary>
public sealed partial class JourneyPageTests(RealSignInBrowserFixture browser) : IClassFixture<RealSignInBrowserFixture>
{
    private const string Owner = "citizen1@demo.onestop.test"; // 1999900000013, a director of the company below
    private const string Company = "0105999000016";
    private const string BmaReviewer = "reviewer.bma@demo.onestop.test"; // reviewer, officer and approver at Bangkok (food premises)
    private const string ExciseReviewer = "reviewer.excise@demo.onestop.test"; // reviewer and approver at the Excise Department (liquor)
    private const string FoodPremises = "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร (พื้นที่เกิน 200 ตร.ม.)";
    private const string Liquor = "ใบอนุญาตขายสุรา";
    private const string BusinessName = "ร้านอาหารบ้านสวนทดสอบ";
    private const string CorrectedName = "ร้านอาหารบ้านสวนริมน้ำทดสอบ";

    private static readonly byte[] Pdf = "%PDF-1.4\n%browser journey\n"u8.ToArray();

    [Fact]
    public async Task ARestaurant_FromTheGuideToItsELicences_ThenOneIsRevoked_At360pxInThai()
    {
        // 1. The owner signs in with the Digital ID and acts for the company.
        var owner = await browser.NewPageAsync(360, "th-TH");
        await owner.GotoAsync("/");
        await owner.ClickAsync("a.sign-in");
        await DigitalIdSignIn.SignInAsync(owner, Owner, then: "/");
        await owner.GotoAsync("/Identity/Account/Companies");
        if (await owner.Locator($"#act-{Company}").CountAsync() == 0)
        {
            await owner.FillAsync("#juristicId", Company);
            await owner.Locator("form[action*='handler=Claim'] button[type=submit]").ClickAsync();
            await owner.WaitForSelectorAsync($"#act-{Company}");
        }

        var companyName = (await owner.InnerTextAsync($"label[for='act-{Company}']")).Split(" (", 2)[0];
        await owner.CheckAsync($"#act-{Company}");
        await owner.Locator("form[action*='handler=ActFor'] button[type=submit]").ClickAsync();
        await owner.WaitForSelectorAsync($"#act-{Company}:checked");
        await owner.GotoAsync("/");
        Assert.Equal($"ในนามของ {companyName}", (await owner.InnerTextAsync(".account-bar .acting-for")).Trim());
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-01-signed-in-acting-for-the-company");

        // 2. The guide: a restaurant of 250 m² that sells food and alcohol needs two licences from two agencies.
        await owner.GotoAsync("/Licensing/Guide");
        await owner.GetByLabel("ธุรกิจร้านอาหารและเครื่องดื่ม", new() { Exact = true }).CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "ถัดไป" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "#floorArea");
        await owner.CheckAsync("#ownerType-company");
        await owner.CheckAsync("#sells-alcohol");
        await owner.CheckAsync("#sellsFood-yes");
        await owner.FillAsync("#floorArea", "250");
        await PageChecks.ScreenshotAsync(owner, "journey-02-guide-questions");
        await owner.GetByRole(AriaRole.Button, new() { Name = "ดูใบอนุญาตที่ต้องขอ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "ul.cards");
        Assert.Equal("ใบอนุญาตที่คุณต้องขอ", await owner.InnerTextAsync("h1"));
        Assert.Contains("ต้องขอ 2 รายการ", await owner.InnerTextAsync("main .notice"), StringComparison.Ordinal);
        Assert.Equal(1, await owner.GetByRole(AriaRole.Link, new() { Name = Liquor, Exact = true }).CountAsync());
        Assert.Equal(1, await owner.GetByRole(AriaRole.Link, new() { Name = FoodPremises, Exact = true }).CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-03-guide-result");

        // The guide's "start now" leads to the application with both licences chosen.
        await owner.GetByRole(AriaRole.Link, new() { Name = "เริ่มยื่นคำขอ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "select#province");
        Assert.Contains(companyName, await owner.InnerTextAsync("p.lead"), StringComparison.Ordinal);
        Assert.True(await owner.GetByLabel(Liquor, new() { Exact = true }).IsCheckedAsync());
        Assert.True(await owner.GetByLabel(FoodPremises, new() { Exact = true }).IsCheckedAsync());
        await owner.GetByLabel("จังหวัดที่ตั้งสถานประกอบการ").SelectOptionAsync(new SelectOptionValue { Label = "กรุงเทพมหานคร" });
        await owner.GetByRole(AriaRole.Button, new() { Name = "ถัดไป" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "select#district");
        await owner.GetByLabel("อำเภอหรือเขต").SelectOptionAsync(new SelectOptionValue { Label = "พระนคร" });
        await PageChecks.ScreenshotAsync(owner, "journey-04-apply-start");
        await owner.GetByRole(AriaRole.Button, new() { Name = "เริ่มยื่นคำขอ" }).ClickAsync();

        await PageChecks.WaitForAnswerAsync(owner, "form#prefill");
        Assert.Matches(DetailsPath(), new Uri(owner.Url).AbsolutePath);
        var details = new Uri(owner.Url).AbsolutePath;
        var number = (await owner.InnerTextAsync("h1"))["คำขอ ".Length..];
        Assert.StartsWith("BIZ-", number, StringComparison.Ordinal);
        await owner.GetByRole(AriaRole.Button, new() { Name = "ดึงข้อมูลจากทะเบียน" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "p.notice[role=status]");
        Assert.Contains("ดึงข้อมูลจากทะเบียนของรัฐแล้ว", await owner.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-05-application-prefilled");

        await owner.GetByRole(AriaRole.Link, new() { Name = "ตอบคำถาม" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "form.stack");
        Assert.Equal(companyName, await owner.GetByLabel("ชื่อนิติบุคคล").InputValueAsync());
        await PageChecks.ScreenshotAsync(owner, "journey-06-questions-from-the-registries");
        await AnswerQuestionsAsync(owner);

        // Check your answers lists what is still missing: the documents the state does not hold.
        Assert.Equal("ตรวจทานก่อนยื่น", await owner.InnerTextAsync("h1"));
        await AttachMissingDocumentsAsync(owner, details);
        Assert.Equal(0, await owner.Locator("#left").CountAsync());
        Assert.Contains(Liquor, await owner.InnerTextAsync("main ul.cards"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-07-check-your-answers");
        await owner.GetByLabel("ข้าพเจ้าขอรับรองว่าข้อมูลในคำขอนี้เป็นความจริงทุกประการ").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "p.notice[role=status]");
        Assert.Contains($"ยื่นคำขอ {number} แล้ว", await owner.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-08-submitted");
        await browser.App.DispatchOutboxAsync();

        // 3. The Excise Department's reviewer sends it back, marking the business name.
        var excise = await OfficerAsync(ExciseReviewer);
        await OpenTaskAsync(excise, number);
        Assert.Contains(Liquor, await excise.InnerTextAsync("p.lead"), StringComparison.Ordinal);
        await excise.GetByLabel("ส่งกลับให้ผู้ขอแก้ไข").CheckAsync();
        await excise.GetByLabel("ชื่อกิจการ", new() { Exact = true }).CheckAsync();
        await excise.GetByLabel("เหตุผล (ผู้ขอจะเห็นข้อความนี้ ต้องระบุเมื่อไม่อนุมัติ)").FillAsync("ชื่อกิจการไม่ตรงกับป้ายหน้าร้าน");
        await PageChecks.ScreenshotAsync(excise, "journey-09-excise-sends-back");
        await excise.GetByRole(AriaRole.Button, new() { Name = "บันทึกผลการพิจารณา" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(excise, "p.notice[role=status]");
        Assert.Contains($"บันทึกผลการพิจารณาคำขอ {number} แล้ว", await excise.InnerTextAsync("main"), StringComparison.Ordinal);
        await browser.App.DispatchOutboxAsync();

        // The owner corrects the marked answer and sends the corrections.
        await owner.GotoAsync(details);
        Assert.Contains("หน่วยงานขอให้คุณแก้ไข", await owner.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("ชื่อกิจการไม่ตรงกับป้ายหน้าร้าน", await owner.InnerTextAsync("ol.timeline"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-10-owner-asked-to-correct");
        await owner.Locator("main .notice").GetByRole(AriaRole.Link, new() { Name = "ชื่อกิจการ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "form.stack");
        Assert.Equal("แก้ไขตามที่หน่วยงานขอ", await owner.InnerTextAsync("h1"));
        await owner.GetByLabel("ชื่อกิจการ", new() { Exact = true }).FillAsync(CorrectedName);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-11-owner-corrects");
        await owner.GetByRole(AriaRole.Button, new() { Name = "บันทึกและทำต่อ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "form#resubmit");
        await owner.GetByRole(AriaRole.Button, new() { Name = "ส่งคำขอที่แก้ไขแล้ว" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "p.notice[role=status]");
        Assert.Contains("ส่งคำขอที่แก้ไขแล้ว", await owner.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(owner, "journey-12-corrections-sent");
        await browser.App.DispatchOutboxAsync();

        // Each agency's officer approves every step of its licence: the Excise Department's two, Bangkok's three.
        Assert.Equal(2, await ApproveEveryStepAsync(excise, number, "journey-13-excise-approves"));
        var bma = await OfficerAsync(BmaReviewer);
        Assert.Equal(3, await ApproveEveryStepAsync(bma, number, "journey-14-bangkok-approves"));
        await DeliverEverythingAsync();

        await owner.GotoAsync(details);
        Assert.Equal(2, await owner.Locator("ul.cards li.card", new() { HasTextString = "อนุมัติแล้ว" }).CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-15-both-licences-approved");

        // 4. One invoice for both fees, paid by Thai QR at the sandbox bank.
        await owner.GotoAsync("/Payments");
        Assert.Equal("การชำระเงินของฉัน", await owner.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-16-my-payments");
        await owner.GetByRole(AriaRole.Link, new() { Name = $"ค่าธรรมเนียมใบอนุญาต คำขอเลขที่ {number}" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "ชำระด้วย Thai QR" }).WaitForAsync();
        Assert.StartsWith("/Payments/Invoices/", new Uri(owner.Url).AbsolutePath, StringComparison.Ordinal);
        var invoice = await owner.InnerTextAsync("main");
        Assert.Contains(Liquor, invoice, StringComparison.Ordinal);
        Assert.Contains(FoodPremises, invoice, StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-17-invoice");
        await owner.GetByRole(AriaRole.Button, new() { Name = "ชำระด้วย Thai QR" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "#pay img");
        Assert.Equal("รอสแกนจ่าย", await owner.InnerTextAsync("#payment-status"));
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-18-thai-qr");
        await owner.GetByRole(AriaRole.Link, new() { Name = "ทดลองจ่ายด้วยธนาคารจำลอง (เฉพาะระบบทดสอบ)" }).ClickAsync();
        await PageChecks.WaitForPathAsync(owner, "/Payments/Sandbox");
        await PageChecks.ScreenshotAsync(owner, "journey-19-sandbox-bank");
        await owner.GetByRole(AriaRole.Button, new() { Name = "ชำระเงิน", Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "#paid");
        Assert.Contains("ชำระเงินเรียบร้อยแล้ว", await owner.InnerTextAsync("#paid"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-20-paid");
        await DeliverEverythingAsync();

        // 5. The company's e-licences, one downloaded as a PDF.
        await owner.GotoAsync("/Documents");
        Assert.Equal("ใบอนุญาตของฉัน", await owner.InnerTextAsync("h1"));
        var liquorCard = owner.Locator("#documents li.card", new() { Has = owner.GetByRole(AriaRole.Heading, new() { Name = Liquor, Exact = true }) });
        var foodCard = owner.Locator("#documents li.card", new() { Has = owner.GetByRole(AriaRole.Heading, new() { Name = FoodPremises, Exact = true }) });
        var licence = LicenceNumber().Match(await liquorCard.InnerTextAsync()).Value;
        Assert.Matches(LicenceNumber(), await foodCard.InnerTextAsync());
        Assert.NotEmpty(licence);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-21-my-licences");
        var download = await owner.RunAndWaitForDownloadAsync(() => owner.GetByRole(AriaRole.Link, new() { Name = $"ดาวน์โหลด PDF {licence}" }).ClickAsync());
        var saved = Path.Combine(AppContext.BaseDirectory, "screenshots", $"journey-22-{licence}.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken);
        Assert.True(pdf.Length > 1000 && pdf.AsSpan().StartsWith("%PDF-"u8), $"the download ({pdf.Length} bytes) is not a PDF");

        // 6. A visitor, signed in to nothing, follows the QR code's link.
        var link = await liquorCard.GetByRole(AriaRole.Link, new() { Name = "หน้าตรวจสอบ (ลิงก์ใน QR code)" }).GetAttributeAsync("href");
        Assert.Equal($"/verify/{licence}", link);
        var visitor = await browser.NewPageAsync(360, "th-TH");
        await visitor.GotoAsync(link!);
        Assert.Equal("true", await visitor.GetAttributeAsync("#verdict", "data-valid"));
        Assert.Contains("ใบอนุญาตนี้เป็นของจริงและยังใช้ได้", await visitor.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        Assert.Contains(CorrectedName, await visitor.InnerTextAsync("dl"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(visitor);
        await PageChecks.ScreenshotAsync(visitor, "journey-23-visitor-checks");

        // 7. The Excise Department's approver revokes the liquor licence; the visitor's check says so.
        await excise.GotoAsync($"/Documents/Agency/{licence}");
        await excise.GetByLabel("เพิกถอนใบอนุญาต (ถาวร)").CheckAsync();
        await excise.GetByLabel("เหตุผล (ผู้รับใบอนุญาตและผู้ตรวจสอบจะเห็น)").FillAsync("ขายสุรานอกเวลาที่กฎหมายกำหนด");
        await PageChecks.ScreenshotAsync(excise, "journey-24-excise-revokes");
        await excise.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(excise, "p.notice");
        Assert.Equal("ถูกเพิกถอน", await excise.InnerTextAsync("#current-status"));

        await visitor.ReloadAsync();
        Assert.Equal("revoked", await visitor.GetAttributeAsync("#verdict", "data-reason"));
        Assert.Contains("ขายสุรานอกเวลาที่กฎหมายกำหนด", await visitor.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(visitor);
        await PageChecks.ScreenshotAsync(visitor, "journey-25-visitor-sees-revoked");

        // 8. Months later the expiry reminder's link renews the food premises licence from this application's answers.
        await owner.GotoAsync($"{details}/Renew/food-premises-licence");
        Assert.Equal("ต่ออายุใบอนุญาต", await owner.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-26-renew");
        await owner.GetByRole(AriaRole.Button, new() { Name = "เริ่มต่ออายุ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(owner, "p.notice[role=status]");
        Assert.Matches(DetailsPath(), new Uri(owner.Url).AbsolutePath);
        Assert.NotEqual(details, new Uri(owner.Url).AbsolutePath);
        Assert.Contains($"คำตอบและเอกสารจากคำขอ {number} กรอกไว้ให้", await owner.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(owner);
        await PageChecks.ScreenshotAsync(owner, "journey-27-renewal-draft");

        await visitor.Context.CloseAsync();
        await excise.Context.CloseAsync();
        await bma.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    /// <summary>Answers every question page the registries left open, then lands on check your answers.</summary>
    private static async Task AnswerQuestionsAsync(IPage page)
    {
        var answers = new Dictionary<string, string>
        {
            ["businessName"] = BusinessName,
            ["contactPhone"] = "021234567",
            ["premisesAddress"] = "1 ถนนราชดำเนินใน แขวงพระบรมมหาราชวัง เขตพระนคร กรุงเทพมหานคร 10200",
            ["floorArea"] = "250",
        };
        for (var pages = 0; await page.Locator("#declaration").CountAsync() == 0; pages++)
        {
            Assert.True(pages < 5, $"still answering questions at {page.Url}");
            foreach (var (key, value) in answers)
            {
                var field = page.Locator($"form.stack input#{key}");
                if (await field.CountAsync() > 0 && (await field.InputValueAsync()).Length == 0)
                {
                    await field.FillAsync(value);
                }
            }

            // Each page of answers moves on to the next page's address, the last to check your answers.
            var from = page.Url;
            await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกและทำต่อ" }).ClickAsync();
            await page.WaitForFunctionAsync("from => location.href !== from && document.readyState === 'complete'", from, new() { PollingInterval = 100 });
        }
    }

    /// <summary>From check your answers: attaches each document it lists as missing, and comes back.</summary>
    private static async Task AttachMissingDocumentsAsync(IPage page, string details)
    {
        var missing = await page.Locator("#left li a[href$='/Documents']").AllInnerTextsAsync();
        Assert.NotEmpty(missing);
        await page.GotoAsync(details + "/Documents");
        foreach (var name in missing)
        {
            await page.GetByLabel($"เลือกไฟล์ — {name}").SetInputFilesAsync(new FilePayload { Name = "document.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = $"แนบไฟล์ — {name}" }).ClickAsync();
            await PageChecks.WaitForAnswerAsync(page, "p.notice[role=status]");
            Assert.Equal($"แนบ{name}แล้ว", await page.InnerTextAsync("p.notice[role=status]"));
        }

        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "journey-06b-documents-attached");
        await page.GetByRole(AriaRole.Link, new() { Name = "ทำต่อ" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#declaration");
    }

    /// <summary>A phone signed in through the Digital ID as a demo officer, on their review queue.</summary>
    private async Task<IPage> OfficerAsync(string login)
    {
        var page = await browser.NewPageAsync(360, "th-TH");
        await page.GotoAsync("/Licensing/Queue");
        await DigitalIdSignIn.SignInAsync(page, login, then: "/Licensing/Queue");
        Assert.Equal("งานรอพิจารณา", await page.InnerTextAsync("h1"));
        return page;
    }

    /// <summary>From the queue, the open task of application <paramref name="number"/>.</summary>
    private static async Task OpenTaskAsync(IPage officer, string number)
    {
        await officer.GotoAsync("/Licensing/Queue");
        await officer.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(officer, "fieldset#outcome");
        Assert.Equal($"คำขอ {number}", await officer.InnerTextAsync("h1"));
    }

    /// <summary>Approves the application's tasks in this officer's queue, stage after stage, until none is left; answers how many.</summary>
    private static async Task<int> ApproveEveryStepAsync(IPage officer, string number, string screenshot)
    {
        var approved = 0;
        await officer.GotoAsync("/Licensing/Queue");
        while (await officer.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).CountAsync() > 0)
        {
            Assert.True(approved < 5, $"the queue still holds {number} after {approved} approvals");
            await OpenTaskAsync(officer, number);
            await officer.GetByLabel("อนุมัติ", new() { Exact = true }).CheckAsync();
            if (approved == 0)
            {
                await PageChecks.ScreenshotAsync(officer, screenshot);
            }

            await officer.GetByRole(AriaRole.Button, new() { Name = "บันทึกผลการพิจารณา" }).ClickAsync();
            await PageChecks.WaitForAnswerAsync(officer, "p.notice[role=status]");
            Assert.Contains($"บันทึกผลการพิจารณาคำขอ {number} แล้ว", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
            approved++;
        }

        return approved;
    }

    /// <summary>Delivers what the modules announced, and what those deliveries announced in turn, until nothing is left.</summary>
    private async Task DeliverEverythingAsync()
    {
        var rounds = 0;
        while (await browser.App.DispatchOutboxAsync() > 0)
        {
            Assert.True(++rounds < 10, "the outbox keeps filling up");
        }
    }

    [GeneratedRegex("^/Licensing/Applications/[0-9a-f-]{36}$")]
    private static partial Regex DetailsPath();

    [GeneratedRegex("LIC-[0-9]{4}-[0-9A-Z]{8}")]
    private static partial Regex LicenceNumber();
}
