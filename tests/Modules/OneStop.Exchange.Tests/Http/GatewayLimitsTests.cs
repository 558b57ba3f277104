using System.Net;
using System.Net.Http.Headers;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>A gateway configured for larger bodies than the default, as X-Road's proxy tests send (13 MiB).</summary>
public sealed class GatewayLimitsTests(GatewayLimitsTests.LargeBodiesAppFactory app) : IClassFixture<GatewayLimitsTests.LargeBodiesAppFactory>
{
    private const int ThirteenMebibytes = 13 * 1024 * 1024;

    public sealed class LargeBodiesAppFactory : ExchangeAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Exchange:Gateway:MaxRequestBodyBytes"] = (14 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Exchange:Gateway:MaxResponseBodyBytes"] = (14 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task Body_OfThirteenMebibytes_PassesBothWays_WhenTheLimitsAllowIt()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.BodyEchoProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service, "POST");
        var body = new byte[ThirteenMebibytes];
        Random.Shared.NextBytes(body);
        using var request = XRoadRequest(HttpMethod.Post, $"/r1/{service}/upload", client);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Body_OverTheConfiguredLimit_Is400InvalidRequest()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.BodyEchoProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service, "POST");
        using var request = XRoadRequest(HttpMethod.Post, $"/r1/{service}/upload", client);
        request.Content = new ByteArrayContent(new byte[(14 * 1024 * 1024) + 1]);

        var response = await app.CreateClient().SendAsync(request);

        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.InvalidRequest");
        Assert.Contains((14 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
