using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>An officer's review queue and decision screen as they see them on a phone.</summary>
public sealed class LicensingQueuePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Bma = "22000000";
    private const string BangkokOffice = "22000000-1001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] FoodPremises = ["food-premises-licence"];

    [Fact]
    public async Task Queue_At360pxInThai_StacksTheTable_AndApprovesWithAPlainForm()
    {
        var number = await SubmittedAsync();
        var page = await browser.NewPageAsync(360, "th-TH");
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestAuthHandler.RolesHeader] = "Officer",
            [TestAuthHandler.AgencyHeader] = Bma,
            [TestAuthHandler.OfficeHeader] = BangkokOffice,
            [TestAuthHandler.AgencyRolesHeader] = "reviewer",
            [TestAuthHandler.SubjectHeader] = "officer-browser-" + Guid.NewGuid().ToString("N"),
        });

        await page.GotoAsync("/Licensing/Queue");

        Assert.Equal("งานรอพิจารณา", await page.InnerTextAsync("h1"));
        await PageChecks.AssertTableStacksAsync(page, "table.stacked");
        await PageChecks.ScreenshotAsync(page, "licensing-queue-th-TH-360");

        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "fieldset#outcome");
        Assert.Equal($"คำขอ {number}", await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-task-th-TH-360");

        await page.GetByLabel("อนุมัติ", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกผลการพิจารณา" }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "p.notice[role=status]");

        Assert.Contains($"บันทึกผลการพิจารณาคำขอ {number} แล้ว", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task QueueAndTask_At360pxInEnglish_SayItInEnglish()
    {
        var number = await SubmittedAsync();
        var page = await browser.NewPageAsync(360, "en-US");
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestAuthHandler.RolesHeader] = "Officer",
            [TestAuthHandler.AgencyHeader] = Bma,
            [TestAuthHandler.OfficeHeader] = BangkokOffice,
            [TestAuthHandler.AgencyRolesHeader] = "reviewer",
            [TestAuthHandler.SubjectHeader] = "officer-browser-" + Guid.NewGuid().ToString("N"),
        });

        await page.GotoAsync("/Licensing/Queue");
        Assert.Equal("Review queue", await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-queue-en-US-360");

        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "fieldset#outcome");
        Assert.Equal($"Application {number}", await page.InnerTextAsync("h1"));
        Assert.Matches(@"\nDue \d{1,2} [A-Z][a-z]+ 20\d\d", await page.InnerTextAsync("p.lead"));
        Assert.Equal(1, await page.GetByLabel("Approve", new() { Exact = true }).CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-task-en-US-360");
        await page.Context.CloseAsync();
    }

    /// <summary>A food-premises application in Bangkok, every required question answered and document uploaded, submitted through the API.</summary>
    private async Task<string> SubmittedAsync()
    {
        if (browser.Browser is null)
        {
            Assert.Skip(browser.Unavailable ?? "No browser.");
        }

        using var client = browser.App.CreateClientAsCitizen("1999900000013", "0105999000016");
        using var started = await client.PostAsJsonAsync(new Uri("/api/licensing/applications", UriKind.Relative),
            new { businessType = "restaurant", licences = FoodPremises, province = "10", district = "1001" }, Ct);
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        using var prefilled = await client.PostAsync(new Uri($"/api/licensing/applications/{id}/prefill", UriKind.Relative), null, Ct);
        var application = await prefilled.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var answers = application.GetProperty("answers");
        var values = new Dictionary<string, string>();
        foreach (var q in application.GetProperty("questions").EnumerateArray().Where(q => q.GetProperty("required").GetBoolean()))
        {
            var key = q.GetProperty("key").GetString()!;
            if (!answers.TryGetProperty(key, out _))
            {
                values[key] = q.GetProperty("kind").GetString() switch
                {
                    "number" => "10",
                    "yes-no" => "no",
                    "date" => "2026-01-15",
                    "choice" => q.GetProperty("choices")[0].GetString()!,
                    _ => "ทดสอบ",
                };
            }
        }

        using var saved = await client.PutAsJsonAsync(new Uri($"/api/licensing/applications/{id}/answers", UriKind.Relative), new { answers = values }, Ct);
        saved.EnsureSuccessStatusCode();
        foreach (var doc in application.GetProperty("documentsNeeded").EnumerateArray()
            .Where(d => d.GetProperty("required").GetBoolean() && !d.GetProperty("avoided").GetBoolean() && !d.GetProperty("uploaded").GetBoolean()))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%browser test\n"u8.ToArray()), "file", "document.pdf" } };
            using var upload = await client.PutAsync(new Uri($"/api/licensing/applications/{id}/documents/{doc.GetProperty("key").GetString()}", UriKind.Relative), form, Ct);
            upload.EnsureSuccessStatusCode();
        }

        using var submitted = await client.PostAsJsonAsync(new Uri($"/api/licensing/applications/{id}/submit", UriKind.Relative), new { declaration = true }, Ct);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
        return application.GetProperty("number").GetString()!;
    }
}
