using System.Net;
using OneStop.Testing;

namespace OneStop.Licensing.Tests.Http;

public sealed class LicensingPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Catalogue_SearchInThai_ListsTheLicenceWithItsAgency()
    {
        var html = await GetAsync("/Licensing?q=" + Uri.EscapeDataString("ขายสุรา"), "th-TH");

        Assert.Contains("ใบอนุญาตขายสุรา", html, StringComparison.Ordinal);
        Assert.Contains("กรมสรรพสามิต", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ใบอนุญาตขายยาสูบ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_FilterByBusinessTypeInEnglish_ListsItsLicences()
    {
        var html = await GetAsync("/Licensing?businessType=pharmacy", "en-GB");

        Assert.Contains("Modern-medicine retail pharmacy licence", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Liquor sale licence", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicenceDetails_ShowsAgencyLawFeesOnlineIncentiveAndSteps()
    {
        var html = await GetAsync("/Licensing/Licences/food-premises-notification", "en-GB");

        Assert.Contains("Public Health Act B.E. 2535", html, StringComparison.Ordinal);
        Assert.Contains("100 baht – 1,000 baht", html, StringComparison.Ordinal);
        Assert.Contains("5 working days and 10% off the fee", html, StringComparison.Ordinal);
        Assert.Contains("Reviewer of applications", html, StringComparison.Ordinal);
        Assert.Contains("no need to bring it", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">reviewer<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicenceDetails_Unknown_Is404()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/Licensing/Licences/casino-licence", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Guide_Start_OffersEveryBusinessType()
    {
        var html = await GetAsync("/Licensing/Guide", "th-TH");

        Assert.Contains("ต้องขอใบอนุญาตอะไรบ้าง", html, StringComparison.Ordinal);
        Assert.Contains("value=\"restaurant\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"type-restaurant\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_Questions_HaveALabelForEveryControl()
    {
        var html = await GetAsync("/Licensing/Guide?type=restaurant", "th-TH");

        Assert.Contains("<label for=\"floorArea\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"sells-alcohol\">", html, StringComparison.Ordinal);
        Assert.Contains("<legend>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_Answers_ShowTheLicencesWithReasonsAndTotals()
    {
        var html = await GetAsync("/Licensing/Guide?type=restaurant&check=true&sells=alcohol&sellsFood=true&floorArea=80", "th-TH");

        Assert.Contains("เพราะคุณขายเครื่องดื่มแอลกอฮอล์", html, StringComparison.Ordinal);
        Assert.Contains("ใบอนุญาตขายสุรา", html, StringComparison.Ordinal);
        Assert.Contains("ค่าธรรมเนียมรวมเมื่อยื่นออนไลน์", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Licensing/Apply/restaurant?licences=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_NotANumber_ShowsTheErrorAtTheFieldInThai()
    {
        var html = await GetAsync("/Licensing/Guide?type=restaurant&check=true&floorArea=lots", "th-TH");

        Assert.Contains("<title>ข้อผิดพลาด:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#floorArea\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"floorArea-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ค่าธรรมเนียมรวมเมื่อยื่นออนไลน์", html, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string path, string language)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }
}
