using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OneStop.Exchange.Data;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Each refusal and failure of the gateway, as X-Road reports it: status, <c>X-Road-Error</c> and a type/message/detail body.</summary>
public sealed class GatewayErrorTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private const string PersonPath = "/r1/TH/GOV/DOPA/population/persons/" + DocumentedCitizen;

    [Fact]
    public async Task Request_WithoutClientHeader_Is400InvalidClientIdentifier()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, client: null, issue: "APP-1");
        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidClientIdentifier");
        Assert.Contains("missing", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(PersonPath, null)]
    [InlineData("/r1/TH/GOV/DOPA/population", "TH/GOV/DEMO/counter")]
    public async Task UnattributedRefusal_EchoesTheMessageIdAndNamesTheRequestId(string path, string? client)
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, path, client, issue: "APP-1", xroadId: "my-message-42");

        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, client is null
            ? "Server.ClientProxy.InvalidClientIdentifier" : "Server.ClientProxy.InvalidServiceIdentifier");
        Assert.Equal("my-message-42", Assert.Single(response.Headers.GetValues("X-Road-Id")));
        Assert.Equal(error.GetProperty("detail").GetString(), Assert.Single(response.Headers.GetValues("X-Road-Request-Id")));
    }

    [Theory]
    [InlineData("X-Road-Id", 201, "X-Road-Id")]
    [InlineData("X-Road-Issue", 201, "X-Road-Issue")]
    [InlineData("X-Road-UserId", 101, "X-Road-UserId")]
    [InlineData("X-Road-Represented-Party", 201, "X-Road-Represented-Party")]
    [InlineData("X-Test-Path", 2001, "The path and query")]
    public async Task Request_LongerThanTheLogKeeps_Is400InvalidRequest_AndOthersAreServed(string header, int length, string named)
    {
        var marker = NewCode("long-");
        using var request = XRoadRequest(HttpMethod.Get, header == "X-Test-Path" ? $"{PersonPath}?{marker}={new string('a', length)}" : PersonPath, issue: "APP-LONG");
        if (header != "X-Test-Path")
        {
            request.Headers.Remove(header);
            request.Headers.TryAddWithoutValidation(header, marker + new string('x', length - marker.Length));
        }

        var refused = app.CreateClient().SendAsync(request);
        var served = app.SendXRoadAsync(HttpMethod.Get, PersonPath, issue: "APP-LONG-NEIGHBOUR");

        var error = await XRoadAssert.ErrorAsync(await refused, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
        Assert.StartsWith($"{named} is longer than", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await XRoadAssert.OkAsync(await served);
        Assert.DoesNotContain(await app.AllLogRecordsAsync(), r => r.Path.Contains(marker, StringComparison.Ordinal) || (r.Issue ?? string.Empty).Contains(marker, StringComparison.Ordinal)
            || r.XRoadId.Contains(marker, StringComparison.Ordinal) || (r.UserId ?? string.Empty).Contains(marker, StringComparison.Ordinal)
            || (r.RepresentedParty ?? string.Empty).Contains(marker, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("COM/0105999000016", HttpStatusCode.OK)]
    [InlineData("TH/COM/0105999000016", HttpStatusCode.BadRequest)]
    public async Task Request_RepresentedParty_MustBeClassAndCode_AndIsLoggedEitherWay(string party, HttpStatusCode status)
    {
        var id = NewCode("party-");
        using var request = XRoadRequest(HttpMethod.Get, PersonPath, issue: "APP-PARTY", xroadId: id);
        request.Headers.Add("X-Road-Represented-Party", party);

        var response = await app.CreateClient().SendAsync(request);

        if (status == HttpStatusCode.OK)
        {
            await XRoadAssert.OkAsync(response);
        }
        else
        {
            var error = await XRoadAssert.ErrorAsync(response, status, "Server.ClientProxy.InvalidRequest");
            Assert.Contains("[memberClass/]memberCode", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(party, Assert.Single(await app.LogRecordsAsync(id)).RepresentedParty);
    }

    [Fact]
    public async Task Request_EmptyXRoadClientBesideInformationMediatorClient_UsesTheLatter()
    {
        using var request = XRoadRequest(HttpMethod.Get, PersonPath, client: null, issue: "APP-IM-2");
        request.Headers.TryAddWithoutValidation("X-Road-Client", string.Empty);
        request.Headers.Add("Information-Mediator-Client", DemoClient);

        var response = await app.CreateClient().SendAsync(request);

        await XRoadAssert.OkAsync(response);
        Assert.Equal(DemoClient, Assert.Single(response.Headers.GetValues("X-Road-Client")));
    }

    [Fact]
    public async Task Request_WithInformationMediatorClientHeader_IsAcceptedAsTheClient()
    {
        using var request = XRoadRequest(HttpMethod.Get, PersonPath, client: null, issue: "APP-IM-1");
        request.Headers.Add("Information-Mediator-Client", DemoClient);
        var response = await app.CreateClient().SendAsync(request);

        var body = await XRoadAssert.OkAsync(response);
        Assert.Equal(DocumentedCitizen, JsonDocument.Parse(body).RootElement.GetProperty("citizenId").GetString());
        Assert.Equal(DemoClient, Assert.Single(response.Headers.GetValues("X-Road-Client")));
    }

    [Fact]
    public async Task Request_ClientNamesAMemberWithoutConnectionSettings_Is400UnknownMemberPointingToItsSubsystems()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, client: "TH/GOV/DEMO", issue: "APP-1");
        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.UnknownMember");
        Assert.Contains("subsystems", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_ClientNamesAnUnknownMember_Is400UnknownMember()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, client: $"TH/GOV/{NewCode("NOBODY-")}", issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.UnknownMember");
    }

    [Theory]
    [InlineData("TH/GOV/DEMO/count*er")]
    [InlineData("TH/GOV/DEMO/counter;x")]
    [InlineData("TH/GOV/DEMO/counter/extra")]
    [InlineData("TH/GOV//counter")]
    public async Task Request_MalformedClient_Is400InvalidClientIdentifier(string client)
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, client, issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidClientIdentifier");
    }

    [Fact]
    public async Task Request_UnregisteredClientSubsystem_Is400UnknownMember()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, client: $"{DemoMember}/{NewCode("nobody-")}", issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.UnknownMember");
    }

    [Theory]
    [InlineData("/r1/TH/GOV/DOPA/population")]
    [InlineData("/r1/TH/GOV/DOPA")]
    [InlineData("/r1/TH")]
    [InlineData("/r1/")]
    public async Task Request_FewerThanFiveIdentifierParts_Is400InvalidServiceIdentifier(string path)
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, path, issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidServiceIdentifier");
    }

    [Fact]
    public async Task Request_ServiceIdentifierWithBadCharacters_Is400InvalidServiceIdentifier()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, "/r1/TH/GOV/DOPA/popu%20lation/persons/" + DocumentedCitizen, issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidServiceIdentifier");
    }

    [Fact]
    public async Task Request_UnknownService_Is500UnknownService()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, "/r1/TH/GOV/DOPA/population/" + NewCode("nothing-") + "/x", issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.UnknownService");
    }

    [Fact]
    public async Task Request_ClientWithRightsOnlyToTraders_CallingPersons_Is500AccessDenied()
    {
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, Traders, "GET", "/*");

        Assert.Equal(HttpStatusCode.OK, (await app.SendXRoadAsync(HttpMethod.Get, "/r1/TH/GOV/CUSTOMS/nsw/traders/0105999000016", client)).StatusCode);
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, client, issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
    }

    [Fact]
    public async Task Request_MethodNotGranted_PostToPersons_Is500AccessDenied()
    {
        using var request = XRoadRequest(HttpMethod.Post, PersonPath, DemoClient, "APP-1");
        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        var response = await app.CreateClient().SendAsync(request);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
    }

    [Fact]
    public async Task Request_PathNotGranted_DeeperThanTheRight_Is500AccessDenied()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath + "/house", issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
    }

    [Fact]
    public async Task Request_PersonalDataWithoutIssue_Is500MissingPurpose()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, issue: null);
        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.MissingPurpose");
        Assert.Contains("X-Road-Issue", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_DataWithoutPersonalData_NeedsNoIssue()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, "/r1/TH/GOV/CUSTOMS/nsw/traders/0105999000016", issue: null);
        await XRoadAssert.OkAsync(response);
    }

    [Fact]
    public async Task Request_PlainHttpFromAnUnregisteredAddress_Is400SslAuthenticationFailed()
    {
        using var request = XRoadRequest(HttpMethod.Get, PersonPath, DemoClient, "APP-1");
        request.Headers.Add("X-Test-Remote-Address", "10.0.0.9");
        var response = await app.CreateClient().SendAsync(request);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.SslAuthenticationFailed");
    }

    [Fact]
    public async Task Request_PlainHttpFromIPv6Loopback_IsAccepted()
    {
        using var request = XRoadRequest(HttpMethod.Get, PersonPath, DemoClient, "APP-1");
        request.Headers.Add("X-Test-Remote-Address", "::1");
        await XRoadAssert.OkAsync(await app.CreateClient().SendAsync(request));
    }

    [Theory]
    [InlineData(nameof(ConnectionType.Https))]
    [InlineData(nameof(ConnectionType.HttpsClientCertificate))]
    public async Task Request_HttpsSubsystemOverPlainHttp_Is400SslAuthenticationFailed(string connection)
    {
        var client = await app.AddSubsystemAsync(Enum.Parse<ConnectionType>(connection));
        await app.GrantAsync(client, Persons, "GET", "/*", legalMandate: "Test mandate");

        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, client, issue: "APP-1");
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.SslAuthenticationFailed");
    }

    [Fact]
    public async Task Request_BodyOverOneMebibyteToCardCheck_Is400WithXRoadError()
    {
        using var request = XRoadRequest(HttpMethod.Post, "/r1/TH/GOV/DOPA/population/card-check", DemoClient, "APP-1");
        request.Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        request.Content.Headers.ContentType = new("application/json");
        var response = await app.CreateClient().SendAsync(request);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
    }

    [Fact]
    public async Task Request_ChunkedBodyOverOneMebibyteToCardCheck_Is400WithXRoadError()
    {
        using var request = XRoadRequest(HttpMethod.Post, "/r1/TH/GOV/DOPA/population/card-check", DemoClient, "APP-1");
        request.Content = new StreamContent(new MemoryStream(new byte[(1024 * 1024) + 1]));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        var response = await app.CreateClient().SendAsync(request);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
    }

    [Fact]
    public async Task Request_ProviderPortClosed_Is500NetworkError()
    {
        var service = await app.AddServiceAsync($"http://127.0.0.1:{ClosedLoopbackPort()}");
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/x", client);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceFailed.NetworkError");
    }

    [Fact]
    public async Task Request_ProviderSlowerThanTheServiceTimeout_Is500Timeout()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.SlowProvider, timeoutSeconds: 1);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service, "GET", "/");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}", client);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceFailed.Timeout");
    }

    [Fact]
    public async Task Request_ProviderDropsTheConnectionMidResponse_Is500NetworkErrorAndLogged()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.DroppingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        var id = NewCode("drop-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}", client, xroadId: id);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceFailed.NetworkError");
        var record = Assert.Single(await app.LogRecordsAsync(id));
        Assert.Equal("Server.ServerProxy.ServiceFailed.NetworkError", record.ErrorType);
    }

    [Fact]
    public async Task Request_DisabledService_Is500ServiceDisabled()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider, disabled: true);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("marker-")}", client);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceDisabled");
    }

    [Fact]
    public async Task Error_Detail_IsTheRequestIdOfTheExchange()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, PersonPath, issue: null);
        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.MissingPurpose");
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Road-Request-Id")), error.GetProperty("detail").GetString());
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
