using System.Net;
using System.Text.RegularExpressions;
using OneStop.Identity.Server;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>
/// Sessions kept on the server: a person sees every browser signed in to their Digital ID and ends any
/// of them at once; a cookie copied before signing out no longer works.
/// </summary>
public sealed partial class SessionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/Identity/Account/Connections";
    private const string Password = "แกงเขียวหวานไก่ 2569";
    private const string AndroidChrome = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    /// <summary>A person signed in on this test's "computer", and again on a phone.</summary>
    private async Task<(OidcDance Computer, OidcDance Phone, string Email)> TwoDevicesAsync()
    {
        var (computer, email) = await OidcDance.RegisterAsync(app, "sessions", Password);
        var phone = new OidcDance(app);
        phone.Browser.DefaultRequestHeaders.UserAgent.ParseAdd(AndroidChrome);
        var signedIn = await phone.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });
        Assert.Equal("/Identity/Account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return (computer, phone, email);
    }

    private static async Task<bool> IsSignedInAsync(HttpClient browser)
        => (await browser.GetAsync("/Identity/Account")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task ThePage_ListsBothDevices_AndNamesThisOne()
    {
        var (computer, _, _) = await TwoDevicesAsync();

        var html = await computer.Browser.GetStringAsync(Page);

        Assert.Equal(2, SessionCard().Count(html));
        Assert.Contains("Chrome · Android", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "class=\"this-device\""));
        Assert.Single(Handles().Matches(html)); // only the other device has a sign-out button
    }

    [Fact]
    public async Task EndingTheOtherDevice_SignsItOutAtOnce_AndKeepsThisOne()
    {
        var (computer, phone, _) = await TwoDevicesAsync();
        var handle = Handles().Match(await computer.Browser.GetStringAsync(Page)).Groups[1].Value;

        var after = await computer.SubmitAsync(Page + "?handler=EndSession", new() { ["handle"] = handle });

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False(await IsSignedInAsync(phone.Browser));
        Assert.True(await IsSignedInAsync(computer.Browser));
        Assert.Single(SessionCard().Matches(await computer.Browser.GetStringAsync(Page)));
    }

    [Fact]
    public async Task SignOutOnEveryOtherDevice_EndsThemAtOnce()
    {
        var (computer, phone, _) = await TwoDevicesAsync();

        await computer.SubmitAsync(Page + "?handler=SignOutElsewhere", []);

        Assert.False(await IsSignedInAsync(phone.Browser));
        Assert.True(await IsSignedInAsync(computer.Browser));
    }

    [Fact]
    public async Task SomeoneElse_CannotEndMySession()
    {
        var (computer, _, _) = await TwoDevicesAsync();
        var handle = Handles().Match(await computer.Browser.GetStringAsync(Page)).Groups[1].Value;
        var (stranger, _) = await OidcDance.RegisterAsync(app, "stranger", Password);

        await stranger.SubmitAsync(Page + "?handler=EndSession", new() { ["handle"] = handle });

        Assert.Equal(2, SessionCard().Count(await computer.Browser.GetStringAsync(Page)));
    }

    [Fact]
    public async Task ACookieCopiedBeforeSigningOut_DoesNotWorkAfterwards()
    {
        var (_, phone, _) = await TwoDevicesAsync();
        var cookie = (await phone.Browser.GetAsync("/Identity/Account")).RequestMessage!.Headers.GetValues("Cookie").Single();

        await phone.SignOutAsync();

        using var thief = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/Identity/Account")).StatusCode);
    }

    [Theory]
    [InlineData(AndroidChrome, "Chrome · Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari · iOS")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge · Windows")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet · Android")]
    [InlineData("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox · Linux")]
    [InlineData("curl/8.5.0", "curl/8.5.0")]
    [InlineData("", "?")]
    public void DeviceNames_ReadTheBrowserAndSystem(string userAgent, string expected)
        => Assert.Equal(expected, DeviceNames.Describe(userAgent));

    [GeneratedRegex("<li class=\"card\" data-session=")]
    private static partial Regex SessionCard();

    [GeneratedRegex("name=\"handle\" value=\"([0-9a-f]{16})\"")]
    private static partial Regex Handles();
}
