using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>
/// A member as the client of an exchange (<c>X-Road-Client: INSTANCE/CLASS/MEMBER</c>, PR-REST 4.3): it
/// connects as a subsystem does, with connection settings of its own, holds access rights of its own,
/// and is logged and shown to data subjects by its identifier. A member without connection settings
/// only owns subsystems.
/// </summary>
public sealed partial class MemberClientTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private const string Api = "/api/exchange/admin";

    private static readonly string[] Loopback = ["127.0.0.1", "::1"];

    private static readonly string[] Elsewhere = ["10.9.8.7"];

    [Fact]
    public async Task MemberClient_WithConnectionSettingsAndARight_ReachesTheProviderAndIsLoggedAsItself()
    {
        var member = await NewMemberAsync(new { name = "Member client", connectionType = "Http", allowedAddresses = Loopback });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var granted = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client = member, service, method = "GET", path = "/items/*" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(member, (await JsonAsync(granted)).GetProperty("clientId").GetString());
        var keys = await app.WithDbAsync(db => db.AccessRights.Where(r => r.ClientId == member).Select(r => new { r.ClientMemberId, r.ClientSubsystemId }).SingleAsync());
        Assert.Equal(member, keys.ClientMemberId);
        Assert.Null(keys.ClientSubsystemId);
        var marker = NewCode("marker-");
        var xroadId = NewCode("member-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/items/{marker}", member, xroadId: xroadId);

        Assert.Equal("""{"counted":true}""", await XRoadAssert.OkAsync(response));
        Assert.Equal(member, Assert.Single(response.Headers.GetValues("X-Road-Client")));
        Assert.Equal($"/items/{marker}", Assert.Single(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal)));
        Assert.Equal(member, Assert.Single(await app.LogRecordsAsync(xroadId)).Client);
        var found = await Admin().GetFromJsonOrFailAsync($"{Api}/log?client={Uri.EscapeDataString(member)}");
        var record = Assert.Single(found.GetProperty("records").EnumerateArray());
        Assert.Equal(xroadId, record.GetProperty("xRoadId").GetString());
        Assert.Equal(member, record.GetProperty("client").GetString());
    }

    [Fact]
    public async Task MemberClient_WithoutARight_Is500AccessDeniedAndTheProviderIsNeverCalled()
    {
        var member = await NewMemberAsync(new { name = "Member without a right", connectionType = "Http", allowedAddresses = Loopback });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var marker = NewCode("marker-");
        var xroadId = NewCode("member-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", member, xroadId: xroadId);

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));
        var logged = Assert.Single(await app.LogRecordsAsync(xroadId));
        Assert.Equal(member, logged.Client);
        Assert.Equal("Server.ServerProxy.AccessDenied", logged.ErrorType);
    }

    [Fact]
    public async Task MemberClient_RightOfOneOfItsSubsystems_DoesNotCarryTheMember()
    {
        var member = await NewMemberAsync(new { name = "Member with a subsystem", connectionType = "Http", allowedAddresses = Loopback });
        var subsystemCode = NewCode("sub-");
        var savedSubsystem = await Admin().PutAsJsonAsync(Url($"{Api}/subsystems/{member}/{subsystemCode}"), new { name = "Its system", connectionType = "Http", allowedAddresses = Loopback });
        Assert.Equal(HttpStatusCode.Created, savedSubsystem.StatusCode);
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        Assert.Equal(HttpStatusCode.Created, (await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client = $"{member}/{subsystemCode}", service, method = "*", path = "/**" })).StatusCode);
        var marker = NewCode("marker-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", member);

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberClient_WithoutConnectionSettings_Is400UnknownMemberAndTheProviderIsNeverCalled()
    {
        var member = await NewMemberAsync(new { name = "Owner only" });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var marker = NewCode("marker-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", member);

        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.UnknownMember");
        Assert.Contains("connection settings", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberClient_ItsConnectionSettingsRemoved_LosesAccessAtOnceThoughItsRightStays()
    {
        var member = await NewMemberAsync(new { name = "Member client", connectionType = "Http", allowedAddresses = Loopback });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        Assert.Equal(HttpStatusCode.Created, (await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client = member, service, method = "GET", path = "/**" })).StatusCode);
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("before-")}", member));

        var cleared = await Admin().PutAsJsonAsync(Url($"{Api}/members/{member}"), new { name = "Member client" });
        Assert.Equal("Updated", (await JsonAsync(cleared)).GetProperty("outcome").GetString());
        var marker = NewCode("after-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", member);
        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.UnknownMember");
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberClient_FromAnAddressItDidNotRegister_Is400SslAuthenticationFailed()
    {
        var member = await NewMemberAsync(new { name = "Member elsewhere", connectionType = "Http", allowedAddresses = Elsewhere });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        Assert.Equal(HttpStatusCode.Created, (await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client = member, service, method = "GET", path = "/**" })).StatusCode);
        var marker = NewCode("marker-");

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", member);

        await XRoadAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Server.ClientProxy.SslAuthenticationFailed");
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberClient_WithAnOAuthClient_IsServedOnlyWithItsAccessToken()
    {
        var member = await NewMemberAsync(new { name = "Member with tokens", connectionType = "OAuth2", allowedAddresses = Loopback, oauthClientId = "demo-agency" });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        Assert.Equal(HttpStatusCode.Created, (await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client = member, service, method = "GET", path = "/**" })).StatusCode);
        var marker = NewCode("marker-");

        var withoutToken = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", member);
        await XRoadAssert.ErrorAsync(withoutToken, HttpStatusCode.BadRequest, "Server.ClientProxy.SslAuthenticationFailed");
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));

        using var request = XRoadRequest(HttpMethod.Get, $"/r1/{service}/{marker}", member);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await DemoAgencyTokenAsync());
        await XRoadAssert.OkAsync(await app.CreateClient().SendAsync(request));
        Assert.Single(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberClient_ReadingPersonalData_IsShownToThePersonByItsIdentifierAndName()
    {
        var name = "Member reader " + NewCode("n-");
        var member = await NewMemberAsync(new { name, connectionType = "Http", allowedAddresses = Loopback });
        var granted = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client = member, service = Persons, method = "GET", path = "/*", legalMandate = "Act of Tests 2026, s. 9" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var xroadId = NewCode("member-read-");

        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Persons}/{ThirdDocumentedCitizen}", member, "APP-MEMBER-1", xroadId));

        var reads = await app.CreateClientAsCitizen(ThirdDocumentedCitizen).GetFromJsonOrFailAsync("/api/exchange/my-data-reads");
        var read = Assert.Single(reads.EnumerateArray(), r => r.GetProperty("xRoadId").GetString() == xroadId);
        Assert.Equal(member, read.GetProperty("client").GetString());
        Assert.Equal(name, read.GetProperty("clientName").GetString());
        Assert.Equal("Act of Tests 2026, s. 9", read.GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task ListClients_MemberClient_IsListedAsAMember()
    {
        var member = await NewMemberAsync(new { name = "Listed member client", connectionType = "Http", allowedAddresses = Loopback });
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/listClients"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var body = await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        var entries = JsonDocument.Parse(body).RootElement.GetProperty("member").EnumerateArray().Select(m => m.GetProperty("id")).ToList();
        var listed = Assert.Single(entries, id => id.GetProperty("member_code").GetString() == member.Split('/')[2]);
        Assert.Equal("MEMBER", listed.GetProperty("object_type").GetString());
        Assert.False(listed.TryGetProperty("subsystem_code", out _));
    }

    [Fact]
    public async Task SaveMember_ConnectionSettings_AreStoredNormalisedAndRecordedAndTheSameAgainIsUnchanged()
    {
        var code = NewCode("M-");
        var member = $"TH/GOV/{code}";
        var thumbprint = string.Join(':', Enumerable.Range(0, 32).Select(i => (i * 5 % 256).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        var body = new { name = "Certified member", connectionType = "HttpsClientCertificate", clientCertificateThumbprint = thumbprint };

        var first = await Admin().PutAsJsonAsync(Url($"{Api}/members/{member}"), body);
        var again = await Admin().PutAsJsonAsync(Url($"{Api}/members/{member}"), body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("Unchanged", (await JsonAsync(again)).GetProperty("outcome").GetString());
        var change = Assert.Single(await ChangesAsync(), c => c.GetProperty("target").GetString() == member);
        var state = JsonDocument.Parse(change.GetProperty("state").GetString()!).RootElement;
        Assert.Equal("HttpsClientCertificate", state.GetProperty("connectionType").GetString());
        Assert.Equal(thumbprint.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), state.GetProperty("clientCertificateThumbprint").GetString());
    }

    [Theory]
    [InlineData("""{"name":"No addresses","connectionType":"Http","allowedAddresses":[]}""", "allowedAddresses")]
    [InlineData("""{"name":"Not an IP","connectionType":"Http","allowedAddresses":["127.0.0.1","not-an-ip"]}""", "allowedAddresses")]
    [InlineData("""{"name":"No thumbprint","connectionType":"HttpsClientCertificate"}""", "clientCertificateThumbprint")]
    [InlineData("""{"name":"Short thumbprint","connectionType":"HttpsClientCertificate","clientCertificateThumbprint":"ABCDEF"}""", "clientCertificateThumbprint")]
    [InlineData("""{"name":"No OAuth client","connectionType":"OAuth2","allowedAddresses":["127.0.0.1"]}""", "oauthClientId")]
    [InlineData("""{"name":"Settings without a type","allowedAddresses":["127.0.0.1"]}""", "connectionType")]
    [InlineData("""{"name":"Thumbprint without a type","clientCertificateThumbprint":"AB"}""", "connectionType")]
    public async Task SaveMember_BadConnectionSettings_Is400NamingTheFieldAndSavesNothing(string body, string field)
    {
        var code = NewCode("M-");
        var response = await PutJsonAsync($"{Api}/members/TH/GOV/{code}", body);
        Assert.NotEmpty((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
        Assert.DoesNotContain(await ChangesAsync(), c => c.GetProperty("target").GetString() == $"TH/GOV/{code}");
    }

    [Theory]
    [InlineData("\"Ftp\"")]
    [InlineData("1")]
    [InlineData("[]")]
    public async Task SaveMember_UnknownConnectionType_Is400AndSavesNothing(string connectionType)
    {
        var code = NewCode("M-");
        var response = await PutJsonAsync($"{Api}/members/TH/GOV/{code}", $$"""{"name":"Odd","connectionType":{{connectionType}},"allowedAddresses":["127.0.0.1"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await ChangesAsync(), c => c.GetProperty("target").GetString() == $"TH/GOV/{code}");
    }

    [Fact]
    public async Task AddRight_ForAMemberWithoutConnectionSettings_Is400NamingClient()
    {
        var member = await NewMemberAsync(new { name = "Owner only" });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);

        var response = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client = member, service, method = "GET", path = "/**" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("client"));
        Assert.DoesNotContain(await ChangesAsync(), c => c.GetProperty("action").GetString() == "right.created" && c.GetProperty("target").GetString()!.StartsWith(member + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddRight_SameForAMemberAgain_Is200WithTheSameRight()
    {
        var member = await NewMemberAsync(new { name = "Member client", connectionType = "Https" });
        var service = await app.AddServiceAsync(ExchangeAppFactory.CountingProvider);
        var body = new { client = member, service, method = "get", path = "/items/*" };

        var first = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), body);
        var again = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetInt32(), (await JsonAsync(again)).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task MemberForm_ConnectionSettingsPosted_AreSavedShownAgainAndOfferedForRights()
    {
        var browser = NoRedirectAdmin();
        var code = NewCode("FORM-");
        var member = $"TH/GOV/{code}";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Instance"] = "TH", ["MemberClass"] = "GOV", ["MemberCode"] = code, ["Name"] = "Form member client", ["AgencyCode"] = "",
            ["ConnectionType"] = "Http", ["AllowedAddresses"] = "127.0.0.1, ::1", ["ClientCertificateThumbprint"] = "", ["OAuthClientId"] = "",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/Exchange/Admin/Member"),
        });

        var saved = await browser.PostAsync(Url("/Exchange/Admin/Member"), form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == member));
        Assert.Equal(ConnectionType.Http, stored.ConnectionType);
        Assert.Equal(Loopback, stored.AllowedAddresses);
        var page = await Admin().GetStringAsync(Url($"/Exchange/Admin/Member?id={Uri.EscapeDataString(member)}"));
        Assert.Contains("value=\"127.0.0.1 ::1\"", page, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Http\" selected=\"selected\">", page);
        var overview = await Admin().GetStringAsync(Url("/Exchange/Admin"));
        Assert.Contains($"<option value=\"{member}\">", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberForm_NotAClient_ClearsTheConnectionSettingsLeftInTheForm()
    {
        var member = await NewMemberAsync(new { name = "Was a client", connectionType = "Http", allowedAddresses = Loopback });
        var browser = NoRedirectAdmin();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Id"] = member, ["Name"] = "Was a client", ["ConnectionType"] = "", ["AllowedAddresses"] = "127.0.0.1 ::1",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, $"/Exchange/Admin/Member?id={Uri.EscapeDataString(member)}"),
        });

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(Url("/Exchange/Admin/Member"), form)).StatusCode);

        var stored = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == member));
        Assert.Null(stored.ConnectionType);
        Assert.Empty(stored.AllowedAddresses);
    }

    [Theory]
    [InlineData("Ftp", "127.0.0.1", "ConnectionType")]
    [InlineData("Http", "not-an-ip", "allowedAddresses")]
    public async Task MemberForm_BadConnectionSettings_ShowTheErrorAndSaveNothing(string connectionType, string addresses, string field)
    {
        var browser = NoRedirectAdmin();
        var code = NewCode("FORM-");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Instance"] = "TH", ["MemberClass"] = "GOV", ["MemberCode"] = code, ["Name"] = "Bad settings", ["ConnectionType"] = connectionType, ["AllowedAddresses"] = addresses,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/Exchange/Admin/Member"),
        });

        var response = await browser.PostAsync(Url("/Exchange/Admin/Member"), form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == $"TH/GOV/{code}")));
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>An admin client that keeps cookies but shows redirects instead of following them.</summary>
    private HttpClient NoRedirectAdmin()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, "Admin");
        return client;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(Url(page));
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private HttpClient Admin() => app.CreateClientWithRoles("Admin");

    private async Task<HttpResponseMessage> PutJsonAsync(string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Admin().PutAsync(Url(url), content);
    }

    private async Task<List<JsonElement>> ChangesAsync()
        => (await Admin().GetFromJsonOrFailAsync($"{Api}/changes?take=1000")).EnumerateArray().ToList();

    /// <summary>A new member of class GOV saved through the API with <paramref name="body"/>; its ID.</summary>
    private async Task<string> NewMemberAsync(object body)
    {
        var code = NewCode("M-");
        var response = await Admin().PutAsJsonAsync(Url($"{Api}/members/TH/GOV/{code}"), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return $"TH/GOV/{code}";
    }

    private async Task<string> DemoAgencyTokenAsync()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = "exchange",
            ["client_id"] = "demo-agency", ["client_secret"] = "demo-agency-secret",
        });
        var response = await app.CreateClient().PostAsync(Url("/connect/token"), form);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
