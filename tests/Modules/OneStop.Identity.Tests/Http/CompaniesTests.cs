using System.Net;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Acting for companies: directors with signing authority (from the juristic registry through the exchange), delegates, the switcher, the claims.</summary>
public sealed class CompaniesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/Identity/Account/Companies";
    private const string Company = "0105999000016"; // directed by 1999900000013 (citizen1) with signing authority

    private async Task<OidcDance> SignedInAsync(string email)
    {
        var dance = new OidcDance(app);
        var response = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = OidcDance.DemoPassword });
        Assert.Equal("/Identity/Account", response.RequestMessage!.RequestUri!.AbsolutePath);
        return dance;
    }

    private static async Task<string> PostAsync(OidcDance dance, string handler, Dictionary<string, string> fields)
        => await (await dance.SubmitAsync($"{Page}?handler={handler}", fields)).Content.ReadAsStringAsync();

    [Fact]
    public async Task Claim_ByADirectorWithSigningAuthority_AddsTheCompanyAndItReachesTheIdToken()
    {
        var dance = await SignedInAsync(OidcDance.DemoEmail);

        var html = await PostAsync(dance, "Claim", new() { ["JuristicId"] = Company });

        Assert.Contains($"id=\"company-{Company}\"", html, StringComparison.Ordinal);
        var (callback, _) = await dance.CodeAsync("openid companies");
        var (_, tokens) = await dance.RedeemAsync(callback["code"]);
        var companies = OidcDance.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("companies");
        Assert.Equal("director", companies.GetProperty(Company).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("citizen2@demo.onestop.test", Company)]        // a person who is not its director
    [InlineData("citizen2@demo.onestop.test", "0105999999994")] // a company that does not exist: the same answer
    public async Task Claim_NotListedAsASigningDirector_IsRefusedWithoutSayingMore(string email, string juristicId)
    {
        var dance = await SignedInAsync(email);

        var html = await PostAsync(dance, "Claim", new() { ["JuristicId"] = juristicId });

        Assert.Contains("ไม่ได้ระบุว่าคุณเป็นกรรมการผู้มีอำนาจลงนาม", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"company-{juristicId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_AnInvalidJuristicId_NamesTheField()
    {
        var dance = await SignedInAsync(OidcDance.DemoEmail);

        var html = await PostAsync(dance, "Claim", new() { ["JuristicId"] = "0105999000017" });

        Assert.Contains("href=\"#juristicId\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_ByAnIal1Account_AsksForIal2First()
    {
        var (dance, _) = await OidcDance.RegisterAsync(app, "co", "ส้มตำไก่ย่าง ข้าวเหนียว");

        var html = await PostAsync(dance, "Claim", new() { ["JuristicId"] = Company });

        Assert.Contains("ต้องยืนยันตัวตนด้วยบัตรประชาชนก่อน", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_ThenRevoke_TheDelegateActsForTheCompanyOnlyInBetween()
    {
        var director = await SignedInAsync(OidcDance.DemoEmail);
        await PostAsync(director, "Claim", new() { ["JuristicId"] = Company });

        var granted = await PostAsync(director, "Grant", new() { ["JuristicId"] = Company, ["Employee"] = "1999900001036" });
        Assert.Contains("citizen3@demo.onestop.test", granted, StringComparison.Ordinal);

        var employee = await SignedInAsync("citizen3@demo.onestop.test");
        var seen = await employee.Browser.GetStringAsync(Page);
        Assert.Contains($"id=\"act-{Company}\"", seen, StringComparison.Ordinal);
        // A delegate may not pass the right on.
        Assert.Contains("เฉพาะกรรมการผู้มีอำนาจลงนามเท่านั้น", await PostAsync(employee, "Grant", new() { ["JuristicId"] = Company, ["Employee"] = "citizen2@demo.onestop.test" }), StringComparison.Ordinal);

        var delegateId = System.Text.RegularExpressions.Regex.Match(granted, "name=\"delegateId\" value=\"([^\"]+)\"").Groups[1].Value;
        await PostAsync(director, "Revoke", new() { ["JuristicId"] = Company, ["delegateId"] = delegateId });

        Assert.DoesNotContain($"id=\"act-{Company}\"", await employee.Browser.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_ToAnUnknownPerson_SaysSo()
    {
        var director = await SignedInAsync(OidcDance.DemoEmail);
        await PostAsync(director, "Claim", new() { ["JuristicId"] = Company });

        var html = await PostAsync(director, "Grant", new() { ["JuristicId"] = Company, ["Employee"] = "nobody@example.test" });

        Assert.Contains("ไม่พบบัญชีดิจิทัลไอดีที่ยืนยันตัวตนด้วยบัตรประชาชนแล้ว", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActFor_TheCompany_PutsActForInTheTokens()
    {
        var dance = await SignedInAsync(OidcDance.DemoEmail);
        await PostAsync(dance, "Claim", new() { ["JuristicId"] = Company });

        await PostAsync(dance, "ActFor", new() { ["JuristicId"] = Company });
        var (callback, _) = await dance.CodeAsync("openid companies");
        var (_, tokens) = await dance.RedeemAsync(callback["code"]);

        Assert.Equal(Company, OidcDance.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("act_for").GetString());
        Assert.Equal(Company, OidcDance.Payload(tokens.GetProperty("access_token").GetString()!).GetProperty("act_for").GetString());
    }

    [Fact]
    public async Task ActFor_ACompanyThePersonMayNotActFor_IsNotFound()
    {
        var dance = await SignedInAsync("citizen2@demo.onestop.test");

        var response = await dance.SubmitAsync($"{Page}?handler=ActFor", new() { ["JuristicId"] = Company });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
