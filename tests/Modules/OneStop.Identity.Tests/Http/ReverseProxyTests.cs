using System.Net;
using System.Text;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Production behind a TLS-terminating proxy at 10.1.2.3: HTTPS required, two form posts a minute per person.</summary>
public sealed class BehindProxyAppFactory : AppFactory
{
    public const string Proxy = "10.1.2.3";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:AllowPlainHttp"] = "false",
        ["Identity:FormPostsPerMinute"] = "2",
        ["Platform:ForwardedHeaders:KnownProxies:0"] = Proxy,
    };
}

/// <summary>
/// The setup docs/operations.md describes: the proxy speaks HTTPS to people and plain HTTP to the app.
/// Its X-Forwarded-* headers are believed from it alone.
/// </summary>
public sealed class ReverseProxyTests(BehindProxyAppFactory app) : IClassFixture<BehindProxyAppFactory>
{
    private static HttpRequestMessage Through(string from, HttpMethod method, string path, string client = "203.0.113.7")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Test-Remote-Address", from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "onestop.example.go.th");
        request.Headers.Add("X-Forwarded-For", client);
        return request;
    }

    private static HttpRequestMessage TokenRequest(string from)
    {
        var request = Through(from, HttpMethod.Post, "/connect/token");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "exchange" });
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-agency:demo-agency-secret")));
        return request;
    }

    [Fact]
    public async Task TheProxysHttps_IsTheRequestsScheme_ForTheProtocolEndpoints()
    {
        using var token = TokenRequest(BehindProxyAppFactory.Proxy);
        using var discovery = Through(BehindProxyAppFactory.Proxy, HttpMethod.Get, "/.well-known/openid-configuration");

        var tokenResponse = await app.CreateClient().SendAsync(token);
        var issuer = JsonDocument.Parse(await (await app.CreateClient().SendAsync(discovery)).Content.ReadAsStringAsync()).RootElement.GetProperty("issuer").GetString();

        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal("https://onestop.example.go.th/", issuer);
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnyoneElse_AreIgnored()
    {
        using var token = TokenRequest("198.51.100.9");

        var response = await app.CreateClient().SendAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ID2083", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // HTTPS required
    }

    [Fact]
    public async Task TheFormRateLimit_CountsEachPerson_NotTheProxy()
    {
        async Task<HttpStatusCode> PostAsync(string person)
        {
            using var request = Through(BehindProxyAppFactory.Proxy, HttpMethod.Post, "/Identity/Account/ForgotPassword", person);
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = "x" });
            return (await app.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request)).StatusCode;
        }

        await PostAsync("203.0.113.20");
        await PostAsync("203.0.113.20");
        var third = await PostAsync("203.0.113.20");
        var someoneElse = await PostAsync("203.0.113.21");

        Assert.Equal(HttpStatusCode.TooManyRequests, third);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, someoneElse);
    }
}
