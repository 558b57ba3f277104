using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using OneStop.SharedKernel.Identifiers;
using OneStop.Testing;
using OneStop.Web.Platform;

namespace OneStop.Web.Tests.Platform;

/// <summary>Thai IDs in bodies and routes are validated at the edge, with the field named.</summary>
public sealed class ThaiIdBindingTests(ThaiIdBindingTests.Factory app) : IClassFixture<ThaiIdBindingTests.Factory>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Body_ValidIds_AreAccepted()
    {
        var response = await client.PostAsJsonAsync("/api/test/ids", new { citizenId = "1-9999-00000-01-3", companyId = "0105999000016" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1999900000013 0105999000016 CompanyLimited", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("1999900000014", "0105999000016", "citizenId", "check digit")]
    [InlineData("199990000001", "0105999000016", "citizenId", "13 digits")]
    [InlineData("0105999000016", "0105999000016", "citizenId", "does not start with 0")]
    [InlineData("1999900000013", "0105999000017", "companyId", "check digit")]
    [InlineData("1999900000013", "1999900000013", "companyId", "starts with 0")]
    public async Task Body_InvalidId_Is400NamingTheFieldAndTheProblem(string citizenId, string companyId, string field, string message)
    {
        var response = await client.PostAsJsonAsync("/api/test/ids", new { citizenId, companyId });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorsFor(field), m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Body_IdAsANumber_Is400AskingForAString()
    {
        using var content = new StringContent("""{"citizenId":1999900000013,"companyId":"0105999000016"}""", System.Text.Encoding.UTF8, "application/json");
        var problem = await (await client.PostAsync(new Uri("/api/test/ids", UriKind.Relative), content)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorsFor("citizenId"), m => m.Contains("JSON string", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Route_InvalidId_Is400NamingTheParameter()
    {
        var problem = await (await client.GetAsync(new Uri("/api/test/ids/1999900000014", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("citizenId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_ValidId_IsBound()
        => Assert.Equal("1-9999-00000-01-3", await client.GetStringAsync(new Uri("/api/test/ids/1999900000013", UriKind.Relative)));

    private sealed record IdsRequest(ThaiCitizenId CitizenId, JuristicPersonId CompanyId);

    /// <summary>The platform's error handling around two endpoints that take Thai IDs.</summary>
    public sealed class Factory : IAsyncLifetime
    {
        private WebApplication? app;

        public HttpClient CreateClient() => app!.GetTestClient();

        public async ValueTask InitializeAsync()
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = typeof(Program).Assembly.GetName().Name });
            builder.WebHost.UseTestServer();
            builder.Configuration["Outbox:Enabled"] = "false";
            builder.Configuration["Platform:PublicOrigin"] = "https://onestop.example.go.th";
            builder.AddOneStopPlatform();
            app = builder.Build();
            app.UseOneStopPlatform();
            app.MapPost("/api/test/ids", (IdsRequest r) => $"{r.CitizenId} {r.CompanyId} {r.CompanyId.Kind}");
            app.MapGet("/api/test/ids/{citizenId}", (ThaiCitizenId citizenId) => citizenId.Formatted);
            await app.StartAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}
