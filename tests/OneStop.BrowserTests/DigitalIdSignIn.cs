namespace OneStop.BrowserTests;

/// <summary>Signing in to the platform the way people do: through the Digital ID's own sign-in page.</summary>
internal static class DigitalIdSignIn
{
    /// <summary>On the Digital ID's sign-in page the platform sent the browser to: sign in, and wait to be back.</summary>
    public static async Task SignInAsync(Microsoft.Playwright.IPage page, string login, string then)
    {
        // Every response the browser saw, so that a failure says where the round trip stopped.
        var trail = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Response += (_, r) => trail.Enqueue($"{r.Status} {r.Request.Method} {Shorten(new Uri(r.Url).PathAndQuery)}");
        page.RequestFailed += (_, r) => trail.Enqueue($"failed {r.Method} {Shorten(new Uri(r.Url).PathAndQuery)}: {r.Failure}");
        try
        {
            // The first sign-in of a fresh app reads the provider's metadata and keys and compiles the whole
            // OpenID Connect path; on a loaded two-core CI machine that once took longer than 30 seconds.
            const float firstTime = 120_000;
            await PageChecks.WaitForPathAsync(page, "/Identity/Account/SignIn", firstTime);
            await page.FillAsync("#login", login);
            await page.FillAsync("#password", "Thai-Demo-2569");
            await page.Locator("form.stack button[type=submit]").ClickAsync();
            await PageChecks.WaitForPathAsync(page, then, firstTime);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The sign-in stopped at {page.Url}. Responses: {string.Join(" | ", trail)}", e);
        }
    }

    private static string Shorten(string pathAndQuery) => pathAndQuery.Length <= 90 ? pathAndQuery : pathAndQuery[..90] + "…";
}
