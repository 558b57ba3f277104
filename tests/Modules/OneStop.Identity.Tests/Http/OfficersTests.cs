using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Officer accounts: created by their agency's administrator, bound to the agency, carrying roles in their tokens.</summary>
public sealed partial class OfficersTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/Identity/Officers";
    private const string Admin = "admin.dopa@demo.onestop.test";

    private const string NewPassword = "ข้าวมันไก่ตอนเที่ยง 2569";

    private async Task<OidcDance> SignedInAsync(string email, string password = OidcDance.DemoPassword)
    {
        var dance = new OidcDance(app);
        var response = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = password });
        Assert.Equal("/Identity/Account", response.RequestMessage!.RequestUri!.AbsolutePath);
        return dance;
    }

    /// <summary>An officer's first sign-in: the administrator's password works once more, to choose their own.</summary>
    private async Task<OidcDance> FirstSignInAsync(string email, string firstPassword)
    {
        var dance = new OidcDance(app);
        var response = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = firstPassword });
        Assert.Equal("/Identity/Account/Password", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"required\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var changed = await dance.SubmitAsync(response.RequestMessage.RequestUri.PathAndQuery, new() { ["CurrentPassword"] = firstPassword, ["NewPassword"] = NewPassword });
        Assert.Contains("id=\"changed\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return dance;
    }

    private static async Task<string> SetActiveAsync(OidcDance admin, string email, string handler)
    {
        var page = await admin.Browser.GetStringAsync(Page);
        var row = page[page.IndexOf(email, StringComparison.Ordinal)..];
        var form = row[row.IndexOf("<form", StringComparison.Ordinal)..row.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.Contains($"handler={handler}", form, StringComparison.Ordinal);
        return await (await admin.PostAsync($"{Page}?handler={handler}", OidcDance.FieldsOf(form))).Content.ReadAsStringAsync();
    }

    private static async Task<(string Email, string Password)> CreateOfficerAsync(OidcDance admin, params string[] roles)
    {
        var email = $"officer-{Guid.NewGuid():N}@dopa.example.test";
        var form = new FormUrlEncodedContent(new[] { ("Email", email), ("GivenName", "สมศรี"), ("FamilyName", "ใจดี") }
            .Concat(roles.Select(r => ("Roles", r))).Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))
            .Append(new("__RequestVerificationToken", OidcDance.FieldsOf(await admin.Browser.GetStringAsync(Page))["__RequestVerificationToken"])));
        var html = await (await admin.Browser.PostAsync(Page, form)).Content.ReadAsStringAsync();
        var password = FirstPassword().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), Regex.Match(html, "error-summary[\\s\\S]{0,600}").Value);
        return (email, password);
    }

    [Fact]
    public async Task Create_ByTheAgencyAdministrator_GivesAnAccountThatSignsInWithItsFirstPassword()
    {
        var admin = await SignedInAsync(Admin);

        var (email, password) = await CreateOfficerAsync(admin, "officer", "counter-staff");

        Assert.Contains(email, await admin.Browser.GetStringAsync(Page), StringComparison.Ordinal);
        var officer = await FirstSignInAsync(email, password);
        Assert.Contains("กรมการปกครอง", await officer.Browser.GetStringAsync("/Identity/Account"), StringComparison.Ordinal); // the agency by name
        // From now on their own password works, and the administrator's does not.
        await SignedInAsync(email, NewPassword);
        var old = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = password });
        Assert.Contains("หรือรหัสผ่านไม่ถูกต้อง", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerWithTheFirstPassword_IsSentToChooseTheirOwn_BeforeAnyApplicationSignsThemIn()
    {
        var admin = await SignedInAsync(Admin);
        var (email, password) = await CreateOfficerAsync(admin, "officer");
        var officer = new OidcDance(app);
        var signIn = await officer.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = password });
        Assert.Equal("/Identity/Account/Password", signIn.RequestMessage!.RequestUri!.AbsolutePath);

        // Skipping the password page and going straight to an application does not get round it.
        var authorize = OidcDance.AuthorizeUrl(officer.AuthorizeParameters("openid profile"));
        var response = await officer.Browser.GetAsync(authorize);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Password", response.Headers.Location!.OriginalString.Split('?')[0]);
        var changed = await officer.SubmitAsync(response.Headers.Location.OriginalString, new() { ["CurrentPassword"] = password, ["NewPassword"] = NewPassword });
        Assert.Contains("href=\"/connect/authorize?", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()), StringComparison.Ordinal); // "Continue" goes back
        var after = await officer.FollowAsync(authorize);
        Assert.NotEqual("/Identity/Account/Password", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Deactivate_RefusesTheOfficersSignIn_UntilReactivated()
    {
        var admin = await SignedInAsync(Admin);
        var (email, password) = await CreateOfficerAsync(admin, "officer");
        await FirstSignInAsync(email, password);

        var deactivated = await SetActiveAsync(admin, email, "Deactivate");

        Assert.Contains("id=\"done\"", deactivated, StringComparison.Ordinal);
        var refused = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = NewPassword });
        Assert.Contains("บัญชีนี้ถูกปิดโดยผู้ดูแลของหน่วยงาน", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var guessed = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = "not the password at all" });
        Assert.DoesNotContain("บัญชีนี้ถูกปิด", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal); // only for who knows the password
        await SetActiveAsync(admin, email, "Reactivate");
        await SignedInAsync(email, NewPassword);
    }

    [Fact]
    public async Task Deactivate_TheirOwnAccount_OrAnotherAgencysOfficer_IsRefused()
    {
        var dopa = await SignedInAsync(Admin);
        var (email, _) = await CreateOfficerAsync(dopa, "officer");
        var dbd = await SignedInAsync("admin.dbd@demo.onestop.test");
        var page = await dopa.Browser.GetStringAsync(Page);
        var officerId = Regex.Match(page[page.IndexOf(email, StringComparison.Ordinal)..], "name=\"id\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var dbdFields = OidcDance.FieldsOf(await dbd.Browser.GetStringAsync(Page));
        dbdFields["id"] = officerId;

        var otherAgency = await (await dbd.PostAsync($"{Page}?handler=Deactivate", dbdFields)).Content.ReadAsStringAsync();
        var adminId = Regex.Match(page[page.IndexOf(Admin, StringComparison.Ordinal)..], "name=\"id\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var dopaFields = OidcDance.FieldsOf(page);
        dopaFields["id"] = adminId;
        var self = await (await dopa.PostAsync($"{Page}?handler=Deactivate", dopaFields)).Content.ReadAsStringAsync();

        Assert.Contains("ไม่พบเจ้าหน้าที่นี้ในหน่วยงานของคุณ", otherAgency, StringComparison.Ordinal);
        Assert.Contains("ปิดบัญชีของตนเองไม่ได้", self, StringComparison.Ordinal);
        await SignedInAsync(Admin); // still active
    }

    [Fact]
    public async Task Officer_TokensWithTheAgencyScope_CarryAgencyAndRoles()
    {
        var admin = await SignedInAsync(Admin);
        var (email, password) = await CreateOfficerAsync(admin, "officer", "counter-staff");
        var officer = await FirstSignInAsync(email, password);

        var (callback, _) = await officer.CodeAsync("openid agency");
        var (_, tokens) = await officer.RedeemAsync(callback["code"]);
        var claims = OidcDance.Payload(tokens.GetProperty("id_token").GetString()!);

        Assert.Equal("13003000", claims.GetProperty("agency_code").GetString());
        Assert.Equal(["counter-staff", "officer"], claims.GetProperty("agency_roles").GetString()!.Split(' ').Order());
    }

    [Fact]
    public async Task OfficersPage_ForACitizen_IsForbidden()
    {
        var citizen = await SignedInAsync(OidcDance.DemoEmail);

        var response = await citizen.Browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithAnOfficeOfNoSuchAgencyOrNoRole_NamesTheField()
    {
        var admin = await SignedInAsync(Admin);

        var office = await (await admin.SubmitAsync(Page, new() { ["Email"] = "x1@dopa.example.test", ["GivenName"] = "ก", ["FamilyName"] = "ข", ["OfficeCode"] = "00000000", ["Roles"] = "officer" })).Content.ReadAsStringAsync();
        var noRole = await (await admin.SubmitAsync(Page, new() { ["Email"] = "x2@dopa.example.test", ["GivenName"] = "ก", ["FamilyName"] = "ข" })).Content.ReadAsStringAsync();

        Assert.Contains("href=\"#officeCode\"", office, StringComparison.Ordinal);
        Assert.Contains("href=\"#roles\"", noRole, StringComparison.Ordinal);
    }

    [GeneratedRegex("<code id=\"first-password\">([^<]+)</code>")]
    private static partial Regex FirstPassword();
}
