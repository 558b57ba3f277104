using Microsoft.Playwright;

namespace OneStop.BrowserTests;

/// <summary>The second half of registering: the link from the mail, and the password that confirms it.</summary>
internal static class Registration
{
    public static async Task ConfirmAsync(IPage page, BrowserAppFactory app, string email, string password, string? screenshotSuffix = null)
    {
        await PageChecks.WaitForAnswerAsync(page, "#check-mail");
        await app.DispatchOutboxAsync();
        var (_, link) = app.Mail.SingleLinkTo(email, "/Identity/Account/ConfirmEmail");
        await page.GotoAsync(link.PathAndQuery);
        if (screenshotSuffix is not null)
        {
            await PageChecks.AssertAccessibleAndFitsAsync(page);
            await PageChecks.ScreenshotAsync(page, "digitalid-confirm-email-" + screenshotSuffix);
        }

        await page.FillAsync("#password", password);
        await page.ClickAsync("form.stack button[type=submit]");
        await PageChecks.WaitForPathAsync(page, "/Identity/Account");
    }
}
