using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>What reaches the provider and the consumer, byte for byte, as PR-REST and X-Road's own proxy tests expect.</summary>
public sealed class GatewayWireTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Fact]
    public async Task Provider500_ReachesTheConsumerUnchanged_WithoutXRoadError()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.FailingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        var id = NewCode("p500-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}", client, xroadId: id);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("provider bug", await response.Content.ReadAsStringAsync());
        Assert.Equal("trace-500", Assert.Single(response.Headers.GetValues("X-Provider-Trace")));
        Assert.False(response.Headers.Contains("X-Road-Error"));
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Road-Id")));
        var record = Assert.Single(await app.LogRecordsAsync(id));
        Assert.Equal(500, record.Status);
        Assert.Null(record.ErrorType);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("/", "/")]
    [InlineData("/items/", "/items/")]
    [InlineData("/items/a%3Bb", "/items/a%3Bb")]
    [InlineData("/items/a%2Fb/c", "/items/a%2Fb/c")]
    [InlineData("/items/%E0%B8%81?q=a%3Bb&r=%20", "/items/%E0%B8%81?q=a%3Bb&r=%20")]
    public async Task Path_ReachesTheProviderExactlyAsSent(string below, string received)
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.RawTargetProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service, "GET", "/**");

        // Through the node's own consumer client: the test server keeps no raw request target, Kestrel and the in-process pipeline do.
        using var http = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ExchangeNames.ConsumerHttpClient);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service + below, UriKind.Relative));
        request.Headers.Add("X-Road-Client", client);

        var response = await http.SendAsync(request);

        Assert.Equal(ExchangeAppFactory.RawTargetProvider + received, await XRoadAssert.OkAsync(response));
    }

    [Fact]
    public async Task OtherXRoadHeaders_PassToTheProvider_TheProtocolsOwnDoNot()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.HeaderEchoProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        using var request = XRoadRequest(HttpMethod.Get, $"/r1/{service}", client);
        request.Headers.Add("X-Road-Custom-Contract", "agreed-value");
        request.Headers.Add("X-Road-Security-Server", "TH/GOV/DEMO/ss1");
        request.Headers.Add("X-Road-Request-Hash", "forged");

        var echoed = await XRoadAssert.OkAsync(await app.CreateClient().SendAsync(request));

        Assert.Contains("x-road-custom-contract: agreed-value", echoed, StringComparison.Ordinal);
        Assert.DoesNotContain("x-road-security-server", echoed, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherXRoadHeaders_PassToTheConsumer_TheProtocolsOwnAreTheExchanges()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.XRoadHeadersProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        var id = NewCode("hdr-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}", client, xroadId: id);

        await XRoadAssert.OkAsync(response);
        Assert.Equal("from-provider", Assert.Single(response.Headers.GetValues("X-Road-Custom-Answer")));
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Road-Id")));
        Assert.False(response.Headers.Contains("X-Road-Error"));
    }

    [Theory]
    [InlineData("application/xml", "application/xml")]
    [InlineData("text/xml", "text/xml")]
    [InlineData("application/json;q=0.5, application/xml", "application/xml")]
    public async Task Error_ClientAcceptingXml_GetsTheErrorInXml(string accept, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/r1/{Persons}/{DocumentedCitizen}", UriKind.Relative));
        request.Headers.Add("X-Road-Client", DemoClient);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("error", error.Name.LocalName);
        Assert.Equal("Server.ServerProxy.AccessDenied.MissingPurpose", error.Element("type")?.Value);
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Road-Error")), error.Element("type")?.Value);
        Assert.Contains("X-Road-Issue", error.Element("message")?.Value, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Road-Request-Id")), error.Element("detail")?.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/xml;q=0.5, application/json")]
    public async Task Error_ClientNotPreferringXml_GetsJson(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/r1/{Persons}/{DocumentedCitizen}", UriKind.Relative));
        request.Headers.Add("X-Road-Client", DemoClient);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        await XRoadAssert.ErrorAsync(await app.CreateClient().SendAsync(request), HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied.MissingPurpose");
    }

    [Fact]
    public async Task GetOpenApi_ForPersons_DescribesOnlyPersons_AsSeenThroughTheExchange()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Population}/getOpenAPI?serviceCode=persons");
        var body = await XRoadAssert.OkAsync(response);
        var document = JsonDocument.Parse(body).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith($"/r1/{Persons}/", p, StringComparison.Ordinal));
        Assert.Contains($"/r1/{Persons}/{{citizenId}}", paths);
        Assert.False(document.TryGetProperty("servers", out _));
        Assert.DoesNotContain("/providers/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("card-check", string.Join(' ', paths), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpenApi_ForCardCheck_IsItsOwnDocument()
    {
        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Population}/getOpenAPI?serviceCode=card-check");
        var document = JsonDocument.Parse(await XRoadAssert.OkAsync(response)).RootElement;

        Assert.Equal([$"/r1/{CardCheck}"], document.GetProperty("paths").EnumerateObject().Select(p => p.Name));
    }
}
