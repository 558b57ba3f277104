using System.Net;
using System.Net.Http.Headers;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>The protocol's machine endpoints are answered before the page middleware, and still as the rest of the platform.</summary>
public sealed class MachineEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/CONNECT/TOKEN")]
    public async Task Token_ClientCredentials_IsIssuedWithTheSecurityHeaders(string path)
    {
        using var request = TokenRequest(path, "grant_type=client_credentials&scope=exchange");

        var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("access_token", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Token_AnUnsupportedGrant_IsTheProtocolsJsonError()
    {
        using var request = TokenRequest("/connect/token", "grant_type=password&username=a&password=b");

        var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("unsupported_grant_type", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ABodyOverThePlatformsLimit_Is413LikeEverywhereElse()
    {
        using var request = TokenRequest("/connect/token", "grant_type=client_credentials&scope=exchange&pad=" + new string('a', 1024 * 1024));

        var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Discovery_IsAnsweredAndPagesStillHaveTheirMiddleware()
    {
        var client = app.CreateClient();

        var discovery = await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative), TestContext.Current.CancellationToken);
        var missing = await client.GetAsync(new Uri("/connect/no-such-endpoint", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Contains("token_endpoint", await discovery.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage TokenRequest(string path, string form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("demo-agency:demo-agency-secret"u8));
        return request;
    }
}
