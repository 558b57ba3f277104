using System.Net;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Input no client should send: refused as the client's fault (400), never a 500, and the provider never called.</summary>
public sealed class GatewayOddInputTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Theory]
    [InlineData("X-Road-Id", "message-é")]
    [InlineData("X-Road-Id", "message-\u0001")]
    [InlineData("X-Road-Id", "message-\tx")]
    [InlineData("X-Road-UserId", "TH1999900000013\u0007")]
    [InlineData("X-Road-Issue", "APP-ก")]
    public async Task Header_WithANonAsciiOrControlCharacter_Is400NamingIt_AndTheProviderIsNeverCalled(string header, string value)
    {
        var (service, client) = await CountedServiceAsync();
        var marker = NewCode("odd-header-");
        using var request = XRoadRequest(HttpMethod.Get, $"/r1/{service}/{marker}", client);
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await app.CreateClient().SendAsync(request);

        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
        Assert.StartsWith(header + " ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Road-Id"));
        Assert.Equal(0, Calls(marker));
    }

    [Theory]
    [InlineData("a%2500")]
    [InlineData("a%0Ab")]
    [InlineData("a%250Db")]
    [InlineData("a%7Fb")]
    [InlineData("%252e%252e/secret")]
    public async Task Path_WithAControlCharacterOrDotSegment_EvenEncodedTwice_Is400_AndTheProviderIsNeverCalled(string below)
    {
        var (service, client) = await CountedServiceAsync();
        var marker = NewCode("odd-path-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}/{below}", client);

        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
        Assert.Contains("path", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Calls(marker));
    }

    [Theory]
    [InlineData("http://localhost:5080/r1/TH/GOV/CUSTOMS/nsw/traders", null)]
    [InlineData("http://127.0.0.1:5080/R1/TH/GOV/CUSTOMS/nsw/traders", null)]
    [InlineData("http://[::1]/providers/../r1/TH/GOV/CUSTOMS/nsw/traders", null)]
    [InlineData("https://exchange.example.go.th/r1/TH/GOV/CUSTOMS/nsw/traders", "exchange.example.go.th")]
    [InlineData("http://localhost:5080", null)]
    public async Task ServiceAddress_LeadingBackIntoTheExchange_Is500ProviderLoop_Logged(string baseUrl, string? host)
    {
        var service = await app.AddServiceAsync(baseUrl);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        var id = NewCode("loop-");
        using var request = XRoadRequest(HttpMethod.Get, $"/r1/{service}/r1/TH/GOV/CUSTOMS/nsw/traders/0105999000016", client, xroadId: id);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        var response = await app.CreateClient().SendAsync(request);

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.ProviderLoop");
        Assert.Equal("Server.ServerProxy.ProviderLoop", Assert.Single(await app.LogRecordsAsync(id)).ErrorType);
    }

    private int Calls(string marker) => app.CountedCalls.Count(c => c.Contains(marker, StringComparison.Ordinal));

    private async Task<(string Service, string Client)> CountedServiceAsync()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        return (service, client);
    }
}
