using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Officer accounts: created by their agency's administrator, bound to the agency, carrying roles in their tokens.</summary>
public sealed partial class OfficersTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/Identity/Officers";
    private const string Admin = "admin.dopa@demo.onestop.test";

    private async Task<OidcDance> SignedInAsync(string email, string password = OidcDance.DemoPassword)
    {
        var dance = new OidcDance(app);
        var response = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = password });
        Assert.Equal("/Identity/Account", response.RequestMessage!.RequestUri!.AbsolutePath);
        return dance;
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
        var officer = await SignedInAsync(email, password);
        Assert.Contains("13003000", await officer.Browser.GetStringAsync("/Identity/Account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_TokensWithTheAgencyScope_CarryAgencyAndRoles()
    {
        var admin = await SignedInAsync(Admin);
        var (email, password) = await CreateOfficerAsync(admin, "officer", "counter-staff");
        var officer = await SignedInAsync(email, password);

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
