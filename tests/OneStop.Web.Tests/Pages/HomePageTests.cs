using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Web.Tests.Pages;

/// <summary>The home page says what works today, and the citizens' menu holds citizens' things only.</summary>
public sealed partial class HomePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("th")]
    [InlineData("en")]
    public async Task Menu_HasNoApiReference_TheFooterHasIt(string language)
    {
        var html = await GetAsync(language, "/Agencies");

        Assert.DoesNotContain("/scalar", Nav().Match(html).Value, StringComparison.Ordinal);
        Assert.Contains("href=\"/scalar\"", Footer().Match(html).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th", new[] { "ใบอนุญาต", "Thai QR", "ชำระค่าธรรมเนียม" })]
    [InlineData("en", new[] { "licence", "Thai QR", "pay" })]
    public async Task HomePage_PromisesNothingThatDoesNotExistYet(string language, string[] promises)
    {
        var main = MainContent().Match(await GetAsync(language, "/")).Value;

        foreach (var promise in promises)
        {
            Assert.DoesNotContain(promise, main, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("th", "ดิจิทัลไอดี", "ใครอ่านข้อมูลของฉัน", "ศูนย์แลกเปลี่ยนข้อมูลภาครัฐ")]
    [InlineData("en", "Digital ID", "Who read my data", "data exchange")]
    public async Task HomePage_LeadsToWhatWorksToday(string language, string digitalId, string myData, string exchange)
    {
        var main = MainContent().Match(await GetAsync(language, "/")).Value;

        foreach (var link in new[] { "/Identity/Account/Register", "/Exchange/MyData", "/Agencies", "/Agencies/Holidays" })
        {
            Assert.Contains($"href=\"{link}\"", main, StringComparison.Ordinal);
        }

        Assert.Contains(digitalId, main, StringComparison.Ordinal);
        Assert.Contains(myData, main, StringComparison.Ordinal);
        Assert.Contains(exchange, main, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string language, string path)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    [GeneratedRegex("<nav class=\"site-nav\"[\\s\\S]*?</nav>")]
    private static partial Regex Nav();

    [GeneratedRegex("<footer[\\s\\S]*?</footer>")]
    private static partial Regex Footer();

    [GeneratedRegex("<main[\\s\\S]*?</main>")]
    private static partial Regex MainContent();
}
