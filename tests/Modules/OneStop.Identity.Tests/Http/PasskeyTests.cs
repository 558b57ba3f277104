using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>
/// Passkeys (WebAuthn through Fido2): adding one, signing in with it (AAL2 phishing-resistant),
/// and every way a ceremony can be refused: replay, another origin, no user verification, a removed
/// passkey, an altered state; and clients demanding a passkey.
/// </summary>
public sealed partial class PasskeyTests(AppFactory app) : IClassFixture<AppFactory>, IDisposable
{
    private readonly List<SoftwarePasskey> keys = [];

    private SoftwarePasskey NewPasskey()
    {
        var passkey = new SoftwarePasskey();
        keys.Add(passkey);
        return passkey;
    }

    public void Dispose()
    {
        keys.ForEach(k => k.Dispose());
    }

    private const string Password = "ผัดไทยกุ้งสด 2569 ใส่ถั่ว";
    private const string Phishing = "urn:onestop:aal:2:phishing-resistant";

    private Task<(OidcDance Dance, string Email)> RegisteredAsync() => OidcDance.RegisterAsync(app, "passkey", Password);

    /// <summary>A new person who added a passkey and signed out again.</summary>
    private async Task<(OidcDance Dance, SoftwarePasskey Passkey)> WithPasskeySignedOutAsync()
    {
        var (dance, _) = await RegisteredAsync();
        var passkey = NewPasskey();
        await AddAsync(dance, passkey);
        await SignOutAsync(dance);
        return (dance, passkey);
    }

    /// <summary>The passkey form of a page: where it posts, the WebAuthn options and its hidden fields.</summary>
    private static async Task<(string Action, JsonElement Options, Dictionary<string, string> Fields)> CeremonyAsync(OidcDance dance, string pageUrl)
    {
        var html = await dance.Browser.GetStringAsync(pageUrl);
        var marker = html.IndexOf("data-passkey=", StringComparison.Ordinal);
        Assert.True(marker > 0, $"No passkey form on {pageUrl}");
        var form = html[html.LastIndexOf("<form", marker, StringComparison.Ordinal)..html.IndexOf("</form>", marker, StringComparison.Ordinal)];
        var options = JsonDocument.Parse(WebUtility.HtmlDecode(DataOptions().Match(form).Groups[1].Value)).RootElement.Clone();
        return (WebUtility.HtmlDecode(FormAction().Match(form).Groups[1].Value), options, OidcDance.FieldsOf(form));
    }

    private static async Task<HttpResponseMessage> AddAsync(OidcDance dance, SoftwarePasskey passkey, string name = "โทรศัพท์ของฉัน")
    {
        var (action, options, fields) = await CeremonyAsync(dance, "/Identity/Account/Passkeys");
        fields["Credential"] = passkey.Create(options);
        fields["Name"] = name;
        return await dance.PostAsync(action, fields);
    }

    private static async Task<HttpResponseMessage> SignInWithAsync(OidcDance dance, SoftwarePasskey passkey, string page = "/Identity/Account/SignIn", string origin = "http://localhost")
    {
        var (action, options, fields) = await CeremonyAsync(dance, page);
        fields["Credential"] = passkey.Get(options, origin);
        return await dance.PostAsync(action, fields);
    }

    private static Task<HttpResponseMessage> SignOutAsync(OidcDance dance) => dance.SignOutAsync();

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
        => Regex.Match(await response.Content.ReadAsStringAsync(), "error-summary[\\s\\S]{0,800}").Value;

    [Fact]
    public async Task AddAPasskey_ThenSignInWithIt_IsPhishingResistant()
    {
        var (dance, _) = await RegisteredAsync();
        var passkey = NewPasskey();

        var added = await AddAsync(dance, passkey);
        var addedPage = await added.Content.ReadAsStringAsync();
        Assert.Contains("id=\"done\"", addedPage, StringComparison.Ordinal);
        Assert.Contains("โทรศัพท์ของฉัน", addedPage, StringComparison.Ordinal);
        await SignOutAsync(dance);

        var signedIn = await SignInWithAsync(dance, passkey);

        Assert.Equal("/Identity/Account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        var account = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains("พาสคีย์ (สองขั้น ป้องกันฟิชชิง)", account, StringComparison.Ordinal);
        Assert.Contains("พาสคีย์ 1 รายการ", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUserHandle_IsTheAccount_AndTheOptionsAskForUserVerification()
    {
        var (dance, _) = await RegisteredAsync();

        var (_, options, _) = await CeremonyAsync(dance, "/Identity/Account/Passkeys");

        Assert.Equal("localhost", options.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(16, OidcDance.Base64UrlDecode(options.GetProperty("user").GetProperty("id").GetString()!).Length);
        var selection = options.GetProperty("authenticatorSelection");
        Assert.Equal("required", selection.GetProperty("userVerification").GetString());
        Assert.Equal("required", selection.GetProperty("residentKey").GetString());
        Assert.True(OidcDance.Base64UrlDecode(options.GetProperty("challenge").GetString()!).Length >= 16);
    }

    [Fact]
    public async Task TheSameAnswerTwice_TheSecondIsRefused()
    {
        var (dance, passkey) = await WithPasskeySignedOutAsync();
        var (action, options, fields) = await CeremonyAsync(dance, "/Identity/Account/SignIn");
        fields["Credential"] = passkey.Get(options);
        Assert.Equal("/Identity/Account", (await dance.PostAsync(action, fields)).RequestMessage!.RequestUri!.AbsolutePath);
        await SignOutAsync(dance);

        var replayed = await dance.PostAsync(action, fields);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("/Identity/Account/SignIn", replayed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("was used already", await ErrorsAsync(replayed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await dance.Browser.GetAsync("/Identity/Account")).StatusCode);
    }

    [Fact]
    public async Task AnAnswerMadeForAnotherSite_IsRefused()
    {
        var (dance, passkey) = await WithPasskeySignedOutAsync();

        var phished = await SignInWithAsync(dance, passkey, origin: "https://onestop-login.example");

        Assert.Contains("cannot be used", await ErrorsAsync(phished), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await dance.Browser.GetAsync("/Identity/Account")).StatusCode);
    }

    [Fact]
    public async Task AnAnswerWithoutUserVerification_IsRefused()
    {
        var (dance, passkey) = await WithPasskeySignedOutAsync();
        passkey.UserVerified = false;

        var response = await SignInWithAsync(dance, passkey);

        Assert.Contains("cannot be used", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingWithoutUserVerification_IsRefused()
    {
        var (dance, _) = await RegisteredAsync();
        var passkey = NewPasskey();
        passkey.UserVerified = false;

        var response = await AddAsync(dance, passkey);

        Assert.Contains("เพิ่มพาสคีย์ไม่ได้", await ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Contains("id=\"no-passkeys\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingTheSamePasskeyTwice_KeepsOne()
    {
        var (dance, _) = await RegisteredAsync();
        var passkey = NewPasskey();
        await AddAsync(dance, passkey);
        await SignInWithAsync(dance, passkey); // changing passkeys now takes a two-step session

        var again = await AddAsync(dance, passkey);

        Assert.Contains("เพิ่มพาสคีย์ไม่ได้", await ErrorsAsync(again), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(await again.Content.ReadAsStringAsync(), "asp-page-handler|handler=Remove"));
    }

    [Fact]
    public async Task ARemovedPasskey_NoLongerSignsIn()
    {
        var (dance, _) = await RegisteredAsync();
        var passkey = NewPasskey();
        await AddAsync(dance, passkey);
        await SignInWithAsync(dance, passkey);
        var page = await dance.Browser.GetStringAsync("/Identity/Account/Passkeys");
        var id = Regex.Match(page, "name=\"id\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var removeForm = page[page.IndexOf("handler=Remove", StringComparison.Ordinal)..];
        var fields = OidcDance.FieldsOf(removeForm);
        var removed = await dance.PostAsync("/Identity/Account/Passkeys?handler=Remove", fields);
        Assert.Equal(id, fields["id"]);
        Assert.Contains("id=\"no-passkeys\"", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await SignOutAsync(dance);

        var response = await SignInWithAsync(dance, passkey);

        Assert.Contains("cannot be used", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlteredState_IsRefusedAsExpired()
    {
        var (dance, passkey) = await WithPasskeySignedOutAsync();
        var (action, options, fields) = await CeremonyAsync(dance, "/Identity/Account/SignIn");
        fields["Credential"] = passkey.Get(options);
        fields["State"] = fields["State"][..^4] + "AAAA";

        var response = await dance.PostAsync(action, fields);

        Assert.Contains("expired", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGarbledAnswer_GetsAClearError()
    {
        var (dance, _) = await RegisteredAsync();
        await SignOutAsync(dance);
        var (action, _, fields) = await CeremonyAsync(dance, "/Identity/Account/SignIn");
        fields["Credential"] = "{\"id\":42,\"response\":[]}";

        var response = await dance.PostAsync(action, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot be used", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientDemandingAPasskey_GetsPhishingResistantAcrAndHwk()
    {
        var (dance, passkey) = await WithPasskeySignedOutAsync();
        var parameters = dance.AuthorizeParameters(acr: Phishing);

        var signInPage = await dance.FollowAsync(OidcDance.AuthorizeUrl(parameters));
        Assert.Equal("/Identity/Account/SignIn", signInPage.RequestMessage!.RequestUri!.AbsolutePath);
        var response = await SignInWithAsync(dance, passkey, signInPage.RequestMessage.RequestUri.PathAndQuery);
        if (response.RequestMessage?.RequestUri?.AbsolutePath == "/Identity/Account/Consent")
        {
            response = await dance.SubmitAsync(response.RequestMessage.RequestUri.PathAndQuery, new() { ["decision"] = "allow" });
        }

        var (status, tokens) = await dance.RedeemAsync(OidcDance.CallbackOf(response)["code"]);
        Assert.Equal(HttpStatusCode.OK, status);
        var idToken = OidcDance.Payload(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(Phishing, idToken.GetProperty("acr").GetString());
        Assert.Contains("hwk", idToken.GetProperty("amr").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task APasswordSessionDemandedAPasskey_WithoutOne_IsSentToAddOne()
    {
        var (dance, _) = await RegisteredAsync();

        var response = await dance.FollowAsync(OidcDance.AuthorizeUrl(dance.AuthorizeParameters(acr: Phishing)));

        Assert.Equal("/Identity/Account/Passkeys", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("data-passkey=\"create\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingPasskeysFromAPasswordOnlySession_AsksForThePasskeyFirst()
    {
        var (dance, email) = await RegisteredAsync();
        var passkey = NewPasskey();
        await AddAsync(dance, passkey);
        await SignOutAsync(dance);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });

        var response = await dance.FollowAsync("/Identity/Account/Passkeys");

        Assert.Equal("/Identity/Account/SignIn", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await response.Content.ReadAsStringAsync();
        // The passkey is the way up, so it comes before the password form.
        Assert.InRange(page.IndexOf("data-passkey=\"get\"", StringComparison.Ordinal), 0, page.IndexOf("name=\"Password\"", StringComparison.Ordinal));
        var upgraded = await SignInWithAsync(dance, passkey, response.RequestMessage.RequestUri.PathAndQuery);
        Assert.Equal("/Identity/Account/Passkeys", upgraded.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheScript_IsServedAsJavaScript()
    {
        var response = await app.CreateClient().GetAsync("/Identity/passkeys.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("navigator.credentials.get", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-options=\"([^\"]*)\"")]
    private static partial Regex DataOptions();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
