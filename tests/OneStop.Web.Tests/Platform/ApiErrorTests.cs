using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OneStop.SharedKernel.Hosting;
using OneStop.Testing;

namespace OneStop.Web.Tests.Platform;

public sealed class ApiErrorTests(ApiErrorTests.Factory app) : IClassFixture<ApiErrorTests.Factory>
{
    private readonly HttpClient admin = app.CreateClientWithRoles(Roles.Admin);

    [Fact]
    public async Task UnknownApiRoute_Is404ProblemWithTraceId()
    {
        var problem = await (await admin.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task WrongMethodOnApiRoute_Is405Problem()
        => await (await admin.PutAsJsonAsync("/api/agencies/holidays", new { })).ReadProblemAsync(HttpStatusCode.MethodNotAllowed);

    [Fact]
    public async Task MalformedJson_Is400NamingTheBody()
    {
        using var content = new StringContent("""{"date":"2099-01-01","nameTh":""", Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync(new Uri("/api/agencies/holidays", UriKind.Relative), content)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongJsonTypeForAField_Is400NamingThatField()
    {
        using var content = new StringContent("""{"date":"2099-01-02","nameTh":42,"nameEn":"Day"}""", Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync(new Uri("/api/agencies/holidays", UriKind.Relative), content)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("nameTh"));
    }

    [Fact]
    public async Task BodyOverOneMegabyte_Is413Problem()
    {
        var big = new string('ก', 600_000); // 1.8 MB in UTF-8
        using var content = new StringContent($$"""{"date":"2099-01-03","nameTh":"{{big}}","nameEn":"Day"}""", Encoding.UTF8, "application/json");
        await (await admin.PostAsync(new Uri("/api/agencies/holidays", UriKind.Relative), content)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UnexpectedException_OutsideDevelopment_Is500WithoutInternals()
    {
        var response = await admin.GetAsync(new Uri("/api/test/explode", UriKind.Relative));
        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        var text = problem.ToString();
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Is404HtmlPageInThai()
    {
        var response = await admin.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ไม่พบหน้าที่ต้องการ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The app with one endpoint that fails, to see what a failure looks like from outside.</summary>
    public sealed class Factory : AppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services)
            => services.AddSingleton<IStartupFilter, ExplodingEndpoint>();
    }

    private sealed class ExplodingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseWhen(c => c.Request.Path == "/api/test/explode", a => a.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }
}
