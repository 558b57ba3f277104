using Microsoft.Playwright;

namespace OneStop.BrowserTests;

/// <summary>The licence catalogue and the guide as a person sees them on a phone, in Thai, without signing in.</summary>
public sealed class LicensingPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CatalogueSearch_InThaiOnAPhone_FindsTheLicenceAndOpensIt()
    {
        var page = await browser.NewPageAsync(360, "th-TH");
        await page.GotoAsync("/Licensing");
        Assert.Equal("ใบอนุญาตประกอบธุรกิจ", await page.InnerTextAsync("h1"));

        await page.FillAsync("#q", "สุรา");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync("**/Licensing?q=*");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "ใบอนุญาตขายสุรา", Exact = true });
        Assert.Equal(1, await link.CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-search-th-TH-360");

        await link.ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Licensing/Licences/liquor-sale-licence");
        Assert.Equal("ใบอนุญาตขายสุรา", await page.InnerTextAsync("h1"));
        Assert.Contains("กรมสรรพสามิต", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-licence-th-TH-360");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Guide_InThaiOnAPhone_AnswersLeadToTheLicencesWithReasons()
    {
        var page = await browser.NewPageAsync(360, "th-TH");
        await page.GotoAsync("/Licensing/Guide");
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        await page.GetByLabel("ธุรกิจร้านอาหารและเครื่องดื่ม", new() { Exact = true }).CheckAsync();
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/Licensing/Guide?type=restaurant");
        Assert.Equal("ธุรกิจร้านอาหารและเครื่องดื่ม", await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        await page.CheckAsync("#sells-alcohol");
        await page.CheckAsync("#sellsFood-yes");
        await page.FillAsync("#floorArea", "80");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/Licensing/Guide?*check=true*");

        Assert.Equal("ใบอนุญาตที่คุณต้องขอ", await page.InnerTextAsync("h1"));
        var liquor = page.Locator("li.card", new() { HasText = "ใบอนุญาตขายสุรา" });
        Assert.Contains("เพราะคุณขายเครื่องดื่มแอลกอฮอล์", await liquor.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("ค่าธรรมเนียมรวมเมื่อยื่นออนไลน์", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "licensing-guide-result-th-TH-360");

        // Changing the answers brings back the form as it was filled in.
        await page.ClickAsync("main nav a");
        Assert.True(await page.IsCheckedAsync("#sells-alcohol"));
        Assert.Equal("80", await page.InputValueAsync("#floorArea"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Guide_NotANumber_ShowsTheErrorSummaryAndTheFieldError()
    {
        var page = await browser.NewPageAsync(360, "th-TH");
        await page.GotoAsync("/Licensing/Guide?type=restaurant");

        await page.FillAsync("#floorArea", "มาก");
        await page.ClickAsync("main form button[type=submit]");
        // Wait for the answer page itself: on a loaded CI machine the URL check timed out once.
        await PageChecks.WaitForAnswerAsync(page, ".error-summary");

        Assert.Contains("floorArea=", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("ข้อผิดพลาด:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".error-summary a[href='#floorArea']").CountAsync());
        Assert.Equal("floorArea-error", await page.GetAttributeAsync("#floorArea", "aria-describedby"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.Context.CloseAsync();
    }
}
