using System.Diagnostics;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Conformance;

/// <summary>The app on a real socket, for relying parties that are separate programs.</summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory() => UseKestrel(0);
}

/// <summary>
/// openid-client, an OpenID-certified relying party from npm, runs against the app on a real socket:
/// discovery, PAR with code + PKCE, ID-token validation, UserInfo, refresh rotation and reuse, client
/// credentials (tests/conformance/rp.mjs). Needs Node and <c>npm ci --prefix tests/conformance</c>;
/// without them the test is skipped with the reason, except under CI, where that is a failure.
/// </summary>
public sealed class OpenIdClientTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task OpenIdClient_AllFlows_Pass()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "conformance");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "openid-client")))
        {
            var reason = $"openid-client is not installed: run `npm ci --prefix tests/conformance` (Node {(NodeExists() ? "found" : "missing")}).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason + " The conformance test may not be skipped in CI.");
            }

            Assert.Skip(reason);
        }

        app.StartServer();
        var issuer = app.ClientOptions.BaseAddress.ToString();
        using var node = Process.Start(new ProcessStartInfo("node", ["rp.mjs", issuer])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await node.WaitForExitAsync(timeout.Token);

        var log = await output + await errors;
        Assert.True(node.ExitCode == 0, log);
        foreach (var step in new[] { "discovery", "par", "authorization", "token", "userinfo", "refresh", "client_credentials" })
        {
            Assert.Contains($"ok {step}", log, StringComparison.Ordinal);
        }
    }

    private static bool NodeExists()
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(p => File.Exists(Path.Combine(p, "node")));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OneStop.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
