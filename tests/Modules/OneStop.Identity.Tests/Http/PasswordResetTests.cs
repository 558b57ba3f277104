using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>The app with its e-mail going to a test SMTP server.</summary>
public sealed class MailAppFactory : AppFactory
{
    protected override bool ReadsMail => true;
}

/// <summary>
/// "Forgot your password?": a link by e-mail (real SMTP, through the outbox), single-use and for one
/// account; the same answer whether an account exists or not; the new password ends every session and token.
/// </summary>
public sealed partial class PasswordResetTests(MailAppFactory app) : IClassFixture<MailAppFactory>
{
    private const string Password = "แกงเขียวหวานไก่ 2569";
    private const string NewPassword = "ต้มข่าไก่ใส่เห็ด 2569";

    private async Task<string> AskForALinkAsync(string login)
    {
        var page = await (await new OidcDance(app).SubmitAsync("/Identity/Account/ForgotPassword", new() { ["Login"] = login })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"sent\"", page, StringComparison.Ordinal);
        await app.DispatchOutboxAsync();
        return page;
    }

    /// <summary>The link of the one message to <paramref name="email"/>, as a path and query of this site.</summary>
    private string LinkSentTo(string email)
    {
        var (message, link) = app.Mail.SingleLinkTo(email, "/Identity/Account/ResetPassword");
        Assert.Contains("Reset your Digital ID password", message.Subject, StringComparison.Ordinal);
        return link.PathAndQuery;
    }

    private static async Task<string> SignInLandsOnAsync(MailAppFactory app, string email, string password)
        => (await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = password })).RequestMessage!.RequestUri!.AbsolutePath;

    [Fact]
    public async Task TheLinkSetsANewPassword_Once()
    {
        var (signedIn, email) = await OidcDance.RegisterAsync(app, "reset", Password);

        await AskForALinkAsync(email);
        var link = LinkSentTo(email);
        var browser = new OidcDance(app);
        var form = await browser.Browser.GetAsync(link);
        Assert.Equal("no-referrer", form.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("id=\"newPassword\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await (await browser.SubmitAsync(link, new() { ["NewPassword"] = NewPassword })).Content.ReadAsStringAsync();

        Assert.Contains("id=\"done\"", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.Browser.GetAsync("/Identity/Account")).StatusCode); // signed out at once
        Assert.Equal("/Identity/Account", await SignInLandsOnAsync(app, email, NewPassword));
        Assert.Equal("/Identity/Account/SignIn", await SignInLandsOnAsync(app, email, Password));
        var again = await (await new OidcDance(app).Browser.GetAsync(link)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"link-dead\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"newPassword\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByCitizenId_TheLinkGoesToTheAccountsEmail()
    {
        await AskForALinkAsync(OidcDance.DemoCitizenId);

        Assert.NotEmpty(app.Mail.To(OidcDance.DemoEmail));
    }

    [Fact]
    public async Task AnUnknownLogin_GetsTheSameAnswer_AndNothingIsSent()
    {
        var (_, known) = await OidcDance.RegisterAsync(app, "reset-known", Password);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.test";

        var forUnknown = await AskForALinkAsync(unknown);
        var forKnown = await AskForALinkAsync(known);

        Assert.Empty(app.Mail.To(unknown));
        Assert.Single(app.Mail.To(known));
        Assert.Equal(Sent().Match(forKnown).Value, Sent().Match(forUnknown).Value);
    }

    [Fact]
    public async Task AForgedHostHeader_DoesNotChangeWhereTheLinkPoints()
    {
        var (_, email) = await OidcDance.RegisterAsync(app, "reset-host", Password);
        var attacker = new OidcDance(app);
        attacker.Browser.DefaultRequestHeaders.Host = "evil.example";

        await attacker.SubmitAsync("/Identity/Account/ForgotPassword", new() { ["Login"] = email });
        await app.DispatchOutboxAsync();

        var (_, link) = app.Mail.SingleLinkTo(email, "/Identity/Account/ResetPassword");
        Assert.Equal(SharedKernel.Hosting.PublicOrigin.DevelopmentDefault, link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task AskingAgainAtOnce_SendsOneLink()
    {
        var (_, email) = await OidcDance.RegisterAsync(app, "reset-twice", Password);

        await AskForALinkAsync(email);
        await AskForALinkAsync(email);
        await AskForALinkAsync(email.ToUpperInvariant());

        Assert.Single(app.Mail.To(email));
    }

    [Fact]
    public async Task AnAlteredLink_OrALinkForAnotherAccount_DoesNothing()
    {
        var (_, first) = await OidcDance.RegisterAsync(app, "reset-a", Password);
        var (_, second) = await OidcDance.RegisterAsync(app, "reset-b", Password);
        await AskForALinkAsync(first);
        await AskForALinkAsync(second);
        var link = LinkSentTo(first);
        var secondId = Regex.Match(LinkSentTo(second), "account=([0-9a-f-]+)").Groups[1].Value;

        var altered = Regex.Replace(link, "code=([^&]{9})(.)", m => $"code={m.Groups[1].Value}{(m.Groups[2].Value == "A" ? "B" : "A")}");
        Assert.NotEqual(link, altered);
        var foreign = Regex.Replace(link, "account=[0-9a-f-]+", "account=" + secondId);
        var garbage = "/Identity/Account/ResetPassword?account=not-a-guid&code=x";

        foreach (var url in new[] { altered, foreign, garbage, "/Identity/Account/ResetPassword" })
        {
            var response = await new OidcDance(app).Browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"link-dead\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The form of a good link, its hidden account changed to another's.
        var browser = new OidcDance(app);
        var page = await browser.Browser.GetStringAsync(link);
        var fields = OidcDance.FieldsOf(page[page.LastIndexOf("<form", StringComparison.Ordinal)..]);
        fields["account"] = secondId;
        fields["NewPassword"] = NewPassword;
        var posted = await browser.PostAsync(link, fields);
        Assert.Contains("id=\"link-dead\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Identity/Account", await SignInLandsOnAsync(app, second, Password));
    }

    [Fact]
    public async Task AWeakPassword_IsRefused_AndTheLinkStillWorks()
    {
        var (_, email) = await OidcDance.RegisterAsync(app, "reset-weak", Password);
        await AskForALinkAsync(email);
        var link = LinkSentTo(email);
        var browser = new OidcDance(app);

        var weak = await (await browser.SubmitAsync(link, new() { ["NewPassword"] = "1234567890" })).Content.ReadAsStringAsync();
        Assert.Contains("href=\"#newPassword\"", weak, StringComparison.Ordinal);

        var done = await (await browser.SubmitAsync(link, new() { ["NewPassword"] = NewPassword })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"done\"", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNewPassword_EndsALockout_AndRevokesTheApplicationsTokens()
    {
        var (dance, email) = await OidcDance.RegisterAsync(app, "reset-tokens", Password);
        var (callback, _) = await dance.CodeAsync();
        var (status, tokens) = await dance.RedeemAsync(callback["code"]);
        Assert.Equal(HttpStatusCode.OK, status);
        for (var i = 0; i < 5; i++)
        {
            await SignInLandsOnAsync(app, email, "not the password at all");
        }

        Assert.Equal("/Identity/Account/SignIn", await SignInLandsOnAsync(app, email, Password)); // locked out

        await AskForALinkAsync(email);
        var link = LinkSentTo(email);
        await new OidcDance(app).SubmitAsync(link, new() { ["NewPassword"] = NewPassword });

        Assert.Equal("/Identity/Account", await SignInLandsOnAsync(app, email, NewPassword));
        var (refreshStatus, refreshed) = await dance.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()! });
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        Assert.Equal("invalid_grant", refreshed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnEmptyLogin_NamesTheField()
    {
        var page = await (await new OidcDance(app).SubmitAsync("/Identity/Account/ForgotPassword", new() { ["Login"] = "  " })).Content.ReadAsStringAsync();

        Assert.Contains("href=\"#login\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sent\"", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<p class=\"notice\" role=\"status\" id=\"sent\">[^<]*</p>")]
    private static partial Regex Sent();
}
