using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Web.Tests.Pages;

public sealed partial class LocalizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task HomePage_NoPreference_IsThai()
    {
        var html = await GetPageAsync(app.CreateClient(), "/");
        Assert.Contains("<html lang=\"th\">", html, StringComparison.Ordinal);
        Assert.Contains("ข้ามไปยังเนื้อหา", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Agencies\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_AcceptLanguageEnglish_IsEnglish()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en-US,en;q=0.9");
        var html = await GetPageAsync(client, "/");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Skip to content", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchLanguage_ToEnglish_IsRememberedInACookieOverAcceptLanguage()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("Accept-Language", "th");
        var home = await GetPageAsync(client, "/Agencies");
        var token = AntiforgeryToken().Match(home).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/Agencies", ["__RequestVerificationToken"] = token,
        });
        var switched = await client.PostAsync(new Uri("/culture", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Agencies", switched.Headers.Location?.ToString());
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

        var english = await GetPageAsync(client, "/Agencies");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Government agencies", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchLanguage_WithoutAntiforgeryToken_IsRefused()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" });
        var response = await client.PostAsync(new Uri("/culture", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SwitchLanguage_ToAnExternalReturnUrl_StaysOnTheSite()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = AntiforgeryToken().Match(await GetPageAsync(client, "/")).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "//evil.example/", ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/culture", UriKind.Relative), form);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AgenciesPage_InThai_ListsAgenciesAndFilters()
    {
        var html = await GetPageAsync(app.CreateClient(), "/Agencies?kind=Ministry");
        Assert.Contains("กระทรวงมหาดไทย", html, StringComparison.Ordinal);
        Assert.DoesNotContain("กรมการปกครอง", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyPage_ShowsOfficesOfTheChosenProvince()
    {
        var html = await GetPageAsync(app.CreateClient(), "/Agencies/13003000?province=50");
        Assert.Contains("ที่ทำการปกครองจังหวัดเชียงใหม่", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ที่ทำการปกครองจังหวัดลำพูน", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyPage_UnknownCode_Is404Page()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/Agencies/00000000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบหน้าที่ต้องการ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HolidaysPage_InThai_ShowsBuddhistEraDates()
    {
        var html = await GetPageAsync(app.CreateClient(), "/Agencies/Holidays?year=2025");
        Assert.Contains("พ.ศ. 2568", html, StringComparison.Ordinal);
        Assert.Contains("13 เมษายน 2568", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HolidaysPage_InEnglish_ShowsGregorianDates()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        var html = await GetPageAsync(client, "/Agencies/Holidays?year=2025");
        Assert.Contains("13 April 2025", html, StringComparison.Ordinal);
    }

    private static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}");
        return html;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
