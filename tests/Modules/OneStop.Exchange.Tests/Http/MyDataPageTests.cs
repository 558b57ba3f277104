using System.Net;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

public sealed partial class MyDataPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Person = "1999900001036";

    [Fact]
    public async Task MyData_AfterACounterRead_ShowsWhoReadItAndWhy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/r1/TH/GOV/DOPA/population/persons/{Person}");
        request.Headers.Add("X-Road-Client", "TH/GOV/DEMO/counter");
        request.Headers.Add("X-Road-Issue", "SHOP-LICENCE-2026-042");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);

        var html = await app.CreateClientAsCitizen(Person).GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        Assert.Contains("SHOP-LICENCE-2026-042", html, StringComparison.Ordinal);
        // People's words: the system's and its agency's names from the directory, never the system's code.
        Assert.Contains("Counter service (demo)", html, StringComparison.Ordinal);
        Assert.Contains("หน่วยบริการสาธิต", html, StringComparison.Ordinal);
        Assert.DoesNotContain("TH/GOV/DEMO/counter", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"th\">", html, StringComparison.Ordinal);

        var other = await app.CreateClientAsCitizen("2999912345671").GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        Assert.DoesNotContain("SHOP-LICENCE-2026-042", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_ReadOfACompanyIAmDirectorOf_SaysIWasNamedInSomeoneElsesRecord_WithoutItsPurpose()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/r1/TH/GOV/DBD/juristic/companies/0105999000016");
        request.Headers.Add("X-Road-Client", "TH/GOV/DEMO/counter");
        request.Headers.Add("X-Road-Issue", "FACTORY-LICENCE-2026-7");
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var company = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var director = company.RootElement.GetProperty("directors")[0].GetProperty("citizenId").GetString()!;

        var citizen = app.CreateClientAsCitizen(director);
        var html = await citizen.GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        Assert.Contains("มีชื่อคุณในข้อมูลของผู้อื่น", html, StringComparison.Ordinal);
        Assert.Contains("ไม่แสดง (เป็นเรื่องของผู้อื่น)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("FACTORY-LICENCE-2026-7", html, StringComparison.Ordinal); // the company's matter, not the director's
        citizen.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        Assert.Contains("You are named in someone else&#x27;s record", await citizen.GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_AConsent_NamesTheSystemItsAgencyAndTheRecord_NotTheirCodes()
    {
        var citizen = app.CreateClientAsCitizen("3999900000109");
        var granted = await citizen.PostAsync(new Uri("/api/exchange/consents", UriKind.Relative),
            JsonContent("""{"client":"TH/GOV/DEMO/scholarship","service":"TH/GOV/DOPA/population/persons","purpose":"Names not codes","days":5}"""));
        Assert.True(granted.IsSuccessStatusCode, $"{(int)granted.StatusCode}");

        var html = await citizen.GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        var consents = html[html.IndexOf("id=\"consents\"", StringComparison.Ordinal)..html.IndexOf("id=\"give\"", StringComparison.Ordinal)];

        Assert.Contains("Scholarship fund (demo)", consents, StringComparison.Ordinal);
        Assert.Contains("ข้อมูลทะเบียนราษฎร", consents, StringComparison.Ordinal);
        Assert.Contains("หน่วยบริการสาธิต", consents, StringComparison.Ordinal);
        Assert.DoesNotContain("TH/GOV/", consents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_WithdrawButton_WithdrawsTheConsent()
    {
        var citizen = app.CreateClientAsCitizen(Person);
        var granted = await citizen.PostAsync(new Uri("/api/exchange/consents", UriKind.Relative),
            JsonContent("""{"client":"TH/GOV/DEMO/counter","service":"TH/GOV/DOPA/population/persons","purpose":"Page withdraw","days":5}"""));
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);

        var html = await citizen.GetStringAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        var token = Antiforgery().Match(html).Groups[1].Value;
        var id = ConsentId().Match(html).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token });
        var posted = await citizen.PostAsync(new Uri("/Exchange/MyData?handler=Withdraw", UriKind.Relative), form);
        Assert.True(posted.IsSuccessStatusCode || posted.StatusCode == HttpStatusCode.Redirect, $"{(int)posted.StatusCode}");

        var consents = await citizen.GetFromJsonOrFailAsync("/api/exchange/consents");
        Assert.Contains(consents.EnumerateArray(), c => c.GetProperty("id").GetString() == id && !c.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task MyData_NotSignedIn_Is401PageWithoutData()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/Exchange/MyData", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("กรุณาเข้าสู่ระบบ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ConsentId();
}
