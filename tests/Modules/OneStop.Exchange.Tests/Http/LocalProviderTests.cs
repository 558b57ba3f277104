using System.Net;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Providers registered with a relative URL are called in process, through the host's whole pipeline.</summary>
public sealed class LocalProviderTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Fact]
    public async Task LocalCall_StillPassesTheProvidersOwnTokenCheck()
    {
        // Registered without the registries' token: the in-process call must meet the same refusal as an HTTP call.
        var service = await app.AddServiceAsync("/providers/registries");
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/population/persons/{DocumentedCitizen}", client);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Road-Error"));
        Assert.Contains("only through the government data exchange", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalCall_QueryAndEscapedPath_ReachTheProviderDecodedOnce()
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);
        var marker = NewCode("m-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}/a%20b?x=1", client);

        Assert.Equal("""{"counted":true}""", await XRoadAssert.OkAsync(response));
        Assert.Contains($"/{marker}/a b", app.CountedCalls);
    }

    [Theory]
    [InlineData("YO2214499467", true)]
    [InlineData("YO0000000000", false)]
    public async Task LocalCall_Post_CarriesTheBodyToTheProvider(string laser, bool valid)
    {
        using var request = XRoadRequest(HttpMethod.Post, $"/r1/{CardCheck}", DemoClient, "APP-CARD-1");
        request.Content = new StringContent(
            $$"""{"citizenId":"1999900000013","firstName":"กฤษดา","lastName":"ศรีสวัสดิ์","birthDate":"25471027","laser":"{{laser}}"}""",
            System.Text.Encoding.UTF8, "application/json");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal($$"""{"valid":{{(valid ? "true" : "false")}}}""", await XRoadAssert.OkAsync(response));
    }

    [Fact]
    public async Task LocalCall_BackIntoTheGateway_IsRefusedInsteadOfLooping()
    {
        var service = await app.AddServiceAsync("/r1/TH/GOV/DOPA/population");
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/persons/{DocumentedCitizen}", client);

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.ProviderLoop");
    }
}
