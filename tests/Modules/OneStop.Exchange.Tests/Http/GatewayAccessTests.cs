using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Access rights, purpose and legal basis: who reaches a provider, and that nobody else does.</summary>
public sealed class GatewayAccessTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Fact]
    public async Task PersonalData_ClientWithoutMandateOrConsent_Is500NoLegalBasis()
    {
        var client = await ClientWithRightToPersonsAsync();

        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath(OtherDocumentedCitizen), client, issue: "APP-NLB-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");
    }

    [Fact]
    public async Task PersonalData_ClientWithTheSubjectsValidConsent_GetsTheRecord()
    {
        var client = await ClientWithRightToPersonsAsync();
        await app.AddConsentAsync(OtherDocumentedCitizen, client, Persons, expiresAt: DateTime.UtcNow.AddDays(30));

        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath(OtherDocumentedCitizen), client, issue: "APP-CONSENT-1");
        var body = await XRoadAssert.OkAsync(response);
        Assert.Equal(OtherDocumentedCitizen, JsonDocument.Parse(body).RootElement.GetProperty("citizenId").GetString());
    }

    [Fact]
    public async Task PersonalData_ConsentOfAnotherPerson_Is500NoLegalBasis()
    {
        var client = await ClientWithRightToPersonsAsync();
        await app.AddConsentAsync(ThirdDocumentedCitizen, client, Persons, expiresAt: DateTime.UtcNow.AddDays(30));

        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath(OtherDocumentedCitizen), client, issue: "APP-CONSENT-2");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");
    }

    [Fact]
    public async Task PersonalData_ExpiredConsent_Is500NoLegalBasis()
    {
        var client = await ClientWithRightToPersonsAsync();
        await app.AddConsentAsync(OtherDocumentedCitizen, client, Persons, expiresAt: DateTime.UtcNow.AddDays(-1));

        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath(OtherDocumentedCitizen), client, issue: "APP-CONSENT-3");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");
    }

    [Fact]
    public async Task PersonalData_WithdrawnConsent_Is500NoLegalBasis()
    {
        var client = await ClientWithRightToPersonsAsync();
        await app.AddConsentAsync(OtherDocumentedCitizen, client, Persons, expiresAt: DateTime.UtcNow.AddDays(30), withdrawnAt: DateTime.UtcNow.AddMinutes(-5));

        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath(OtherDocumentedCitizen), client, issue: "APP-CONSENT-4");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");
    }

    [Fact]
    public async Task PersonalData_ClientWithLegalMandate_GetsTheRecordWithoutConsent()
    {
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, Persons, "GET", "/*", legalMandate: "Test Act, section 1");

        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath(OtherDocumentedCitizen), client, issue: "APP-MANDATE-1");
        await XRoadAssert.OkAsync(response);
    }

    [Fact]
    public async Task Provider_ClientWithoutAnyRight_IsNeverCalled()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        var marker = NewCode("marker-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", client);

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        Assert.Equal(0, Calls(marker));
    }

    [Fact]
    public async Task Provider_ClientWithRightsToOtherMethodsOrPaths_IsNeverCalled()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service, "POST", "/**");
        await app.GrantAsync(client, service, "GET", "/allowed/*");
        var marker = NewCode("marker-");

        var get = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", client);
        var deeper = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/allowed/{marker}/more", client);
        var delete = await app.SendXRoadAsync(HttpMethod.Delete, $"/r1/{service}/allowed/{marker}", client);

        await XRoadAssert.ErrorAsync(get, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        await XRoadAssert.ErrorAsync(deeper, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        await XRoadAssert.ErrorAsync(delete, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        Assert.Equal(0, Calls(marker));
    }

    [Fact]
    public async Task Provider_ClientWithRightToAnotherService_IsNeverCalled()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var otherService = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, otherService);
        var marker = NewCode("marker-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", client);

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        Assert.Equal(0, Calls(marker));
    }

    [Fact]
    public async Task Provider_PersonalDataWithoutPurposeOrLegalBasis_IsNeverCalled()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider, personalData: true);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        var marker = NewCode("marker-");

        var noPurpose = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{OtherDocumentedCitizen}/{marker}", client);
        var noBasis = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{OtherDocumentedCitizen}/{marker}", client, issue: "APP-1");

        await XRoadAssert.ErrorAsync(noPurpose, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.MissingPurpose");
        await XRoadAssert.ErrorAsync(noBasis, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.NoLegalBasis");
        Assert.Equal(0, Calls(marker));
    }

    [Fact]
    public async Task Provider_ClientWithTheRight_IsCalledOnceWithThePathBelowTheService()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service, "GET", "/items/*");
        var marker = NewCode("marker-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/items/{marker}", client);

        Assert.Equal("""{"counted":true}""", await XRoadAssert.OkAsync(response));
        Assert.Equal($"/items/{marker}", Assert.Single(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AccessRight_GrantedAfterARefusal_TakesEffectAtOnce()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        var before = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("marker-")}", client);
        await XRoadAssert.ErrorAsync(before, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");

        await app.GrantAsync(client, service);

        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("marker-")}", client));
    }

    [Fact]
    public async Task AccessRight_Revoked_TakesEffectAtOnce()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("marker-")}", client));

        await app.WithDbAsync(async db =>
        {
            db.AccessRights.RemoveRange(await db.AccessRights.Where(r => r.ClientId == client).ToListAsync());
            return await db.SaveChangesAsync();
        });
        var marker = NewCode("marker-");

        var after = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", client);
        await XRoadAssert.ErrorAsync(after, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        Assert.Equal(0, Calls(marker));
    }

    [Fact]
    public async Task Service_DisabledAfterUse_TakesEffectAtOnce()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("marker-")}", client));

        await app.WithDbAsync(async db =>
        {
            (await db.Services.SingleAsync(s => s.Id == service)).Disabled = true;
            return await db.SaveChangesAsync();
        });
        var marker = NewCode("marker-");

        var after = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", client);
        await XRoadAssert.ErrorAsync(after, HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceDisabled");
        Assert.Equal(0, Calls(marker));
    }

    private int Calls(string marker) => app.CountedCalls.Count(c => c.Contains(marker, StringComparison.Ordinal));

    private static string PersonPath(string citizenId) => $"/r1/{Persons}/{citizenId}";

    private async Task<string> ClientWithRightToPersonsAsync()
    {
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, Persons, "GET", "/*");
        return client;
    }
}
