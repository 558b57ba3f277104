using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Contracts;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>A person sees who read their data through the exchange, and nobody else does.</summary>
public sealed class PersonalDataReadsTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private const string MyDataReads = "/api/exchange/my-data-reads";

    [Fact]
    public async Task MyDataReads_AfterTheCounterReadMyRecord_ShowsTheReadWithPurposeClientAndLegalBasis()
    {
        var id = NewCode("read-");
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, "APP-77", id));

        var reads = await ReadsAsync(app.CreateClientAsCitizen(DocumentedCitizen));

        var read = Assert.Single(reads, r => r.XRoadId == id);
        Assert.Equal("APP-77", read.Purpose);
        Assert.Equal(DemoClient, read.Client);
        Assert.Equal(Persons, read.Service);
        Assert.False(string.IsNullOrWhiteSpace(read.ClientName));
        Assert.False(string.IsNullOrWhiteSpace(read.ServiceTitle));
        Assert.False(string.IsNullOrWhiteSpace(read.LegalBasis));
        Assert.Equal(DateTimeKind.Utc, read.Time.Kind);
        Assert.InRange(read.Time, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task MyDataReads_ReadOnConsent_ShowsTheConsentAsTheLegalBasis()
    {
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, Persons, "GET", "/*");
        await app.AddConsentAsync(OtherDocumentedCitizen, client, Persons, DateTime.UtcNow.AddDays(1));
        var id = NewCode("consent-read-");
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{OtherDocumentedCitizen}", client, "APP-78", id));

        var read = Assert.Single(await ReadsAsync(app.CreateClientAsCitizen(OtherDocumentedCitizen)), r => r.XRoadId == id);

        Assert.Equal(client, read.Client);
        Assert.Contains("Consent", read.LegalBasis, StringComparison.Ordinal);
        Assert.Equal(read.LegalBasis, Assert.Single(await app.LogRecordsAsync(id)).LegalBasis);
    }

    [Fact]
    public async Task MyDataReads_AnotherCitizen_SeesNoneOfMyReads()
    {
        var id = NewCode("read-");
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, "APP-77", id));

        var reads = await ReadsAsync(app.CreateClientAsCitizen(ThirdDocumentedCitizen));

        Assert.DoesNotContain(reads, r => r.XRoadId == id);
        Assert.DoesNotContain(reads, r => r.Service == Persons && r.Purpose == "APP-77");
    }

    [Fact]
    public async Task MyDataReads_RefusedRead_IsNotShown()
    {
        var id = NewCode("refused-");
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{DocumentedCitizen}", DemoClient, issue: null, id);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        Assert.DoesNotContain(await ReadsAsync(app.CreateClientAsCitizen(DocumentedCitizen)), r => r.XRoadId == id);
    }

    [Fact]
    public async Task MyDataReads_CardCheckNamingMeInItsBody_IsShownToMe()
    {
        var id = NewCode("card-read-");
        await XRoadAssert.OkAsync(await CardCheckAsync(DemoClient, OtherDocumentedCitizen, "APP-CARD-9", id));

        var read = Assert.Single(await ReadsAsync(app.CreateClientAsCitizen(OtherDocumentedCitizen)), r => r.XRoadId == id);

        Assert.Equal(CardCheck, read.Service);
        Assert.Equal("APP-CARD-9", read.Purpose);
        Assert.DoesNotContain(await ReadsAsync(app.CreateClientAsCitizen(DocumentedCitizen)), r => r.XRoadId == id);
    }

    [Fact]
    public async Task CardCheck_WithoutMandate_IsAllowedOnlyOnTheConsentOfThePersonInTheBody()
    {
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, CardCheck, "POST", "/");
        await app.AddConsentAsync(ThirdDocumentedCitizen, client, CardCheck, DateTime.UtcNow.AddDays(1));

        await XRoadAssert.OkAsync(await CardCheckAsync(client, ThirdDocumentedCitizen, "APP-CARD-10", NewCode("card-consent-")));
        await XRoadAssert.ErrorAsync(await CardCheckAsync(client, DocumentedCitizen, "APP-CARD-10", NewCode("card-consent-")),
            HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");
    }

    [Fact]
    public async Task RefusedRequestWithABody_IsLoggedWithItsBodyHash_AndTheHashItAnswered()
    {
        var id = NewCode("card-refused-");
        var response = await CardCheckAsync(DemoClient, DocumentedCitizen, issue: null, id);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.MissingPurpose");

        var record = Assert.Single(await app.LogRecordsAsync(id));

        Assert.NotNull(record.RequestBodyHash);
        Assert.Equal(record.RequestHash, Assert.Single(response.Headers.GetValues("X-Road-Request-Hash")));
    }

    [Fact]
    public async Task MyDataReads_MembersOfTheHouseNamedInARecord_SeeTheReadAsIncidental()
    {
        var id = NewCode("house-read-");
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{CitizenWithHousemates}", DemoClient, "APP-HOUSE-1", id);
        var others = CitizenIds(await XRoadAssert.OkAsync(response), "house", "members").Where(m => m != CitizenWithHousemates).ToList();
        Assert.NotEmpty(others);

        Assert.Equal(others.ToHashSet(), await ReadersOfAsync(id, others, incidental: true));
        Assert.Single(await ReadersOfAsync(id, [CitizenWithHousemates], incidental: false));
        Assert.False(response.Headers.Contains(ExchangeProviderHeaders.DataSubjects), "the provider's list of subjects is the exchange's, not the consumer's");
    }

    [Fact]
    public async Task MyDataReads_DirectorsNamedInACompanyRecord_SeeTheRead()
    {
        var id = NewCode("company-read-");
        var directors = CitizenIds(await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Companies}/{DocumentedCompany}", DemoClient, "APP-DBD-1", id)), "directors");
        Assert.NotEmpty(directors);

        Assert.Equal(directors.ToHashSet(), await ReadersOfAsync(id, directors, incidental: true));
        Assert.Equal(directors.Count, (await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.XRoadId == id).ToListAsync())).Count);
    }

    [Fact]
    public async Task ProviderDeclaringSubjects_OnlyValidDistinctCitizenIdsAreRecorded()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.DisclosingProvider, personalData: true);
        await app.GrantAsync(DemoClient, service, "GET", "/*", legalMandate: "Test mandate");
        var id = NewCode("declared-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/x", DemoClient, "APP-DECL-1", id);
        await XRoadAssert.OkAsync(response);

        var subjects = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.XRoadId == id).Select(r => r.DataSubject).ToListAsync());
        Assert.Equal([OtherDocumentedCitizen, ThirdDocumentedCitizen], subjects.Order());
        Assert.False(response.Headers.Contains(ExchangeProviderHeaders.DataSubjects));
    }

    [Fact]
    public async Task ProviderDisclosingMoreThanTheExchangeRecords_IsWithheldWithAnXRoadError_AndNoReadIsRecorded()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CrowdProvider, personalData: true);
        await app.GrantAsync(DemoClient, service, "GET", "/*", legalMandate: "Test mandate");
        var id = NewCode("crowd-");

        var error = await XRoadAssert.ErrorAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/x", DemoClient, "APP-CROWD-1", id),
            HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceFailed.TooManyDataSubjects");

        Assert.Contains("1000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.XRoadId == id).ToListAsync()));
        Assert.Equal("Server.ServerProxy.ServiceFailed.TooManyDataSubjects", Assert.Single(await app.LogRecordsAsync(id)).ErrorType);
    }

    [Fact]
    public async Task MyDataReads_Anonymous_Is401()
    {
        var response = await app.CreateClient().GetAsync(new Uri(MyDataReads, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MyDataReads_SignedInWithoutACitizenId_Is403()
    {
        var response = await app.CreateClientWithRoles("Admin").GetAsync(new Uri(MyDataReads, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> CardCheckAsync(string client, string citizenId, string? issue, string xroadId)
    {
        using var request = XRoadRequest(HttpMethod.Post, $"/r1/{CardCheck}", client, issue, xroadId);
        request.Content = new StringContent(
            $$"""{"citizenId":"{{citizenId}}","firstName":"ทดสอบ","lastName":"ระบบ","birthDate":"25300101","laser":"YO0000000000"}""",
            System.Text.Encoding.UTF8, "application/json");
        return await app.CreateClient().SendAsync(request);
    }

    private static async Task<List<ReadDto>> ReadsAsync(HttpClient citizen)
    {
        var response = await citizen.GetAsync(new Uri(MyDataReads, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<List<ReadDto>>() ?? [];
    }

    /// <summary>Those of <paramref name="citizens"/> whose list shows the read of exchange <paramref name="xroadId"/>, as incidental or not.</summary>
    private async Task<HashSet<string>> ReadersOfAsync(string xroadId, IEnumerable<string> citizens, bool incidental)
    {
        var time = (await app.LogRecordsAsync(xroadId)).Single().Time;
        var found = new HashSet<string>();
        foreach (var citizen in citizens)
        {
            var reads = (await ReadsAsync(app.CreateClientAsCitizen(citizen))).Where(r => r.Time == time && r.Incidental == incidental).ToList();
            // Someone else's matter: the purpose and the message ID stay with the person it was about.
            if (reads.SingleOrDefault(r => incidental ? r.Purpose is null && r.XRoadId is null : r.XRoadId == xroadId) is not null)
            {
                found.Add(citizen);
            }
        }

        return found;
    }

    private static List<string> CitizenIds(string body, params string[] path)
    {
        using var json = JsonDocument.Parse(body);
        var list = path.Aggregate(json.RootElement, (e, name) => e.GetProperty(name));
        return [.. list.EnumerateArray().Select(e => e.GetProperty("citizenId").GetString()!)];
    }

    private sealed record ReadDto(DateTime Time, string Client, string ClientName, string Service, string ServiceTitle, string? Purpose, string LegalBasis, string? XRoadId, bool Incidental);
}
