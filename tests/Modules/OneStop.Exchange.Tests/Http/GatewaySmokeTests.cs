using System.Net;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

public sealed class GatewaySmokeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DemoCounter_ReadsAPersonWithPurpose_GetsTheRecordAndXRoadHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/r1/TH/GOV/DOPA/population/persons/1999900000013");
        request.Headers.Add("X-Road-Client", "TH/GOV/DEMO/counter");
        request.Headers.Add("X-Road-Issue", "APP-2026-0001");
        request.Headers.Add("X-Road-Id", "my-message-1");
        var response = await app.CreateClient().SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1999900000013", JsonDocument.Parse(body).RootElement.GetProperty("citizenId").GetString());
        Assert.Equal("my-message-1", response.Headers.GetValues("X-Road-Id").Single());
        Assert.Equal("TH/GOV/DEMO/counter", response.Headers.GetValues("X-Road-Client").Single());
        Assert.Equal("TH/GOV/DOPA/population/persons", response.Headers.GetValues("X-Road-Service").Single());
        Assert.Equal(88, response.Headers.GetValues("X-Road-Request-Hash").Single().Length);
        Assert.False(response.Headers.Contains("X-Road-Error"));
    }

    [Fact]
    public async Task MissingClientHeader_IsInvalidClientIdentifier()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/r1/TH/GOV/DOPA/population/persons/1999900000013", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Server.ClientProxy.InvalidClientIdentifier", response.Headers.GetValues("X-Road-Error").Single());
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Server.ClientProxy.InvalidClientIdentifier", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }
}
