using System.Net;
using System.Text;
using OneStop.SharedKernel.Hosting;
using OneStop.Testing;

namespace OneStop.Web.Tests.Platform;

/// <summary>An API's error is problem+json whatever the client accepts: never HTML, never an empty body, never a 500.</summary>
public sealed class ApiAcceptTests(ApiErrorTests.Factory app) : IClassFixture<ApiErrorTests.Factory>
{
    public static TheoryData<string> Accepts => ["text/html", "text/plain", "application/xml", "text/html,application/xhtml+xml;q=0.9", "application/json;q=0"];

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string accept)
    {
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await app.CreateClientWithRoles(Roles.Admin).SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task NotFound_IsProblemJson(string accept)
        => await (await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/agencies/99999999"), accept)).ReadProblemAsync(HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task MalformedJson_IsProblemJson(string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/agencies/holidays") { Content = new StringContent("{\"date\":", Encoding.UTF8, "application/json") };

        await (await SendAsync(request, accept)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task AnUnexpectedError_IsProblemJson(string accept)
        => await (await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/test/explode"), accept)).ReadProblemAsync(HttpStatusCode.InternalServerError);

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task TooLarge_IsProblemJson(string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/agencies/holidays") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new("application/json");

        await (await SendAsync(request, accept)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
