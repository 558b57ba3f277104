using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>The app with its real sign-in: the platform's pages are an OpenID Connect client of the Digital ID.</summary>
public sealed class PlatformSignInAppFactory : AppFactory
{
    protected override bool UsesTestSignIn => false;
}

/// <summary>
/// The platform's own pages sign people in through the Digital ID as an ordinary OpenID Connect client:
/// a page that needs a person sends the browser to /connect/authorize (code, PKCE, same-origin callback),
/// the callback redeems the code, and the session carries the ID token's claims (pid, role).
/// </summary>
public sealed partial class PlatformSignInTests(PlatformSignInAppFactory app) : IClassFixture<PlatformSignInAppFactory>
{
    [Fact]
    public async Task APageForCitizens_SendsThePersonToTheDigitalId_AndBackSignedIn()
    {
        var dance = new OidcDance(app);

        var challenge = await dance.Browser.GetAsync("/Exchange/MyData");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Equal("/connect/authorize", authorize.AbsolutePath);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("onestop-platform", query["client_id"].ToString());
        Assert.Equal("http://localhost/signin-oidc", query["redirect_uri"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal("code", query["response_type"].ToString());

        var signInPage = await dance.FollowAsync(authorize.PathAndQuery);
        Assert.Equal("/Identity/Account/SignIn", signInPage.RequestMessage!.RequestUri!.AbsolutePath);
        var landed = await dance.SignInAndAllowAsync(signInPage);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/Exchange/MyData", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await landed.Content.ReadAsStringAsync();
        Assert.Contains("ใครอ่านข้อมูลของฉัน", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/signout\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/%09/evil.example/")]
    [InlineData("/%5Cevil.example/")]
    [InlineData("/%2F%2Fevil.example/")]
    public async Task AReturnUrlThatBrowsersReadAsAnotherSite_EndsOnTheHomePage(string returnUrl)
    {
        var dance = new OidcDance(app);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });

        var locations = new List<string>();
        var response = await dance.Browser.GetAsync("/signin?returnUrl=" + returnUrl);
        while (response.StatusCode == HttpStatusCode.Redirect && locations.Count < 10)
        {
            var location = response.Headers.Location!;
            locations.Add(location.OriginalString);
            response = await dance.Browser.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        Assert.Equal("/", locations[^1]);
        Assert.DoesNotContain(locations, l => l.Contains("evil", StringComparison.Ordinal) && !l.StartsWith("/connect/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignedInToTheDigitalIdAlready_ThePlatformNeedsNoSecondPassword()
    {
        var dance = new OidcDance(app);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });

        var landed = await dance.FollowAsync("/Exchange/MyData");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/Exchange/MyData", landed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheDemoPlatformAdministrator_ReachesTheExchangeAdministration_ACitizenDoesNot()
    {
        var admin = new OidcDance(app);
        await admin.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = "admin@demo.onestop.test", ["Password"] = OidcDance.DemoPassword });
        var citizen = new OidcDance(app);
        await citizen.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });

        var adminPage = await admin.FollowAsync("/Exchange/Admin");
        var citizenPage = await citizen.FollowAsync("/Exchange/Admin");

        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("ศูนย์แลกเปลี่ยนข้อมูลภาครัฐ", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, citizenPage.StatusCode);
    }

    [Fact]
    public async Task AnApi_AnswersProblemDetails_NeverARedirect()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/exchange/my-data-reads");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SigningOut_EndsThePlatformSessionAndTheDigitalIds()
    {
        var dance = new OidcDance(app);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });
        var page = await (await dance.FollowAsync("/Exchange/MyData")).Content.ReadAsStringAsync();
        var signOutForm = page[page.IndexOf("action=\"/signout\"", StringComparison.Ordinal)..];

        var signedOut = await dance.PostAsync("/signout", OidcDance.FieldsOf(signOutForm));
        // On to the provider's end-session endpoint, as a browser would.
        Assert.Equal("/connect/endsession", signedOut.Headers.Location!.AbsolutePath);
        await dance.FollowAsync(signedOut.Headers.Location.PathAndQuery);

        var again = await dance.Browser.GetAsync("/Exchange/MyData");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/connect/authorize", again.Headers.Location!.AbsolutePath);
        var provider = await dance.FollowAsync(again.Headers.Location.PathAndQuery);
        Assert.Equal("/Identity/Account/SignIn", provider.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("main")] // My Digital ID's own button
    [InlineData("header")] // the header's button, shown on the Digital ID's pages too
    public async Task SigningOutOnMyDigitalId_EndsTheDigitalIdAndThePlatformSession(string where)
    {
        var dance = new OidcDance(app);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, (await dance.FollowAsync("/Exchange/MyData")).StatusCode);
        var page = await dance.Browser.GetStringAsync("/Identity/Account");
        var part = where == "main" ? page[page.IndexOf("<main", StringComparison.Ordinal)..] : page[..page.IndexOf("</header>", StringComparison.Ordinal)];
        var form = FormWithButton().Match(part);
        Assert.True(form.Success, $"no sign-out form in the page's {where}");

        var signedOut = await dance.Browser.PostAsync(form.Groups["action"].Value, new FormUrlEncodedContent(OidcDance.FieldsOf(form.Value)));
        Assert.True(signedOut.StatusCode == HttpStatusCode.Redirect, $"signing out answered {(int)signedOut.StatusCode}");
        var landed = await dance.FollowAsync(signedOut.Headers.Location!.OriginalString);
        Assert.Equal("/", landed.RequestMessage!.RequestUri!.AbsolutePath);

        // Neither session is left: the Digital ID asks for a sign-in, and so does a platform page.
        Assert.Equal("/Identity/Account/SignIn", (await dance.FollowAsync("/Identity/Account")).RequestMessage!.RequestUri!.AbsolutePath);
        var again = await dance.Browser.GetAsync("/Exchange/MyData");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/connect/authorize", again.Headers.Location!.AbsolutePath);
        Assert.Equal("/Identity/Account/SignIn", (await dance.FollowAsync(again.Headers.Location.PathAndQuery)).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*)\"[^>]*>(?:(?!</form>)[\\s\\S])*?(?:ออกจากระบบ|Sign out)(?:(?!</form>)[\\s\\S])*</form>")]
    private static partial Regex FormWithButton();

    [Fact]
    public async Task ThePlatformClient_RefusesACallbackOnAnotherSite()
    {
        var dance = new OidcDance(app);
        var parameters = dance.AuthorizeParameters("openid profile");
        parameters["client_id"] = "onestop-platform";
        parameters["redirect_uri"] = "https://onestop-login.example/signin-oidc";

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(parameters));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        // The same request with this site's own callback goes on to sign-in.
        parameters["redirect_uri"] = "http://localhost/signin-oidc";
        Assert.Equal("/Identity/Account/SignIn", (await dance.FollowAsync(OidcDance.AuthorizeUrl(parameters))).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AForgedCallback_GetsAClearPage_NotAnError()
    {
        var dance = new OidcDance(app);

        var response = await dance.FollowAsync("/signin-oidc?code=forged&state=forged");

        Assert.Equal("/Error/401", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Matches(new Regex("<h1>"), await response.Content.ReadAsStringAsync());
    }
}
