using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>X-Road's REST metadata services (listMethods, allowedMethods, getOpenAPI) and listClients.</summary>
public sealed class MetadataServicesTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Fact]
    public async Task ListMethods_OnThePopulationSubsystem_ListsPersonsAndCardCheckWithTheirEndpoints()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Population}/listMethods");
        var root = JsonDocument.Parse(await XRoadAssert.OkAsync(response)).RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var services = root.GetProperty("service").EnumerateArray().ToList();
        Assert.Equal(["card-check", "persons"], services.Select(s => s.GetProperty("service_code").GetString()).Order(StringComparer.Ordinal));
        foreach (var service in services)
        {
            Assert.Equal("SERVICE", service.GetProperty("object_type").GetString());
            Assert.Equal("TH", service.GetProperty("xroad_instance").GetString());
            Assert.Equal("GOV", service.GetProperty("member_class").GetString());
            Assert.Equal("DOPA", service.GetProperty("member_code").GetString());
            Assert.Equal("population", service.GetProperty("subsystem_code").GetString());
            Assert.Equal("OPENAPI", service.GetProperty("service_type").GetString());
        }

        Assert.Equal([("GET", "/*")], Endpoints(services.Single(s => s.GetProperty("service_code").GetString() == "persons")));
        Assert.Equal([("POST", "/")], Endpoints(services.Single(s => s.GetProperty("service_code").GetString() == "card-check")));
    }

    [Fact]
    public async Task ListMethods_ProviderWithADisabledService_LeavesItOutAndListsServicesWithoutOpenApiAsRest()
    {
        var provider = await app.AddSubsystemAsync();
        var enabled = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider, provider: provider, code: "enabled");
        await app.AddServiceAsync(ExchangeAppFactory.CountingProvider, disabled: true, provider: provider, code: "disabled");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{provider}/listMethods");
        var service = Assert.Single(JsonDocument.Parse(await XRoadAssert.OkAsync(response)).RootElement.GetProperty("service").EnumerateArray());

        Assert.Equal(enabled, $"{provider}/{service.GetProperty("service_code").GetString()}");
        Assert.Equal("REST", service.GetProperty("service_type").GetString());
        Assert.Equal([("GET", "/**")], Endpoints(service));
    }

    [Fact]
    public async Task AllowedMethods_DemoClient_ListsOnlyTheServicesItHasRightsTo()
    {
        var provider = await app.AddSubsystemAsync();
        await app.AddServiceAsync(ExchangeAppFactory.CountingProvider, provider: provider, code: "granted");
        await app.AddServiceAsync(ExchangeAppFactory.CountingProvider, provider: provider, code: "not-granted");
        await app.GrantAsync(DemoClient, $"{provider}/granted", "GET", "/items/*");

        var listed = await ServiceCodesAsync($"/r1/{provider}/listMethods", DemoClient);
        var allowed = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{provider}/allowedMethods");
        var service = Assert.Single(JsonDocument.Parse(await XRoadAssert.OkAsync(allowed)).RootElement.GetProperty("service").EnumerateArray());

        Assert.Equal(["granted", "not-granted"], listed);
        Assert.Equal("granted", service.GetProperty("service_code").GetString());
        Assert.Equal([("GET", "/items/*")], Endpoints(service));
    }

    [Fact]
    public async Task AllowedMethods_ClientWithARightToPersonsOnly_ListsPersonsOnly()
    {
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, Persons, "GET", "/*", legalMandate: "Test mandate");

        Assert.Equal(["persons"], await ServiceCodesAsync($"/r1/{Population}/allowedMethods", client));
        Assert.Equal(["card-check", "persons"], await ServiceCodesAsync($"/r1/{Population}/allowedMethods", DemoClient));
    }

    [Fact]
    public async Task AllowedMethods_ClientWithoutRights_ListsNothing()
    {
        var client = await app.AddSubsystemAsync();
        Assert.Empty(await ServiceCodesAsync($"/r1/{Population}/allowedMethods", client));
    }

    [Fact]
    public async Task GetOpenApi_ForPersons_ReturnsThePopulationRegistrysOpenApiDocument()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Population}/getOpenAPI?serviceCode=persons");
        var document = JsonDocument.Parse(await XRoadAssert.OkAsync(response)).RootElement;

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("Population", document.GetProperty("info").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(document.GetProperty("paths").EnumerateObject(), p => p.Name.Contains("/population/persons/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetOpenApi_WithoutServiceCode_Is400InvalidRequest()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Population}/getOpenAPI");
        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
        Assert.Contains("serviceCode", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpenApi_ForAnUnknownService_Is500UnknownService()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Population}/getOpenAPI?serviceCode=no-such-service");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.UnknownService");
    }

    [Fact]
    public async Task ListMethods_UnknownClient_Is400UnknownMember()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Population}/listMethods", $"{DemoMember}/{NewCode("nobody-")}");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.UnknownMember");
    }

    [Fact]
    public async Task ListClients_ListsTheDemoCounterAsASubsystemAndTheRegistriesAsMembers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/listClients", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        var entries = JsonDocument.Parse(body).RootElement.GetProperty("member").EnumerateArray().Select(m => m.GetProperty("id")).ToList();
        var counter = Assert.Single(entries, id => id.TryGetProperty("subsystem_code", out var code) && code.GetString() == "counter");
        Assert.Equal("SUBSYSTEM", counter.GetProperty("object_type").GetString());
        Assert.Equal("TH", counter.GetProperty("xroad_instance").GetString());
        Assert.Equal("GOV", counter.GetProperty("member_class").GetString());
        Assert.Equal("DEMO", counter.GetProperty("member_code").GetString());
        Assert.Contains(entries, id => id.GetProperty("object_type").GetString() == "MEMBER" && id.GetProperty("member_code").GetString() == "DOPA");
        Assert.Contains(entries, id => id.GetProperty("object_type").GetString() == "SUBSYSTEM" && id.GetProperty("subsystem_code").GetString() == "population");
    }

    [Fact]
    public async Task ListClients_WithoutAcceptJson_IsPrMetasClientListXml()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/listClients", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace xroad = "http://x-road.eu/xsd/xroad.xsd";
        XNamespace id = "http://x-road.eu/xsd/identifiers";
        var list = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(xroad + "clientList", list.Name);
        var counter = Assert.Single(list.Elements(xroad + "member"), m => (string?)m.Element(xroad + "id")!.Element(id + "subsystemCode") == "counter");
        var counterId = counter.Element(xroad + "id")!;
        Assert.Equal("SUBSYSTEM", (string?)counterId.Attribute(id + "objectType"));
        Assert.Equal(["TH", "GOV", "DEMO", "counter"], counterId.Elements().Select(e => e.Value));
        Assert.NotNull(counter.Element(xroad + "subsystemName"));
        var dopa = Assert.Single(list.Elements(xroad + "member"), m => (string?)m.Element(xroad + "id")!.Attribute(id + "objectType") == "MEMBER"
            && (string?)m.Element(xroad + "id")!.Element(id + "memberCode") == "DOPA");
        Assert.Null(dopa.Element(xroad + "subsystemName"));
    }

    [Fact]
    public async Task ListClients_ForAnotherInstance_ListsNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/listClients?xRoadInstance=EE", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var root = JsonDocument.Parse(await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(root.GetProperty("member").EnumerateArray());
    }

    private static List<(string? Method, string? Path)> Endpoints(JsonElement service)
        => [.. service.GetProperty("endpoint_list").EnumerateArray().Select(e => (e.GetProperty("method").GetString(), e.GetProperty("path").GetString()))];

    private async Task<List<string?>> ServiceCodesAsync(string path, string client)
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, path, client);
        return [.. JsonDocument.Parse(await XRoadAssert.OkAsync(response)).RootElement.GetProperty("service").EnumerateArray()
            .Select(s => s.GetProperty("service_code").GetString()).Order(StringComparer.Ordinal)];
    }
}
