using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;
using OtpNet;

namespace OneStop.Identity.Tests.Http;

/// <summary>Authenticator apps: enrolment, two-step sign-in (AAL2), recovery codes, replay, and step-up for a client that demands AAL2.</summary>
public sealed partial class TwoStepTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "ต้มยำกุ้งน้ำข้น 2569";

    private Task<(OidcDance Dance, string Email)> RegisteredAsync() => OidcDance.RegisterAsync(app, "totp", Password);

    /// <summary>Reads the secret key from the enrolment page and turns two-step sign-in on; returns the key and the recovery codes.</summary>
    private static async Task<(Totp Totp, List<string> RecoveryCodes)> EnrolAsync(OidcDance dance, string page = "/Identity/Account/Authenticator")
    {
        var html = await dance.Browser.GetStringAsync(page);
        var key = SecretKey().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var enabled = await dance.SubmitAsync(page, new() { ["Code"] = totp.ComputeTotp(DateTime.UtcNow) });
        var body = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("id=\"recovery-codes\"", body, StringComparison.Ordinal);
        return (totp, [.. RecoveryCode().Matches(body).Select(m => m.Groups[1].Value)]);
    }

    private static async Task SignOutAsync(OidcDance dance)
        => await dance.SignOutAsync();

    [Fact]
    public async Task Enrol_WithTheAppsCode_TurnsTwoStepOnAndShowsTenRecoveryCodes()
    {
        var (dance, _) = await RegisteredAsync();

        var (_, codes) = await EnrolAsync(dance);

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("รหัสผ่านและรหัสจากแอป (สองขั้น)", await dance.Browser.GetStringAsync("/Identity/Account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_WithAWrongCode_SaysSoAndStaysOff()
    {
        var (dance, _) = await RegisteredAsync();

        var body = await (await dance.SubmitAsync("/Identity/Account/Authenticator", new() { ["Code"] = "000000" })).Content.ReadAsStringAsync();

        Assert.Contains("รหัสไม่ถูกต้อง", body, StringComparison.Ordinal);
        Assert.Contains("รหัสผ่านอย่างเดียว", await dance.Browser.GetStringAsync("/Identity/Account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTwoStepOn_AsksForTheCodeAndThenIsAal2()
    {
        var (dance, email) = await RegisteredAsync();
        var (totp, _) = await EnrolAsync(dance);
        await SignOutAsync(dance);

        var second = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });
        Assert.Equal("/Identity/Account/SecondFactor", second.RequestMessage!.RequestUri!.AbsolutePath);
        // The enrolment used the current step; an app shows the next one thirty seconds later.
        var done = await dance.SubmitAsync(second.RequestMessage.RequestUri.PathAndQuery, new() { ["Code"] = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)) });

        Assert.Equal("/Identity/Account", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("รหัสผ่านและรหัสจากแอป (สองขั้น)", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondFactor_ACodeAlreadyUsed_IsRefused()
    {
        var (dance, email) = await RegisteredAsync();
        var html = await dance.Browser.GetStringAsync("/Identity/Account/Authenticator");
        var totp = new Totp(Base32Encoding.ToBytes(SecretKey().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));
        var code = totp.ComputeTotp(DateTime.UtcNow);
        await dance.SubmitAsync("/Identity/Account/Authenticator", new() { ["Code"] = code });
        await SignOutAsync(dance);

        var second = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });
        var replay = await dance.SubmitAsync(second.RequestMessage!.RequestUri!.PathAndQuery, new() { ["Code"] = code });

        Assert.Equal("/Identity/Account/SecondFactor", replay.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("รหัสไม่ถูกต้องหรือใช้ไปแล้ว", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondFactor_ARecoveryCode_WorksOnce()
    {
        var (dance, email) = await RegisteredAsync();
        var (_, codes) = await EnrolAsync(dance);
        await SignOutAsync(dance);

        var second = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });
        var done = await dance.SubmitAsync(second.RequestMessage!.RequestUri!.PathAndQuery, new() { ["Code"] = codes[0] });
        Assert.Equal("/Identity/Account", done.RequestMessage!.RequestUri!.AbsolutePath);
        await SignOutAsync(dance);

        second = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });
        var again = await dance.SubmitAsync(second.RequestMessage!.RequestUri!.PathAndQuery, new() { ["Code"] = codes[0] });
        Assert.Equal("/Identity/Account/SecondFactor", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Authorize_DemandingAal2_LeadsAPasswordOnlyPersonThroughEnrolmentToAnAal2IdToken()
    {
        var (dance, _) = await RegisteredAsync();
        var parameters = dance.AuthorizeParameters("openid", acr: "urn:onestop:aal:2");

        // Signed in with a password only: the provider asks for two steps, and the person sets them up.
        var response = await dance.FollowAsync(OidcDance.AuthorizeUrl(parameters));
        Assert.Equal("/Identity/Account/Authenticator", response.RequestMessage!.RequestUri!.AbsolutePath);
        var (_, _) = await EnrolAsync(dance, response.RequestMessage.RequestUri.PathAndQuery);

        response = await dance.FollowAsync(OidcDance.AuthorizeUrl(parameters));
        if (response.RequestMessage!.RequestUri!.AbsolutePath == "/Identity/Account/Consent")
        {
            response = await dance.SubmitAsync(response.RequestMessage.RequestUri.PathAndQuery, new() { ["decision"] = "allow" });
        }

        var (status, tokens) = await dance.RedeemAsync(OidcDance.CallbackOf(response)["code"]);
        Assert.Equal(HttpStatusCode.OK, status);
        var claims = OidcDance.Payload(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal("urn:onestop:aal:2", claims.GetProperty("acr").GetString());
        Assert.Equal(["pwd", "otp"], claims.GetProperty("amr").EnumerateArray().Select(a => a.GetString()));
    }

    [GeneratedRegex("<code id=\"secret-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SecretKey();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

/// <summary>The sign-in and registration forms are rate limited per client address.</summary>
public sealed class FormRateLimitTests(FormRateLimitTests.LimitedApp app) : IClassFixture<FormRateLimitTests.LimitedApp>
{
    public sealed class LimitedApp : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Identity:FormPostsPerMinute"] = "3" };
    }

    [Fact]
    public async Task SignIn_MorePostsThanTheLimit_Gets429ButPagesStillLoad()
    {
        var dance = new OidcDance(app);
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = "nobody@example.test", ["Password"] = "wrong password " + i }));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.Contains("ลองหลายครั้งเกินไป", await responses[^1].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await dance.Browser.GetAsync("/Identity/Account/SignIn")).StatusCode);
    }
}
