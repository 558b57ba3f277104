using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Giving consent on the who-read-my-data page, and what the consent then allows through the exchange.</summary>
public sealed partial class ConsentPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ConsentClient = "TH/GOV/DEMO/scholarship";
    private const string Access = ConsentClient + "|" + Persons;

    [Fact]
    public async Task Page_OffersTheSystemsThatNeedConsent_NotThoseWithAMandate()
    {
        var html = await app.CreateClientAsCitizen(OtherDocumentedCitizen).GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        Assert.Contains($"value=\"{Access}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{DemoClient}|", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GiveConsent_ThenTheSystemMayReadThatPersonOnly_AndASecondSubmitAddsNothing()
    {
        var person = "3999900000109";
        var citizen = app.CreateClientAsCitizen(person);
        var before = await CallAsync(person);
        await XRoadAssert.ErrorAsync(before, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");

        var purpose = NewCode("SCHOLARSHIP-");
        var first = await PostGrantAsync(citizen, purpose, "90");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode); // followed the redirect back to the page
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains("role=\"status\"", page, StringComparison.Ordinal);
        Assert.Contains(purpose, page, StringComparison.Ordinal);
        await PostGrantAsync(citizen, purpose, "90");

        var consents = await citizen.GetFromJsonOrFailAsync("/api/exchange/consents");
        var mine = consents.EnumerateArray().Where(c => c.GetProperty("purpose").GetString() == purpose).ToList();
        var consent = Assert.Single(mine);
        Assert.True(consent.GetProperty("active").GetBoolean());
        Assert.Equal(ConsentClient, consent.GetProperty("client").GetString());

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(person)).StatusCode);
        await XRoadAssert.ErrorAsync(await CallAsync(ThirdDocumentedCitizen), HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");
    }

    [Theory]
    [InlineData("", "30", "purpose")]
    [InlineData("ok purpose", "400", "days")]
    public async Task GiveConsent_BadInput_ShowsTheErrorAndSavesNothing(string purpose, string days, string field)
    {
        var citizen = app.CreateClientAsCitizen(ThirdDocumentedCitizen);
        var response = await PostGrantAsync(citizen, purpose, days);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        var consents = await citizen.GetFromJsonOrFailAsync("/api/exchange/consents");
        Assert.DoesNotContain(consents.EnumerateArray(), c => c.GetProperty("purpose").GetString() == purpose && c.GetProperty("client").GetString() == ConsentClient);
    }

    [Fact]
    public async Task GiveConsent_DaysThatAreNotANumber_IsAnErrorInThePagesLanguage_AndSavesNothing()
    {
        var citizen = app.CreateClientAsCitizen(ThirdDocumentedCitizen);
        var purpose = NewCode("NOT-A-NUMBER-");

        var response = await PostGrantAsync(citizen, purpose, "thirty");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>ข้อผิดพลาด: ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#days\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"days-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal); // the framework's English
        var consents = await citizen.GetFromJsonOrFailAsync("/api/exchange/consents");
        Assert.DoesNotContain(consents.EnumerateArray(), c => c.GetProperty("purpose").GetString() == purpose);
    }

    [Fact]
    public async Task GiveConsent_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Access"] = Access, ["Purpose"] = "forged", ["Days"] = "30" });
        var response = await app.CreateClientAsCitizen(ThirdDocumentedCitizen).PostAsync(new Uri("/Exchange/MyData?handler=Grant", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> CallAsync(string person)
        => await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{person}", ConsentClient, issue: "SCHOLARSHIP-2026-7");

    private static async Task<HttpResponseMessage> PostGrantAsync(HttpClient citizen, string purpose, string days)
    {
        var html = await citizen.GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        var token = Antiforgery().Match(html).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Access"] = Access, ["Purpose"] = purpose, ["Days"] = days, ["__RequestVerificationToken"] = token,
        });
        return await citizen.PostAsync(new Uri("/Exchange/MyData?handler=Grant", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
