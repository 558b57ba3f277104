using Microsoft.Playwright;

namespace OneStop.BrowserTests;

/// <summary>
/// Passkeys in a real browser: Chromium's virtual authenticator (a platform authenticator with user
/// verification) adds a passkey on the passkeys page, and then signs in with it, no password.
/// WebAuthn needs a secure context with a domain, so these pages are opened on localhost.
/// </summary>
public sealed class PasskeyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("th-TH", 360, "citizen2@demo.onestop.test")]
    [InlineData("en-GB", 1280, "citizen3@demo.onestop.test")]
    public async Task AddAPasskey_ThenSignInWithItAlone_IsPhishingResistant(string locale, int width, string email)
    {
        var page = await OnLocalhostAsync(width, locale);
        var thai = locale.StartsWith("th", StringComparison.Ordinal);
        await AddVirtualAuthenticatorAsync(page);

        await page.GotoAsync("/Identity/Account/SignIn");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", "Thai-Demo-2569");
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");
        await page.ClickAsync("a[href='/Identity/Account/Passkeys']");
        await page.WaitForSelectorAsync("#no-passkeys");
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        await page.FillAsync("#passkey-name", thai ? "โทรศัพท์ของฉัน" : "My laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = thai ? "เพิ่มพาสคีย์" : "Add a passkey", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Contains(thai ? "โทรศัพท์ของฉัน" : "My laptop", await page.InnerTextAsync("#passkeys"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"digitalid-passkeys-{locale}-{width}");

        await page.GotoAsync("/Identity/Account");
        await page.ClickAsync("main form[action='/signout'] button[type=submit]");
        await PageChecks.WaitForPathAsync(page, "/");

        await page.GotoAsync("/Identity/Account/SignIn");
        var passkeyButton = page.GetByRole(AriaRole.Button, new() { Name = thai ? "เข้าสู่ระบบด้วยพาสคีย์" : "Sign in with a passkey", Exact = true });
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await passkeyButton.ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");

        Assert.Contains(thai ? "ป้องกันฟิชชิง" : "safe from phishing", await page.InnerTextAsync("#aal"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignInPage_WithoutAPasskeyOnTheDevice_SaysSoAndStays()
    {
        var page = await OnLocalhostAsync(360, "en-GB");
        await AddVirtualAuthenticatorAsync(page);
        await page.GotoAsync("/Identity/Account/SignIn");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey", Exact = true }).ClickAsync();

        var status = page.Locator("form.passkey [role=status]");
        await status.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        Assert.Contains("No passkey was used", await status.InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/Identity/Account/SignIn", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Chromium's virtual authenticator: a platform authenticator that verifies the user (as a fingerprint would).</summary>
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
    }

    /// <summary>A fresh context whose pages are on localhost (WebAuthn refuses IP addresses as relying parties).</summary>
    private async Task<IPage> OnLocalhostAsync(int width, string locale)
    {
        if (browser.Browser is null)
        {
            Assert.Skip(browser.Unavailable ?? "No browser.");
        }

        var address = new UriBuilder(browser.BaseAddress) { Host = "localhost" }.Uri;
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 }, Locale = locale, BaseURL = address.ToString() });
        return await context.NewPageAsync();
    }
}
