using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Data;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>A person signs in to a third-party portal: code + PKCE (and PAR), consent, tokens, UserInfo, refresh.</summary>
public sealed class CodeFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task CodeFlow_DemoPerson_GetsAnEs256IdTokenWithAcrAmrPidAndVerifiedClaims()
    {
        var dance = new OidcDance(app);
        var (callback, request) = await dance.CodeAsync();

        Assert.Equal(request["state"], callback["state"]);
        Assert.EndsWith("localhost/", callback["iss"], StringComparison.Ordinal);
        var (status, tokens) = await dance.RedeemAsync(callback["code"]);
        Assert.Equal(HttpStatusCode.OK, status);
        var idToken = tokens.GetProperty("id_token").GetString()!;
        Assert.Equal("ES256", OidcDance.Header(idToken).GetProperty("alg").GetString());
        var claims = OidcDance.Payload(idToken);
        Assert.Equal(request["nonce"], claims.GetProperty("nonce").GetString());
        Assert.Equal("urn:onestop:aal:1", claims.GetProperty("acr").GetString());
        var accessToken = OidcDance.Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Contains("onestop-userinfo", accessToken.GetProperty("aud").ToString(), StringComparison.Ordinal); // RFC 9068 2.2
        Assert.Equal("at+jwt", OidcDance.Header(tokens.GetProperty("access_token").GetString()!).GetProperty("typ").GetString());
        Assert.Equal(["pwd"], claims.GetProperty("amr").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(OidcDance.DemoCitizenId, claims.GetProperty("pid").GetString());
        Assert.True(claims.TryGetProperty("auth_time", out _));
        var verification = claims.GetProperty("verified_claims").GetProperty("verification");
        Assert.Equal("nist_800_63A", verification.GetProperty("trust_framework").GetString());
        Assert.Equal("ial2", verification.GetProperty("assurance_level").GetString());
        Assert.Equal(OidcDance.DemoCitizenId, claims.GetProperty("verified_claims").GetProperty("claims").GetProperty("pid").GetString());
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        // Personal data stays out of the access token.
        Assert.False(OidcDance.Payload(tokens.GetProperty("access_token").GetString()!).TryGetProperty("pid", out _));
    }

    [Fact]
    public async Task UserInfo_WithTheAccessToken_AnswersTheScopesClaimsAndRecordsTheRelease()
    {
        var dance = new OidcDance(app);
        var (callback, _) = await dance.CodeAsync("openid profile pid");
        var (_, tokens) = await dance.RedeemAsync(callback["code"]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var response = await dance.Backchannel.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(OidcDance.DemoCitizenId, info.GetProperty("pid").GetString());
        Assert.False(string.IsNullOrEmpty(info.GetProperty("given_name").GetString()));
        Assert.False(info.TryGetProperty("email", out _)); // the email scope was not asked for
        var released = await app.WithScopeAsync(sp => sp.GetRequiredService<DigitalIdDbContext>().ClaimReleases
            .Where(r => r.ClientId == OidcDance.Portal && r.Channel == "userinfo").Select(r => r.Claims).ToListAsync());
        Assert.Contains(released, c => c.Contains("pid", StringComparison.Ordinal) && c.Contains("given_name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Code_UsedTwice_IsInvalidGrantTheSecondTime()
    {
        var dance = new OidcDance(app);
        var (callback, _) = await dance.CodeAsync();

        Assert.Equal(HttpStatusCode.OK, (await dance.RedeemAsync(callback["code"])).Status);
        var (status, body) = await dance.RedeemAsync(callback["code"]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Code_WithTheWrongVerifier_IsInvalidGrant()
    {
        var dance = new OidcDance(app);
        var (callback, _) = await dance.CodeAsync();

        var (status, body) = await dance.RedeemAsync(callback["code"], verifier: OidcDance.Base64Url(new byte[32]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("plain")]
    public async Task Authorize_WithoutS256Pkce_IsRefusedAndNoCodeIsIssued(string? method)
    {
        var dance = new OidcDance(app);
        var parameters = dance.AuthorizeParameters();
        if (method is null)
        {
            parameters.Remove("code_challenge");
            parameters.Remove("code_challenge_method");
        }
        else
        {
            parameters["code_challenge"] = dance.Verifier;
            parameters["code_challenge_method"] = method;
        }

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(parameters));

        // OpenIddict checks the PKCE parameters before it trusts the redirect URI, so it answers the
        // person with an error page rather than redirecting to the client.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_WithARedirectUriNotRegisteredExactly_NeverRedirectsThere()
    {
        var dance = new OidcDance(app);
        var parameters = dance.AuthorizeParameters();
        parameters["redirect_uri"] = OidcDance.Redirect + "/extra";

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(parameters));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Refresh_RotatesAndASecondUseRevokesTheWholeGrant()
    {
        var dance = new OidcDance(app);
        var (callback, _) = await dance.CodeAsync();
        var (_, tokens) = await dance.RedeemAsync(callback["code"]);
        var first = tokens.GetProperty("refresh_token").GetString()!;

        var (status, rotated) = await dance.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = first });
        Assert.Equal(HttpStatusCode.OK, status);
        var second = rotated.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);

        var (reuseStatus, reuse) = await dance.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = first });
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal("invalid_grant", reuse.GetProperty("error").GetString());

        // Reuse means the token leaked: the rotated one dies with it.
        var (afterStatus, after) = await dance.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = second });
        Assert.Equal(HttpStatusCode.BadRequest, afterStatus);
        Assert.Equal("invalid_grant", after.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AReplayedRefreshToken_RevokesItsOwnChain_NotThePersonsOtherDevices()
    {
        var phone = new OidcDance(app);
        var laptop = new OidcDance(app);
        var (phoneCallback, _) = await phone.CodeAsync();
        var (laptopCallback, _) = await laptop.CodeAsync();
        var phoneRefresh = (await phone.RedeemAsync(phoneCallback["code"])).Body.GetProperty("refresh_token").GetString()!;
        var laptopRefresh = (await laptop.RedeemAsync(laptopCallback["code"])).Body.GetProperty("refresh_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await phone.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = phoneRefresh })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = phoneRefresh })).Status);

        var (laptopStatus, _) = await laptop.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = laptopRefresh });
        Assert.Equal(HttpStatusCode.OK, laptopStatus);
    }

    [Fact]
    public async Task AReplayedCode_RevokesItsOwnChain_NotThePersonsOtherDevices()
    {
        var phone = new OidcDance(app);
        var laptop = new OidcDance(app);
        var (phoneCallback, _) = await phone.CodeAsync();
        var (laptopCallback, _) = await laptop.CodeAsync();
        var laptopRefresh = (await laptop.RedeemAsync(laptopCallback["code"])).Body.GetProperty("refresh_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await phone.RedeemAsync(phoneCallback["code"])).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.RedeemAsync(phoneCallback["code"])).Status);

        var (laptopStatus, _) = await laptop.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = laptopRefresh });
        Assert.Equal(HttpStatusCode.OK, laptopStatus);
    }

    [Fact]
    public async Task PushedAuthorizationRequest_ThenAuthorizeWithItsUri_CompletesTheFlow()
    {
        var dance = new OidcDance(app);
        var parameters = dance.AuthorizeParameters();
        using var par = new HttpRequestMessage(HttpMethod.Post, "/connect/par") { Content = new FormUrlEncodedContent(parameters) };
        par.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OidcDance.Portal}:{OidcDance.PortalSecret}")));
        var parResponse = await dance.Backchannel.SendAsync(par);
        Assert.Equal(HttpStatusCode.Created, parResponse.StatusCode);
        var parBody = JsonDocument.Parse(await parResponse.Content.ReadAsStringAsync()).RootElement;
        var requestUri = parBody.GetProperty("request_uri").GetString()!;
        Assert.InRange(parBody.GetProperty("expires_in").GetInt32(), 5, 600); // RFC 9126 2.2
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", requestUri, StringComparison.Ordinal);

        var response = await dance.FollowAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?> { ["client_id"] = OidcDance.Portal, ["request_uri"] = requestUri }));
        if (response.RequestMessage!.RequestUri!.AbsolutePath == "/Identity/Account/SignIn")
        {
            response = await dance.SignInAndAllowAsync(response);
        }

        var callback = OidcDance.CallbackOf(response);
        Assert.Equal(parameters["state"], callback["state"]);
        Assert.Equal(HttpStatusCode.OK, (await dance.RedeemAsync(callback["code"])).Status);
    }

    [Fact]
    public async Task Authorize_PromptNoneWithoutASession_SendsLoginRequired()
    {
        var dance = new OidcDance(app);

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(dance.AuthorizeParameters(prompt: "none")));

        Assert.Equal("login_required", OidcDance.CallbackOf(response)["error"]);
    }

    [Fact]
    public async Task Authorize_DemandingAal2_SendsAPasswordOnlySessionBackToSignInAtLevel2()
    {
        var dance = new OidcDance(app);
        await dance.CodeAsync(); // signed in with a password: AAL1

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(dance.AuthorizeParameters(acr: "urn:onestop:aal:2")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/SignIn?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("Level=2", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_EssentialAal2WithAVoluntaryAal1_DemandsAal2()
    {
        var dance = new OidcDance(app);
        await dance.CodeAsync(); // signed in with a password: AAL1
        var parameters = dance.AuthorizeParameters(acr: "urn:onestop:aal:1");
        parameters["claims"] = """{"id_token":{"acr":{"essential":true,"values":["urn:onestop:aal:2"]}}}""";

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(parameters));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/SignIn?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("Level=2", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_AnUnknownEssentialAcr_FailsWithUnmetAuthenticationRequirements()
    {
        var dance = new OidcDance(app);
        await dance.CodeAsync();
        var parameters = dance.AuthorizeParameters();
        parameters["claims"] = """{"id_token":{"acr":{"essential":true,"value":"urn:example:loa:4"}}}""";

        var response = await dance.Browser.GetAsync(OidcDance.AuthorizeUrl(parameters));

        Assert.Equal("unmet_authentication_requirements", OidcDance.CallbackOf(response)["error"]);
    }

    [Fact]
    public async Task Authorize_PromptConsent_AsksAgainThoughAllowedBefore_ThenIssuesACode()
    {
        var dance = new OidcDance(app);
        await dance.CodeAsync(); // allowed once

        var again = await dance.FollowAsync(OidcDance.AuthorizeUrl(dance.AuthorizeParameters(prompt: "consent")));

        Assert.Equal("/Identity/Account/Consent", again.RequestMessage!.RequestUri!.AbsolutePath);
        var answered = await dance.SubmitAsync(again.RequestMessage.RequestUri.PathAndQuery, new Dictionary<string, string> { ["decision"] = "allow" });
        Assert.True(OidcDance.CallbackOf(answered).ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_Refused_SendsAccessDeniedAndStoresNoAuthorization()
    {
        var dance = new OidcDance(app);
        var response = await dance.FollowAsync(OidcDance.AuthorizeUrl(dance.AuthorizeParameters("openid email")));
        response = await dance.SubmitAsync(response.RequestMessage!.RequestUri!.PathAndQuery,
            new Dictionary<string, string> { ["Login"] = "citizen2@demo.onestop.test", ["Password"] = OidcDance.DemoPassword });
        Assert.Equal("/Identity/Account/Consent", response.RequestMessage!.RequestUri!.AbsolutePath);

        response = await dance.SubmitAsync(response.RequestMessage.RequestUri.PathAndQuery, new Dictionary<string, string> { ["decision"] = "deny" });

        Assert.Equal("access_denied", OidcDance.CallbackOf(response)["error"]);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoWithoutSayingWhetherTheAccountExists()
    {
        var dance = new OidcDance(app);
        var page = await dance.FollowAsync(OidcDance.AuthorizeUrl(dance.AuthorizeParameters()));
        var url = page.RequestMessage!.RequestUri!.PathAndQuery;

        var known = await (await dance.SubmitAsync(url, new() { ["Login"] = "citizen3@demo.onestop.test", ["Password"] = "wrong password here" })).Content.ReadAsStringAsync();
        var unknown = await (await dance.SubmitAsync(url, new() { ["Login"] = "nobody@demo.onestop.test", ["Password"] = "wrong password here" })).Content.ReadAsStringAsync();

        Assert.Contains("อีเมล/เลขประจำตัวประชาชน หรือรหัสผ่านไม่ถูกต้อง", known, StringComparison.Ordinal);
        Assert.Contains("อีเมล/เลขประจำตัวประชาชน หรือรหัสผ่านไม่ถูกต้อง", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("The e-mail or citizen ID", unknown, StringComparison.Ordinal); // the chosen language only
    }
}
