using System.Net;
using System.Text;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Hosting;
using OneStop.Testing;

namespace OneStop.Web.Tests.Platform;

/// <summary>Text the platform cannot store (a NUL, a control character, half a surrogate pair) is refused at the edge with a 400 naming the field, on every database.</summary>
public sealed class AcceptedTextTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("วันหยุด", null)]
    [InlineData("สอง\nบรรทัด\tและแท็บ", null)]
    [InlineData("ภาษาไทย 😀", null)]
    [InlineData("a\0b", "U+0000")]
    [InlineData("a\u001Bb", "U+001B")]
    [InlineData("a\u0085b", "U+0085")]
    [InlineData("a{D800}b", "surrogate")]
    [InlineData("a{DC00}", "surrogate")]
    [InlineData("{DC00}{D800}", "surrogate")]
    public void TheRule_AcceptsTextAndRefusesTheRest(string written, string? refusal)
    {
        // A lone surrogate cannot be written in an attribute (the compiler stores it as U+FFFD).
        var text = written.Replace("{D800}", "\uD800", StringComparison.Ordinal).Replace("{DC00}", "\uDC00", StringComparison.Ordinal);
        var problem = AcceptedText.Problem(text);

        if (refusal is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(refusal, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\ud800")]
    [InlineData("\\u001f")]
    public async Task AJsonStringWithIt_Is400NamingTheField_AndNothingIsWritten(string escaped)
    {
        var admin = app.CreateClientWithRoles(Roles.Admin);
        using var body = new StringContent($$"""{"date":"2093-03-03","nameTh":"วัน{{escaped}}หยุด","nameEn":"Day"}""", Encoding.UTF8, "application/json");

        var problem = await (await admin.PostAsync(new Uri("/api/agencies/holidays", UriKind.Relative), body)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("nameTh", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/api/agencies/holidays/2093-03-03", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AQueryValueWithIt_Is400NamingTheParameter()
    {
        var problem = await (await app.CreateClient().GetAsync(new Uri("/api/agencies?q=%E0%B8%81%00", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), problem.ToString());
    }

    [Fact]
    public async Task AnOidcFormFieldWithIt_IsInvalidRequest_NotAServerError()
    {
        using var form = new StringContent("grant_type=client_credentials&scope=exchange%00&client_id=demo-agency&client_secret=demo-agency-secret", Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await app.CreateClient().PostAsync(new Uri("/connect/token", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageFormWithIt_Is400_NotAServerError()
    {
        using var form = new StringContent("Login=someone%00%40example.test", Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await app.CreateClient().PostAsync(new Uri("/Identity/Account/ForgotPassword", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NullInsideAListOfAnAdminBody_Is400NamingTheField()
    {
        var admin = app.CreateClientWithRoles(Roles.Admin);
        using var body = new StringContent("""{"name":"Counter","connectionType":"Http","allowedAddresses":["127.0.0.1",null]}""", Encoding.UTF8, "application/json");

        var problem = await (await admin.PutAsync(new Uri("/api/exchange/admin/subsystems/TH/GOV/DEMO/edge-null", UriKind.Relative), body)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("allowedAddresses", problem.GetProperty("errors").EnumerateObject().Single().Name, StringComparison.Ordinal);
    }
}
