using System.Net;
using OneStop.Testing;

namespace OneStop.Licensing.Tests.Http;

public sealed class LicensingModuleTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task UnknownLicensingApi_AnswersProblemJson()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/licensing/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
