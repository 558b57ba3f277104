using System.Net.Http.Headers;
using System.Text.Json;
using OneStop.Exchange.Data;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>What a provider is told about the caller: only what the exchange authenticated.</summary>
public sealed class ForwardedHeadersTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private async Task<string[]> ProviderSeesAsync(string client, Action<HttpRequestMessage> addHeaders)
    {
        var service = await app.AddServiceAsync(ExchangeAppFactory.HeaderEchoProvider);
        await app.GrantAsync(client, service);
        using var request = XRoadRequest(HttpMethod.Get, $"/r1/{service}/who", client);
        addHeaders(request);

        var response = await app.CreateClient().SendAsync(request);

        return (await XRoadAssert.OkAsync(response)).Split('\n');
    }

    [Fact]
    public async Task GovStackClientHeader_SentBesideXRoadClient_IsReplacedByTheAuthenticatedClient()
    {
        var client = await app.AddSubsystemAsync();

        var seen = await ProviderSeesAsync(client, r => r.Headers.Add("Information-Mediator-Client", "TH/GOV/DOPA/population"));

        Assert.Contains($"information-mediator-client: {client}", seen);
        Assert.Contains($"x-road-client: {client}", seen);
        Assert.DoesNotContain(seen, h => h.Contains("DOPA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthorizationHeader_OfAPlainHttpClient_ReachesTheProvider()
    {
        // Such a client authenticates by its address; the header is the provider's own business.
        var client = await app.AddSubsystemAsync();

        var seen = await ProviderSeesAsync(client, r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", "cHJvdmlkZXI6c2VjcmV0"));

        Assert.Contains("authorization: Basic cHJvdmlkZXI6c2VjcmV0", seen);
    }

    [Fact]
    public async Task AccessToken_OfAnOAuthClient_IsNotPassedToTheProvider()
    {
        var client = await app.AddSubsystemAsync(ConnectionType.OAuth2);
        await app.WithDbAsync(async db =>
        {
            (await db.Subsystems.FindAsync(client))!.OAuthClientId = "demo-agency";
            return await db.SaveChangesAsync();
        });
        var token = await DemoAgencyTokenAsync();

        var seen = await ProviderSeesAsync(client, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));

        Assert.Contains($"x-road-client: {client}", seen);
        Assert.DoesNotContain(seen, h => h.StartsWith("authorization:", StringComparison.Ordinal) || h.Contains(token, StringComparison.Ordinal));
    }

    private async Task<string> DemoAgencyTokenAsync()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = "exchange",
            ["client_id"] = "demo-agency", ["client_secret"] = "demo-agency-secret",
        });
        var response = await app.CreateClient().PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
