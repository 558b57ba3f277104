namespace OneStop.BrowserTests;

/// <summary>A person who forgot their password gets a link by e-mail, chooses a new one, and signs in with it.</summary>
public sealed class PasswordResetPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("th-TH", 360, "citizen1@demo.onestop.test", "ลืมรหัสผ่าน?")]
    [InlineData("en-GB", 1280, "citizen2@demo.onestop.test", "Forgot your password?")]
    public async Task ForgotPassword_LinkByEmail_NewPassword_SignsIn(string locale, int width, string email, string forgot)
    {
        const string newPassword = "ข้าวเหนียวมะม่วง 2569";
        var page = await browser.NewPageAsync(width, locale);

        await page.GotoAsync("/Identity/Account/SignIn");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = forgot, Exact = true }).ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account/ForgotPassword");
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await page.FillAsync("#login", email);
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#sent");
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        await browser.App.DispatchOutboxAsync();
        var (_, link) = browser.App.Mail.SingleLinkTo(email, "/Identity/Account/ResetPassword");
        await page.GotoAsync(link.PathAndQuery);
        await PageChecks.AssertAccessibleAndFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"digitalid-reset-password-{locale}-{width}");
        await page.FillAsync("#newPassword", newPassword);
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#done");
        await PageChecks.AssertAccessibleAndFitsAsync(page);

        await page.Locator("main a.button").ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account/SignIn");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", newPassword);
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");
        await page.Context.CloseAsync();
    }
}
