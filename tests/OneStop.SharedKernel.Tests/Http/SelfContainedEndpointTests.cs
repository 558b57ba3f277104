using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using OneStop.SharedKernel.Hosting;

namespace OneStop.SharedKernel.Tests.Http;

/// <summary>Self-contained endpoints run where the pipeline says, without the middleware after that point.</summary>
public sealed class SelfContainedEndpointTests : IAsyncLifetime
{
    private const string Before = "X-Before";
    private const string After = "X-After";
    private WebApplication app = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        app = builder.Build();
        app.UseRouting();
        app.Use(Mark(Before));
        app.UseSelfContainedEndpoints();
        app.Use(Mark(After));
        app.MapGet("/ordinary", () => "ordinary");
        app.MapGet("/self-contained", () => "self-contained").SelfContained();
        app.MapGet("/self-contained/{id:int}", (int id) => id * 2).SelfContained();
        await app.StartAsync();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task OrdinaryEndpoint_PassesEveryMiddleware()
    {
        var response = await app.GetTestClient().GetAsync(new Uri("/ordinary", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("ordinary", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(response.Headers.Contains(Before));
        Assert.True(response.Headers.Contains(After));
    }

    [Theory]
    [InlineData("/self-contained", "self-contained")]
    [InlineData("/self-contained/21", "42")]
    public async Task SelfContainedEndpoint_SkipsTheMiddlewareAfterIt(string path, string body)
    {
        var response = await app.GetTestClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(response.Headers.Contains(Before));
        Assert.False(response.Headers.Contains(After));
    }

    [Fact]
    public async Task UnmatchedRequest_PassesEveryMiddleware()
    {
        var response = await app.GetTestClient().GetAsync(new Uri("/self-contained/not-a-number", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.Contains(After));
    }

    private static Func<HttpContext, RequestDelegate, Task> Mark(string header) => (context, next) =>
    {
        context.Response.Headers[header] = "ran";
        return next(context);
    };
}
