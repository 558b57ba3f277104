using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>Paying a fine by Thai QR on a phone, with the sandbox bank; and a finance officer giving part of it back.</summary>
public sealed partial class PaymentsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Bma = "22000000";
    private const string Citizen = "1999900000013";

    [Fact]
    public async Task AFine_At360pxInThai_IsPaidByThaiQr_AndTheReceiptShows_ThenRefundedInPart()
    {
        var number = await RaiseFineAsync();
        var page = await PageAsync("th-TH", Citizen, "Citizen");

        await page.GotoAsync("/Payments");
        Assert.Equal("การชำระเงินของฉัน", await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "ค่าปรับจอดรถในที่ห้ามจอด" }).First.ClickAsync();
        await PageChecks.WaitForPathAsync(page, $"/Payments/Invoices/{number}");
        Assert.Contains("ยอดชำระ ฿500.00", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "payments-invoice-th-TH-360");

        await page.GetByRole(AriaRole.Button, new() { Name = "ชำระด้วย Thai QR" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#pay img");
        Assert.Equal("รอสแกนจ่าย", await page.InnerTextAsync("#payment-status"));
        Assert.StartsWith("data:image/png;base64,", await page.GetAttributeAsync("#pay img", "src"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "payments-qr-th-TH-360");

        // The sandbox bank reads the code and pays it, then sends the payer back; the page says paid and links the receipt.
        await page.GetByRole(AriaRole.Link, new() { Name = "ทดลองจ่ายด้วยธนาคารจำลอง (เฉพาะระบบทดสอบ)" }).ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Payments/Sandbox");
        Assert.Contains(number, await page.InnerTextAsync("dl"), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "payments-sandbox-th-TH-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "ชำระเงิน", Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#paid");
        Assert.Contains("ชำระเงินเรียบร้อยแล้ว", await page.InnerTextAsync("#paid"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "payments-paid-th-TH-360");

        await page.Locator("#paid a").First.ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#receipt-number");
        Assert.Equal("ใบเสร็จรับเงินอิเล็กทรอนิกส์", await page.InnerTextAsync("h1"));
        Assert.StartsWith("RCP", await page.InnerTextAsync("#receipt-number"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "payments-receipt-th-TH-360");

        // The agency's finance officer gives back 100 baht; too much is refused next to the field.
        var finance = await PageAsync("th-TH", null, "Officer", (TestAuthHandler.AgencyHeader, Bma), (TestAuthHandler.AgencyRolesHeader, "finance"));
        await finance.GotoAsync("/Payments/Finance");
        await PageChecks.AssertAccessibleAndFitsAsync(finance);
        await finance.GetByRole(AriaRole.Link, new() { Name = $"คืนเงิน {number}" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(finance, "#reason");
        await finance.GetByLabel("จำนวนเงินที่คืน (บาท)").FillAsync("600");
        await finance.GetByLabel("เหตุผล (ผู้ชำระจะเห็น)").FillAsync("ลดค่าปรับตามคำสั่ง");
        await finance.GetByRole(AriaRole.Button, new() { Name = "คืนเงิน", Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(finance, "#amount-error");
        Assert.Contains("คืนได้ไม่เกิน ฿500.00", await finance.InnerTextAsync("#amount-error"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(finance);
        await PageChecks.ScreenshotAsync(finance, "payments-refund-error-th-TH-360");
        await finance.GetByLabel("จำนวนเงินที่คืน (บาท)").FillAsync("100");
        await finance.GetByRole(AriaRole.Button, new() { Name = "คืนเงิน", Exact = true }).ClickAsync();
        await PageChecks.WaitForPathAsync(finance, "/Payments/Finance");
        Assert.Contains("คืนเงิน ฿100.00 แล้ว", await finance.InnerTextAsync("p.notice"), StringComparison.Ordinal);

        await page.GotoAsync($"/Payments/Invoices/{number}");
        Assert.Contains("คืนเงินแล้ว ฿100.00", await page.InnerTextAsync("table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePayPage_InEnglish_ReloadsItselfWhenTheBankReports()
    {
        var number = await RaiseFineAsync();
        var page = await PageAsync("en-US", Citizen, "Citizen");

        await page.GotoAsync($"/Payments/Invoices/{number}");
        Assert.Equal("Parking fine", await page.InnerTextAsync("h1"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay with Thai QR" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#pay img");
        Assert.Equal("Waiting for you to pay", await page.InnerTextAsync("#payment-status"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        // Only the payer's name, as the agency wrote it, stays in Thai (the baht sign is not Thai words).
        var english = (await page.InnerTextAsync("main")).Replace("นายทดสอบ ใจดี", string.Empty, StringComparison.Ordinal);
        Assert.False(ThaiLetters().IsMatch(english), english);
        await PageChecks.ScreenshotAsync(page, "payments-qr-en-US-360");

        // The bank pays from elsewhere (the payer's phone): this page notices without a click.
        var payload = await page.EvaluateAsync<string>("() => decodeURIComponent(new URL(document.querySelector('#pay a[href*=Sandbox]').href).searchParams.get('payload'))");
        using var api = browser.App.CreateClientAsCitizen(Citizen);
        using var paid = await api.PostAsJsonAsync(new Uri("/api/payments/sandbox/pay", UriKind.Relative), new { payload }, TestContext.Current.CancellationToken);
        Assert.True(paid.IsSuccessStatusCode);
        await page.Locator("#paid").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("Paid. Thank you.", await page.InnerTextAsync("#paid"), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "payments-paid-en-US-360");
    }

    [Fact]
    public async Task Reconciliation_At360pxInThai_ShowsWhatTheStatementAndThePaymentsDisagreeOn()
    {
        var number = await RaiseFineAsync();
        var ct = TestContext.Current.CancellationToken;
        using var payer = browser.App.CreateClientAsCitizen(Citizen);
        using var code = await payer.PostAsync(new Uri($"/api/payments/invoices/{number}/payments", UriKind.Relative), null, ct);
        var payload = (await code.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("payment").GetProperty("qrPayload").GetString();
        using var paid = await payer.PostAsJsonAsync(new Uri("/api/payments/sandbox/pay", UriKind.Relative), new { payload }, ct);
        Assert.True(paid.IsSuccessStatusCode);
        using var bma = browser.App.CreateClientAsOfficer(Bma, null, "finance");
        var payments = await bma.GetFromJsonAsync<JsonElement>(new Uri("/api/payments/agency/payments", UriKind.Relative), ct);
        var transaction = payments.EnumerateArray().Single(p => p.GetProperty("invoiceNumber").GetString() == number).GetProperty("transactionId").GetString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"date,transaction_id,ref1,amount\n{today},{transaction},{number},500.00\n{today},TXN-NOT-OURS,INV0,10.00\n";

        var page = await PageAsync("th-TH", null, "Officer", (TestAuthHandler.AgencyHeader, "10009000"), (TestAuthHandler.AgencyRolesHeader, "finance"));
        await page.GotoAsync("/Payments/Finance");
        await page.GetByRole(AriaRole.Link, new() { Name = "กระทบยอดกับรายการเดินบัญชีธนาคาร" }).ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Payments/Finance/Reconciliation");
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        // Nothing chosen: the page says so next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "กระทบยอด", Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#statement-error");
        Assert.Contains("เลือกไฟล์รายการเดินบัญชี", await page.InnerTextAsync("#statement-error"), StringComparison.Ordinal);

        await page.GetByLabel("ไฟล์รายการเดินบัญชี (CSV)").SetInputFilesAsync(new FilePayload { Name = "statement.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "กระทบยอด", Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#summary");
        var summary = await page.InnerTextAsync("#summary");
        Assert.Contains("ตรงกัน: 1", summary, StringComparison.Ordinal);
        Assert.Contains("ไม่มีในระบบ: 1", summary, StringComparison.Ordinal);
        Assert.Contains("TXN-NOT-OURS", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "payments-reconciliation-th-TH-360");
    }

    private async Task<string> RaiseFineAsync()
    {
        using var finance = browser.App.CreateClientAsOfficer(Bma, null, "finance");
        var fine = new
        {
            kind = "fine", reference = "PARK-" + Guid.NewGuid().ToString("N")[..8], payerCitizenId = Citizen, payerName = "นายทดสอบ ใจดี",
            titleTh = "ค่าปรับจอดรถในที่ห้ามจอด", titleEn = "Parking fine",
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            lines = new[] { new { itemCode = "parking", descriptionTh = "จอดในที่ห้ามจอด", descriptionEn = "Parking where forbidden", amountSatang = 500_00 } },
        };
        using var response = await finance.PostAsJsonAsync(new Uri("/api/payments/agency/invoices", UriKind.Relative), fine, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("number").GetString()!;
    }

    private async Task<IPage> PageAsync(string locale, string? citizen, string roles, params (string Header, string Value)[] extra)
    {
        if (browser.Browser is null)
        {
            Assert.Skip(browser.Unavailable ?? "No browser.");
        }

        var page = await browser.NewPageAsync(360, locale);
        var headers = new Dictionary<string, string> { [TestAuthHandler.RolesHeader] = roles };
        if (citizen is not null)
        {
            headers[TestAuthHandler.PidHeader] = citizen;
        }
        else
        {
            headers[TestAuthHandler.SubjectHeader] = "finance-browser-" + Guid.NewGuid().ToString("N");
        }

        foreach (var (header, value) in extra)
        {
            headers[header] = value;
        }

        await page.Context.SetExtraHTTPHeadersAsync(headers);
        return page;
    }

    [System.Text.RegularExpressions.GeneratedRegex("[\u0E00-\u0E3E\u0E40-\u0E7F]")]
    private static partial System.Text.RegularExpressions.Regex ThaiLetters();
}
