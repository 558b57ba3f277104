using System.Net;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

public sealed class AdminPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Overview_Admin_ListsSubsystemsServicesAndRights()
    {
        var html = await app.CreateClientWithRoles("Admin").GetStringAsync(new Uri("/Exchange/Admin", UriKind.Relative));
        Assert.Contains("TH/GOV/DEMO/counter", html, StringComparison.Ordinal);
        Assert.Contains("TH/GOV/DOPA/population/persons", html, StringComparison.Ordinal);
        Assert.Contains("GET /*", html, StringComparison.Ordinal);
        Assert.Contains("พ.ร.บ.การอำนวยความสะดวก", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_ErrorsOnlyFilter_ShowsRefusalsAndHidesSuccesses()
    {
        var issue = "ADMIN-FILTER-" + Guid.NewGuid().ToString("N")[..6];
        await CallAsync("/r1/TH/GOV/DOPA/population/persons/1999900000013", issue);
        await CallAsync("/r1/TH/GOV/DOPA/population/nosuchservice", issue);
        var admin = app.CreateClientWithRoles("Admin");

        var all = await admin.GetStringAsync(new Uri($"/Exchange/Admin/Log?issue={issue}", UriKind.Relative));
        Assert.Contains("Server.ServerProxy.UnknownService", all, StringComparison.Ordinal);
        Assert.Contains("/1-xxxx-xxxxx-x1-3", all, StringComparison.Ordinal);
        Assert.DoesNotContain("1999900000013", all, StringComparison.Ordinal);

        var errors = await admin.GetStringAsync(new Uri($"/Exchange/Admin/Log?issue={issue}&outcome=errors", UriKind.Relative));
        Assert.Contains("Server.ServerProxy.UnknownService", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("/1-xxxx-xxxxx-x1-3", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th-TH", "ข้อผิดพลาด: ", "กรุณากรอกเป็นตัวเลข")]
    [InlineData("en-GB", "Error: ", "Enter a number")]
    public async Task Log_LettersInANumberField_SaysSoInThePagesLanguage(string language, string prefix, string message)
    {
        var admin = app.CreateClientWithRoles("Admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await admin.GetAsync(new Uri("/Exchange/Admin/Log?take=ten", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>" + prefix, html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Exchange/Admin")]
    [InlineData("/Exchange/Admin/Log")]
    public async Task AdminPages_ForACitizen_Are403AndForAnonymous401(string path)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAsCitizen("1999900000013").GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    private async Task CallAsync(string path, string issue)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Road-Client", "TH/GOV/DEMO/counter");
        request.Headers.Add("X-Road-Issue", issue);
        await app.CreateClient().SendAsync(request);
    }
}
