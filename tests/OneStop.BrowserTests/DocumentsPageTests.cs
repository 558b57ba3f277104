using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Contracts;
using OneStop.SharedKernel.Messaging;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>An e-licence on a phone: the holder's list, the public check page its QR code opens, and the agency revoking it.</summary>
public sealed class DocumentsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Excise = "03006000";
    private const string Citizen = "1999900000013";

    [Fact]
    public async Task ALicence_IsListedForItsHolder_CheckedByAVisitor_AndRevokedByTheAgency_At360px()
    {
        var number = await IssueLiquorLicenceAsync();

        var holder = await PageAsync("th-TH", (TestAuthHandler.RolesHeader, "Citizen"), (TestAuthHandler.PidHeader, Citizen));
        await holder.GotoAsync("/Documents");
        Assert.Equal("ใบอนุญาตของฉัน", await holder.InnerTextAsync("h1"));
        Assert.Contains(number, await holder.InnerTextAsync("#documents"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(holder);
        await PageChecks.ScreenshotAsync(holder, "documents-mine-th-TH-360");

        // A visitor, not signed in, follows the QR code's link.
        var visitor = await PageAsync("th-TH");
        await visitor.GotoAsync($"/verify/{number}");
        Assert.Equal("true", await visitor.GetAttributeAsync("#verdict", "data-valid"));
        Assert.Contains("ใบอนุญาตนี้เป็นของจริงและยังใช้ได้", await visitor.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        Assert.Contains("ร้านอาหารทดสอบ", await visitor.InnerTextAsync("dl"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(visitor);
        await PageChecks.ScreenshotAsync(visitor, "documents-verify-th-TH-360");

        var english = await PageAsync("en-US");
        await english.GotoAsync($"/verify/{number}");
        Assert.Contains("This licence is genuine and in force", await english.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(english);
        await PageChecks.ScreenshotAsync(english, "documents-verify-en-US-360");

        // The Excise Department's approver revokes it; without a reason the form says so next to the field.
        var officer = await PageAsync("th-TH", (TestAuthHandler.RolesHeader, "Officer"), (TestAuthHandler.AgencyHeader, Excise), (TestAuthHandler.AgencyRolesHeader, "approver"), (TestAuthHandler.SubjectHeader, "approver-browser"));
        await officer.GotoAsync("/Documents/Agency");
        await PageChecks.AssertAccessibleAndFitsAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await PageChecks.WaitForPathAsync(officer, $"/Documents/Agency/{number}");
        await officer.GetByLabel("เพิกถอนใบอนุญาต (ถาวร)").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(officer, "#reason-error");
        await PageChecks.AssertAccessibleAndFitsAsync(officer);
        await PageChecks.ScreenshotAsync(officer, "documents-revoke-error-th-TH-360");
        await officer.GetByLabel("เหตุผล (ผู้รับใบอนุญาตและผู้ตรวจสอบจะเห็น)").FillAsync("ขายสุราแก่ผู้มีอายุต่ำกว่า 20 ปี");
        await officer.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(officer, "p.notice");
        Assert.Equal("ถูกเพิกถอน", await officer.InnerTextAsync("#current-status"));

        await visitor.ReloadAsync();
        Assert.Equal("revoked", await visitor.GetAttributeAsync("#verdict", "data-reason"));
        Assert.Contains("ขายสุราแก่ผู้มีอายุต่ำกว่า 20 ปี", await visitor.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(visitor);
        await PageChecks.ScreenshotAsync(visitor, "documents-verify-revoked-th-TH-360");
    }

    [Fact]
    public async Task TheCheckPage_TellsAGenuineDocumentFromGarbage_WithoutSigningIn()
    {
        var number = await IssueLiquorLicenceAsync();
        using var api = browser.App.CreateClientAsCitizen(Citizen);
        var credential = (await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/documents/mine/{number}", UriKind.Relative), TestContext.Current.CancellationToken))
            .GetProperty("credential").GetString()!;

        var page = await PageAsync("en-US");
        await page.GotoAsync("/verify");
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.GetByLabel("Electronic document").FillAsync("this is not a licence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "#verdict");
        Assert.Equal("malformed", await page.GetAttributeAsync("#verdict", "data-reason"));

        await page.GetByLabel("Electronic document").FillAsync(credential);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await page.Locator("#verdict[data-valid=true]").WaitForAsync();
        Assert.Contains("genuine", await page.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "documents-check-en-US-360");

        var response = await page.GotoAsync("/verify/LIC-2569-NOTEXIST");
        Assert.Equal(404, response!.Status);
    }

    /// <summary>Licensing's approval and Payments' settlement of a liquor licence, delivered to their consumers as the outbox would; answers the e-licence's number.</summary>
    private async Task<string> IssueLiquorLicenceAsync()
    {
        var application = Guid.NewGuid();
        var number = "BIZ-2569-" + application.ToString("N")[..8].ToUpperInvariant();
        using (var scope = browser.App.Services.CreateScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<LicenceApproved>>())
            {
                await handler.HandleAsync(Guid.NewGuid(), new LicenceApproved(application, number, "liquor-sale-licence", Excise, Citizen, null, DateTime.UtcNow,
                    "นายทดสอบ ใจดี", "ร้านอาหารทดสอบ", "99/1 ถนนพระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110"), CancellationToken.None);
            }
        }

        using (var scope = browser.App.Services.CreateScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<InvoicePaid>>())
            {
                await handler.HandleAsync(Guid.NewGuid(), new InvoicePaid(Guid.NewGuid(), "INV2569BROWSER1", application, number, 1_000_00,
                    [new PaidItem(Excise, "liquor-sale-licence", 1_000_00)], null, DateTime.UtcNow), CancellationToken.None);
            }
        }

        using var api = browser.App.CreateClientAsCitizen(Citizen);
        var mine = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/documents/mine", UriKind.Relative), TestContext.Current.CancellationToken);
        return mine.EnumerateArray().First(d => d.GetProperty("applicationNumber").GetString() == number).GetProperty("number").GetString()!;
    }

    private async Task<IPage> PageAsync(string locale, params (string Header, string Value)[] headers)
    {
        if (browser.Browser is null)
        {
            Assert.Skip(browser.Unavailable ?? "No browser.");
        }

        var page = await browser.NewPageAsync(360, locale);
        if (headers.Length > 0)
        {
            await page.Context.SetExtraHTTPHeadersAsync(headers.ToDictionary(h => h.Header, h => h.Value));
        }

        return page;
    }
}
