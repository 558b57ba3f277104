using System.Globalization;
using Microsoft.Playwright;
using OneStop.SyntheticData;
using OtpNet;

namespace OneStop.BrowserTests;

/// <summary>
/// The Digital ID's own pages as a person uses them: sign in, register at IAL1 (e-mail only) and at IAL2
/// (ID card checked against the population registry through the exchange), sign out and sign in again.
/// </summary>
public sealed class DigitalIdPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "correct horse battery staple";

    /// <summary>
    /// Documented citizens are the same whatever the seed, and demo data fills the registry with them. The first
    /// <c>DemoAccounts.Count</c> (3) have demo accounts already; each one here is registered by one test only,
    /// because each fixture's app has its own database and a citizen can have one account.
    /// </summary>
    private static readonly IReadOnlyList<SyntheticCitizen> Documented = new SyntheticDataGenerator(42).Generate(60, 10).Citizens
        .Where(c => SyntheticDataGenerator.DocumentedCitizenIds.Contains(c.CitizenId.Value))
        .ToList();

    [Theory]
    [InlineData("/Identity/Account/SignIn", "th-TH", 360, "เข้าสู่ระบบดิจิทัลไอดี")]
    [InlineData("/Identity/Account/SignIn", "en-GB", 1280, "Sign in with Digital ID")]
    [InlineData("/Identity/Account/Register", "th-TH", 360, "สมัครดิจิทัลไอดี")]
    [InlineData("/Identity/Account/Register", "en-GB", 1280, "Register for a Digital ID")]
    public async Task AccountPage_NotSignedIn_ShowsThePageInTheLanguageAndPassesAxe(string path, string locale, int width, string heading)
    {
        var page = await browser.NewPageAsync(width, locale);
        await AssertPageAsync(page, path, heading, $"digitalid-{path.Split('/')[^1].ToLowerInvariant()}-{locale}-{width}");
    }

    [Theory]
    [InlineData("th-TH", 360, "เจ้าหน้าที่ของหน่วยงาน")]
    [InlineData("en-GB", 1280, "Your agency's officers")]
    public async Task OfficersPage_AsAnAgencyAdministrator_PassesAxeAndFitsTheScreen(string locale, int width, string heading)
    {
        var page = await browser.NewPageAsync(width, locale);
        await SignInAsDemoAsync(page, "admin.dopa@demo.onestop.test");

        await AssertPageAsync(page, "/Identity/Officers", heading, $"digitalid-officers-{locale}-{width}");
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("en-GB")]
    public async Task OfficersPage_At360px_TheOfficersStackWithEveryColumnLabelled(string locale)
    {
        var page = await browser.NewPageAsync(360, locale);
        await SignInAsDemoAsync(page, "admin.dopa@demo.onestop.test");

        await page.GotoAsync("/Identity/Officers");
        await PageChecks.AssertTableStacksAsync(page, "#officers");
        await PageChecks.ScreenshotAsync(page, $"digitalid-officers-stacked-{locale}-360");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Identity/Account/Companies", "th-TH", 360, "ทำการแทนนิติบุคคล")]
    [InlineData("/Identity/Account/Companies", "en-GB", 1280, "Acting for companies")]
    [InlineData("/Identity/Account/Connections", "th-TH", 360, "แอปพลิเคชันที่เชื่อมต่อและการใช้งาน")]
    [InlineData("/Identity/Account/Connections", "en-GB", 1280, "Connected applications and sessions")]
    [InlineData("/Identity/Account/Password", "th-TH", 360, "เปลี่ยนรหัสผ่าน")]
    [InlineData("/Identity/Account/Password", "en-GB", 1280, "Change your password")]
    public async Task AccountPage_SignedInAsADirector_PassesAxeAndFitsTheScreen(string path, string locale, int width, string heading)
    {
        var page = await browser.NewPageAsync(width, locale);
        await SignInAsDemoAsync(page, "citizen1@demo.onestop.test");
        // A company the demo person directs, so that the director's part of the page shows too.
        await page.GotoAsync("/Identity/Account/Companies");
        await page.FillAsync("#juristicId", "0105999000016");
        await page.Locator("form[action*='handler=Claim'] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#company-0105999000016");

        await AssertPageAsync(page, path, heading, $"digitalid-{path.Split('/')[^1].ToLowerInvariant()}-{locale}-{width}");
    }

    private static async Task SignInAsDemoAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/SignIn");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", "Thai-Demo-2569");
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");
    }

    /// <summary>Opens the page, checks its heading, axe and fit, keeps a screenshot, and closes the browser context.</summary>
    private static async Task AssertPageAsync(IPage page, string path, string heading, string screenshot)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, screenshot);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("th-TH", 360)]
    [InlineData("en-GB", 1280)]
    public async Task Register_EmailOnly_IsIal1AndCanSignOutAndSignInAgain(string locale, int width)
    {
        var page = await browser.NewPageAsync(width, locale);
        var email = $"bt-{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/Identity/Account/Register");

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForAnswerAsync(page, "#check-mail");
        Assert.Contains(email, await page.InnerTextAsync("#check-mail"), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, $"digitalid-register-check-mail-{locale}-{width}");
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await Registration.ConfirmAsync(page, browser.App, email, Password, $"{locale}-{width}");

        Assert.Contains(locale == "th-TH" ? "ยังไม่ได้ยืนยันตัวตนด้วยบัตรประชาชน" : "Not yet proved with your ID card", await page.InnerTextAsync("#ial"), StringComparison.Ordinal);
        Assert.Contains(locale == "th-TH" ? "ขั้นเดียว" : "one step", await page.InnerTextAsync("#aal"), StringComparison.Ordinal);
        Assert.Contains(email, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, $"digitalid-account-ial1-{locale}-{width}");
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        var signOut = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("main form[action='/signout'] button[type=submit]"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/signout");
        Assert.True(signOut.Status == 302, $"signing out answered {signOut.Status}, not a redirect");
        await PageChecks.WaitForPathAsync(page, "/");
        var afterSignOut = await page.GotoAsync("/Identity/Account");
        Assert.Equal(200, afterSignOut!.Status);
        Assert.Equal("/Identity/Account/SignIn", new Uri(page.Url).AbsolutePath);
        Assert.Equal(0, await page.Locator("#ial").CountAsync());

        await page.GotoAsync("/Identity/Account/SignIn");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");

        Assert.Contains(locale == "th-TH" ? "ยังไม่ได้ยืนยันตัวตนด้วยบัตรประชาชน" : "Not yet proved with your ID card", await page.InnerTextAsync("#ial"), StringComparison.Ordinal);
        Assert.Contains(email, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("th-TH", 360, "แอปยืนยันตัวตน", "เปิดการยืนยันตัวตนสองขั้น", "ดำเนินการต่อ", "สองขั้น")]
    [InlineData("en-GB", 1280, "Authenticator app", "Turn on two-step sign-in", "Continue", "two-step")]
    public async Task Authenticator_EnrolThenSignInAgain_AsksForTheNextCodeAndIsAal2(string locale, int width, string heading, string turnOn, string continueText, string twoStep)
    {
        var page = await browser.NewPageAsync(width, locale);
        var email = $"bt-totp-{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/Identity/Account/Register");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await Registration.ConfirmAsync(page, browser.App, email, Password);

        // Setting up the app: a QR code to scan and the same key to type, in groups of four.
        var response = await page.GotoAsync("/Identity/Account/Authenticator");
        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        Assert.Equal(1, await page.Locator(".qr svg").CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"digitalid-authenticator-{locale}-{width}");
        var key = (await page.InnerTextAsync("#secret-key")).Trim();
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        var totp = new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));

        // A code is accepted once per step: enrol with the current step, and sign in below with the next one.
        await page.FillAsync("#code", totp.ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = turnOn, Exact = true }).ClickAsync();
        await PageChecks.WaitForAnswerAsync(page, "ul#recovery-codes, .error-summary");
        var errors = page.Locator(".error-summary");
        Assert.True(await errors.CountAsync() == 0, $"enrolment refused the code: {(await errors.CountAsync() > 0 ? await errors.First.InnerTextAsync() : "")}");
        var recoveryCodes = await page.Locator("ul#recovery-codes li code").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"digitalid-authenticator-recovery-codes-{locale}-{width}");

        // Having just given both factors, this sign-in is already two-step.
        await page.GetByRole(AriaRole.Link, new() { Name = continueText, Exact = true }).ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");
        Assert.Contains(locale == "th-TH" ? "สองขั้น" : "two steps", await page.InnerTextAsync("#aal"), StringComparison.Ordinal);
        Assert.Contains(twoStep, await page.InnerTextAsync("#two-step"), StringComparison.Ordinal);

        await page.ClickAsync("main form[action='/signout'] button[type=submit]");
        await PageChecks.WaitForPathAsync(page, "/");

        // The password alone is not enough any more: the second step asks for the app's code.
        await page.GotoAsync("/Identity/Account/SignIn");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForPathAsync(page, "/Identity/Account/SecondFactor");
        Assert.Equal(0, await page.Locator("#aal").CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"digitalid-secondfactor-{locale}-{width}");

        await page.FillAsync("#code", totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");

        Assert.Contains(locale == "th-TH" ? "สองขั้น" : "two steps", await page.InnerTextAsync("#aal"), StringComparison.Ordinal);
        Assert.Contains(twoStep, await page.InnerTextAsync("#two-step"), StringComparison.Ordinal);
        Assert.Contains(email, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, $"digitalid-account-aal2-{locale}-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("th-TH", 360, "2999912345671")]
    [InlineData("en-GB", 1280, "3999904567898")]
    public async Task Register_WithTheIdCard_IsIal2WithTheRegistryName(string locale, int width, string citizenId)
    {
        var citizen = DocumentedCitizen(citizenId);
        var page = await browser.NewPageAsync(width, locale);
        await page.GotoAsync("/Identity/Account/Register");

        var email = $"bt-{Guid.NewGuid():N}@example.test";
        await FillRegistrationAsync(page, email, citizen, citizen.IdCard!.LaserCode);
        await page.ClickAsync("form.stack button[type=submit]");
        await Registration.ConfirmAsync(page, browser.App, email, Password);

        Assert.Contains(locale == "th-TH" ? "ยืนยันตัวตนด้วยบัตรประชาชนแล้ว" : "Proved with your ID card", await page.InnerTextAsync("#ial"), StringComparison.Ordinal);
        var main = await page.InnerTextAsync("main");
        Assert.Contains($"{citizen.GivenNameTh} {citizen.FamilyNameTh}", main, StringComparison.Ordinal);
        Assert.DoesNotContain(citizenId, main, StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, $"digitalid-account-ial2-{locale}-{width}");
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("th-TH", 360, "3999900000109", "ข้อมูลไม่ตรงกับบัตรประชาชนในทะเบียนราษฎร")]
    [InlineData("en-GB", 1280, "5999900007771", "The details do not match an ID card")]
    public async Task Register_WrongLaserCode_ShowsAnErrorThatDoesNotNameTheField(string locale, int width, string citizenId, string message)
    {
        var citizen = DocumentedCitizen(citizenId);
        var laser = citizen.IdCard!.LaserCode;
        // Still a well-formed laser code (2 letters, 10 digits), so that only the registry can refuse it.
        var wrongLaser = laser[..^1] + ((laser[^1] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);
        var email = $"bt-{Guid.NewGuid():N}@example.test";
        var page = await browser.NewPageAsync(width, locale);
        await page.GotoAsync("/Identity/Account/Register");

        await FillRegistrationAsync(page, email, citizen, wrongLaser);
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForAnswerAsync(page, ".error-summary[role=alert]");

        Assert.EndsWith("/Identity/Account/Register", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var summary = page.Locator(".error-summary[role=alert]");
        Assert.Equal(1, await summary.CountAsync());
        var text = await summary.InnerTextAsync();
        Assert.Contains(message, text, StringComparison.Ordinal);
        // Never which field: no link to one, and no field named.
        Assert.Equal(0, await summary.Locator("a").CountAsync());
        foreach (var field in new[] { "laser", "รหัสหลังบัตร", "birth", "วันเกิด", "first name", "last name", "นามสกุล" })
        {
            Assert.DoesNotContain(field, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, await page.Locator("#ial").CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"digitalid-register-card-error-{locale}-{width}");

        // No account was opened: the e-mail address does not sign in.
        await page.GotoAsync("/Identity/Account/SignIn");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForAnswerAsync(page, ".error-summary[role=alert]");
        Assert.Equal("/Identity/Account/SignIn", new Uri(page.Url).AbsolutePath);
        Assert.Equal(1, await page.Locator(".error-summary[role=alert]").CountAsync());
        await page.Context.CloseAsync();
    }

    private static SyntheticCitizen DocumentedCitizen(string citizenId)
    {
        var index = SyntheticDataGenerator.DocumentedCitizenIds.ToList().IndexOf(citizenId);
        Assert.True(index >= 3, $"{citizenId} is a documented citizen without a demo account");
        var citizen = Documented.Single(c => c.CitizenId.Value == citizenId);
        Assert.Equal(LifeStatus.Alive, citizen.Status);
        Assert.NotNull(citizen.IdCard);
        return citizen;
    }

    private static async Task FillRegistrationAsync(IPage page, string email, SyntheticCitizen citizen, string laser)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#citizenId", citizen.CitizenId.Value);
        await page.FillAsync("#firstName", citizen.GivenNameTh);
        await page.FillAsync("#lastName", citizen.FamilyNameTh);
        await page.FillAsync("#birthDayInput", citizen.BirthDate.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#birthMonth", citizen.BirthDate.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#birthYear", (citizen.BirthDate.Year + 543).ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#laser", laser);
    }
}
