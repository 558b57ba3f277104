using System.Net;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>The person's connected applications: listed with the releases of their data, and revocable with their tokens.</summary>
public sealed class ConnectionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/Identity/Account/Connections";

    [Fact]
    public async Task Connections_AfterAllowingThePortal_ListItAndTheRelease()
    {
        var dance = new OidcDance(app);
        await dance.CodeAsync("openid profile pid");

        var html = await dance.Browser.GetStringAsync(Page);

        Assert.Contains("พอร์ทัลธุรกิจสาธิต", html, StringComparison.Ordinal); // the portal's Thai name
        Assert.Contains("id=\"releases\"", html, StringComparison.Ordinal);
        Assert.Contains("pid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_NameWhatEachApplicationMayHave_InWords_NotScopeNames()
    {
        var dance = new OidcDance(app);
        await dance.CodeAsync("openid profile pid");

        var html = await dance.Browser.GetStringAsync(Page);
        var connections = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("id=\"releases\"", StringComparison.Ordinal)];

        Assert.Contains("เลขประจำตัวประชาชน", connections, StringComparison.Ordinal);
        Assert.DoesNotContain("openid", connections, StringComparison.Ordinal);
        Assert.DoesNotContain("profile", connections, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ThePortal_EndsItsRefreshTokenAndAsksForConsentAgain()
    {
        var dance = new OidcDance(app);
        var (callback, _) = await dance.CodeAsync();
        var (_, tokens) = await dance.RedeemAsync(callback["code"]);
        var html = await dance.Browser.GetStringAsync(Page);
        var id = System.Text.RegularExpressions.Regex.Match(html, "name=\"id\" value=\"([^\"]+)\"").Groups[1].Value;

        var after = await dance.SubmitAsync(Page + "?handler=Revoke", new() { ["id"] = id });

        Assert.Contains("ยกเลิกการเข้าถึงแล้ว", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (status, error) = await dance.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()! });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        var again = await dance.FollowAsync(OidcDance.AuthorizeUrl(dance.AuthorizeParameters()));
        Assert.Equal("/Identity/Account/Consent", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Revoke_SomeoneElsesAuthorization_IsNotFound()
    {
        var owner = new OidcDance(app);
        await owner.CodeAsync();
        var html = await owner.Browser.GetStringAsync(Page);
        var id = System.Text.RegularExpressions.Regex.Match(html, "name=\"id\" value=\"([^\"]+)\"").Groups[1].Value;
        var other = new OidcDance(app);
        await other.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = "citizen3@demo.onestop.test", ["Password"] = OidcDance.DemoPassword });

        var response = await other.SubmitAsync(Page + "?handler=Revoke", new() { ["id"] = id });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(id, await owner.Browser.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutElsewhere_KeepsThisSessionAndItsAssurance()
    {
        var dance = new OidcDance(app);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });

        var response = await dance.SubmitAsync(Page + "?handler=SignOutElsewhere", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("รหัสผ่านอย่างเดียว (ขั้นเดียว)", await dance.Browser.GetStringAsync("/Identity/Account"), StringComparison.Ordinal);
    }
}
