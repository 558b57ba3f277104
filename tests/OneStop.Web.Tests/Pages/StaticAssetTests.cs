using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Testing;

namespace OneStop.Web.Tests.Pages;

public sealed partial class StaticAssetTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Layout_Stylesheet_IsServedAsCss()
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var href = Stylesheet().Match(html).Groups[1].Value;
        Assert.StartsWith("/css/site", href, StringComparison.Ordinal);

        var css = await client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sarabun", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThaiFont_IsServed()
    {
        var font = await app.CreateClient().GetAsync(new Uri("/fonts/sarabun-thai-400-normal.woff2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, font.StatusCode);
        Assert.Equal("font/woff2", font.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void OutsideDevelopment_NoCatchAllRouteLooksForFilesOnDisk()
    {
        // Run from build output, ASP.NET Core would add "{**path:file}", checking the disk on every GET.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToList();

        Assert.Contains(routes, r => r?.TrimStart('/').StartsWith("css/site", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(routes, r => r?.Contains("**path", StringComparison.Ordinal) == true);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
