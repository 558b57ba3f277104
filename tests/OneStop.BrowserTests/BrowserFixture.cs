using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests;

/// <summary>
/// The app on a real Kestrel socket and Debian's headless Chromium (no browser download).
/// Without Chromium the tests are skipped with the reason, except under CI (CI=true), where that is a failure.
/// </summary>
public abstract class BrowserFixtureBase(BrowserAppFactory app) : IAsyncLifetime
{
    private IPlaywright? playwright;

    public BrowserAppFactory App { get; } = app;

    public IBrowser? Browser { get; private set; }

    public string? Unavailable { get; private set; }

    public Uri BaseAddress => App.ClientOptions.BaseAddress;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(Unavailable + " Browser tests may not be skipped in CI.");
            }

            return;
        }

        App.StartServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at the given viewport width.</summary>
    /// <summary>How long an action or navigation may take before a test fails.</summary>
    public const float SlowMachineTimeout = 90_000;

    public async Task<IPage> NewPageAsync(int width = 1280, string locale = "th-TH")
    {
        if (Browser is null)
        {
            Assert.Skip(Unavailable ?? "No browser.");
        }

        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 }, Locale = locale, BaseURL = BaseAddress.ToString() });
        // CI runs the browser beside other test projects on two cores: a page may take longer than Playwright's 30 s default.
        context.SetDefaultTimeout(SlowMachineTimeout);
        context.SetDefaultNavigationTimeout(SlowMachineTimeout);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app on a real socket on 127.0.0.1 with a free port; its mail goes to a test SMTP server.</summary>
public class BrowserAppFactory : AppFactory
{
    public BrowserAppFactory() => UseKestrel(0);

    protected override bool ReadsMail => true;
}

/// <summary>The app with its real sign-in: pages send people to the Digital ID, no test headers.</summary>
public sealed class RealSignInAppFactory : BrowserAppFactory
{
    protected override bool UsesTestSignIn => false;
}

/// <summary>A browser against the app whose requests tests sign in with headers (<see cref="TestAuthHandler"/>).</summary>
public sealed class BrowserFixture() : BrowserFixtureBase(new BrowserAppFactory());

/// <summary>A browser against the app with its real sign-in.</summary>
public sealed class RealSignInBrowserFixture() : BrowserFixtureBase(new RealSignInAppFactory());
