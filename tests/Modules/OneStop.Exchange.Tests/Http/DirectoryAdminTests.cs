using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>
/// Operators editing the exchange directory through the admin API and pages: what they build carries
/// real X-Road calls at once, saves are idempotent and recorded, and bad input is refused with the field named.
/// </summary>
public sealed partial class DirectoryAdminTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private const string Api = "/api/exchange/admin";

    private static readonly string[] Loopback = ["127.0.0.1", "::1"];

    [Fact]
    public async Task Directory_BuiltThroughTheApi_CarriesACallUntilTheRightIsRemoved()
    {
        var admin = Admin();
        var member = await NewMemberAsync();
        var client = await NewSubsystemAsync(member, "cli-");
        var provider = await NewSubsystemAsync(member, "prov-");
        var serviceCode = NewCode("svc-");
        var service = $"{provider}/{serviceCode}";
        var saved = await admin.PutAsJsonAsync(Url($"{Api}/services/{provider}/{serviceCode}"), ServiceBody(ExchangeAppFactory.CountingProvider));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(service, (await JsonAsync(saved)).GetProperty("id").GetString());

        var refused = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("before-")}", client);
        await XRoadAssert.ErrorAsync(refused, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");

        var granted = await admin.PostAsJsonAsync(Url($"{Api}/rights"), new { client, service, method = "GET", path = "/**", legalMandate = (string?)null });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var right = await JsonAsync(granted);
        var rightId = right.GetProperty("id").GetInt32();
        Assert.Equal(client, right.GetProperty("clientId").GetString());
        Assert.Equal($"{Api}/rights/{rightId}", granted.Headers.Location?.OriginalString);

        var marker = NewCode("marker-");
        var ok = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/items/{marker}", client);
        Assert.Equal("""{"counted":true}""", await XRoadAssert.OkAsync(ok));
        Assert.Equal($"/items/{marker}", Assert.Single(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Url($"{Api}/rights/{rightId}"))).StatusCode);

        var after = NewCode("after-");
        var denied = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/items/{after}", client);
        await XRoadAssert.ErrorAsync(denied, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(after, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Url($"{Api}/rights/{rightId}"))).StatusCode);

        var changes = await ChangesAsync();
        Assert.Contains(changes, c => c.GetProperty("action").GetString() == "right.created" && c.GetProperty("target").GetString()!.StartsWith(client, StringComparison.Ordinal));
        Assert.Single(changes, c => c.GetProperty("action").GetString() == "right.removed" && c.GetProperty("target").GetString()!.StartsWith(client, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveMember_SameBodyTwice_SecondIsUnchangedAndOnlyOneChangeIsRecorded()
    {
        var admin = Admin();
        var code = NewCode("M-");
        var id = $"TH/GOV/{code}";
        var body = new { name = "  Department of Tests  ", agencyCode = "dt01" };

        var first = await admin.PutAsJsonAsync(Url($"{Api}/members/TH/GOV/{code}"), body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"{Api}/members/{id}", first.Headers.Location?.OriginalString);
        Assert.Equal("Created", (await JsonAsync(first)).GetProperty("outcome").GetString());

        var second = await admin.PutAsJsonAsync(Url($"{Api}/members/TH/GOV/{code}"), body);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var saved = await JsonAsync(second);
        Assert.Equal(id, saved.GetProperty("id").GetString());
        Assert.Equal("Unchanged", saved.GetProperty("outcome").GetString());

        var change = Assert.Single(await ChangesAsync(), c => c.GetProperty("target").GetString() == id);
        Assert.Equal("member.created", change.GetProperty("action").GetString());
        Assert.Equal("Test User", change.GetProperty("actor").GetString());
        var state = JsonDocument.Parse(change.GetProperty("state").GetString()!).RootElement;
        Assert.Equal("Department of Tests", state.GetProperty("name").GetString());
        Assert.Equal("DT01", state.GetProperty("agencyCode").GetString());

        var renamed = await admin.PutAsJsonAsync(Url($"{Api}/members/TH/GOV/{code}"), new { name = "Department of Tests, renamed", agencyCode = "DT01" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Updated", (await JsonAsync(renamed)).GetProperty("outcome").GetString());
        var changes = (await ChangesAsync()).Where(c => c.GetProperty("target").GetString() == id).ToList();
        Assert.Equal(["member.updated", "member.created"], changes.Select(c => c.GetProperty("action").GetString()));
        Assert.Equal("Department of Tests, renamed", await app.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task SaveSubsystem_SameBodyTwice_SecondIsUnchanged()
    {
        var member = await NewMemberAsync();
        var code = NewCode("sub-");
        var body = new { name = "Counter", connectionType = "Http", allowedAddresses = Loopback, clientCertificateThumbprint = (string?)null };

        var first = await Admin().PutAsJsonAsync(Url($"{Api}/subsystems/{member}/{code}"), body);
        var second = await Admin().PutAsJsonAsync(Url($"{Api}/subsystems/{member}/{code}"), body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Unchanged", (await JsonAsync(second)).GetProperty("outcome").GetString());
        Assert.Single(await ChangesAsync(), c => c.GetProperty("target").GetString() == $"{member}/{code}");
    }

    [Fact]
    public async Task SaveService_SameEndpointsInAnotherOrderAndCase_IsUnchanged()
    {
        var provider = await NewSubsystemAsync(await NewMemberAsync(), "prov-");
        var code = NewCode("svc-");
        var url = Url($"{Api}/services/{provider}/{code}");
        var first = await Admin().PutAsJsonAsync(url, ServiceBody(ExchangeAppFactory.CountingProvider, endpoints: [new("GET", "/a/*"), new("POST", "/b")]));
        var second = await Admin().PutAsJsonAsync(url, ServiceBody(ExchangeAppFactory.CountingProvider, endpoints: [new("post", "/b"), new("GET", "/a/*")]));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Unchanged", (await JsonAsync(second)).GetProperty("outcome").GetString());
        Assert.Single(await ChangesAsync(), c => c.GetProperty("target").GetString() == $"{provider}/{code}");

        var third = await Admin().PutAsJsonAsync(url, ServiceBody(ExchangeAppFactory.CountingProvider, endpoints: [new("GET", "/a/*")]));
        Assert.Equal("Updated", (await JsonAsync(third)).GetProperty("outcome").GetString());
        var endpoints = await app.WithDbAsync(db => db.Services.Where(s => s.Id == $"{provider}/{code}").SelectMany(s => s.Endpoints).Select(e => e.Method + " " + e.Path).ToListAsync());
        Assert.Equal("GET /a/*", Assert.Single(endpoints));
    }

    [Fact]
    public async Task SaveService_Disabled_MakesCallsAnswerServiceDisabledUntilEnabledAgain()
    {
        var member = await NewMemberAsync();
        var client = await NewSubsystemAsync(member, "cli-");
        var provider = await NewSubsystemAsync(member, "prov-");
        var code = NewCode("svc-");
        var service = $"{provider}/{code}";
        var url = Url($"{Api}/services/{provider}/{code}");
        Assert.Equal(HttpStatusCode.Created, (await Admin().PutAsJsonAsync(url, ServiceBody(ExchangeAppFactory.CountingProvider))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client, service, method = "*", path = "/**" })).StatusCode);
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("on-")}", client));

        var disabled = await Admin().PutAsJsonAsync(url, ServiceBody(ExchangeAppFactory.CountingProvider, disabled: true));
        Assert.Equal("Updated", (await JsonAsync(disabled)).GetProperty("outcome").GetString());
        var marker = NewCode("off-");
        var refused = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{marker}", client);
        await XRoadAssert.ErrorAsync(refused, HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceDisabled");
        Assert.DoesNotContain(app.CountedCalls, c => c.Contains(marker, StringComparison.Ordinal));

        await Admin().PutAsJsonAsync(url, ServiceBody(ExchangeAppFactory.CountingProvider));
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("on-again-")}", client));
    }

    [Fact]
    public async Task AddRight_SameAgainIs200WithTheSameRight_WithAnotherMandateIs409()
    {
        var member = await NewMemberAsync();
        var client = await NewSubsystemAsync(member, "cli-");
        var service = await NewServiceAsync(await NewSubsystemAsync(member, "prov-"));
        var body = new { client, service, method = "get", path = "/items/*", legalMandate = "Act of Tests 2026, s. 4" };

        var first = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), body);
        var again = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), body with { method = "GET" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var right = await JsonAsync(first);
        Assert.Equal("GET", right.GetProperty("method").GetString());
        Assert.Equal(right.GetProperty("id").GetInt32(), (await JsonAsync(again)).GetProperty("id").GetInt32());

        var conflict = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), body with { legalMandate = "Another act" });
        await conflict.ReadProblemAsync(HttpStatusCode.Conflict);
        var conflictNoMandate = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), body with { legalMandate = "" });
        await conflictNoMandate.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessRights.CountAsync(r => r.ClientId == client)));
        Assert.Single(await ChangesAsync(), c => c.GetProperty("action").GetString() == "right.created" && c.GetProperty("target").GetString()!.StartsWith(client, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TH/GOV/bad%20code", """{"name":"Bad code"}""", "id")]
    [InlineData("TH/bad%20class/CODE", """{"name":"Bad class"}""", "id")]
    [InlineData("TH/GOV/{code}", """{"name":""}""", "name")]
    [InlineData("TH/GOV/{code}", """{"name":"   "}""", "name")]
    [InlineData("TH/GOV/{code}", """{"name":"Agency code too long","agencyCode":"ABCDEFGHIJK"}""", "agencyCode")]
    public async Task SaveMember_BadInput_Is400NamingTheField(string member, string body, string field)
    {
        var path = member.Replace("{code}", NewCode("M-"), StringComparison.Ordinal);
        var response = await PutJsonAsync($"{Api}/members/{path}", body);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(0, await app.WithDbAsync(db => db.Members.CountAsync(m => m.Id == Uri.UnescapeDataString(path))));
    }

    [Theory]
    [InlineData("bad%20code", """{"name":"Bad code","connectionType":"Http","allowedAddresses":["127.0.0.1"]}""", "id")]
    [InlineData("{code}", """{"name":"","connectionType":"Http","allowedAddresses":["127.0.0.1"]}""", "name")]
    [InlineData("{code}", """{"name":"No addresses","connectionType":"Http","allowedAddresses":[]}""", "allowedAddresses")]
    [InlineData("{code}", """{"name":"Null addresses","connectionType":"Http"}""", "allowedAddresses")]
    [InlineData("{code}", """{"name":"Blank addresses","connectionType":"Http","allowedAddresses":["  "]}""", "allowedAddresses")]
    [InlineData("{code}", """{"name":"Not an IP","connectionType":"Http","allowedAddresses":["127.0.0.1","not-an-ip"]}""", "allowedAddresses")]
    [InlineData("{code}", """{"name":"Out of range","connectionType":"Https","allowedAddresses":["999.1.1.1"]}""", "allowedAddresses")]
    [InlineData("{code}", """{"name":"No thumbprint","connectionType":"HttpsClientCertificate"}""", "clientCertificateThumbprint")]
    [InlineData("{code}", """{"name":"Short thumbprint","connectionType":"HttpsClientCertificate","clientCertificateThumbprint":"ABCDEF"}""", "clientCertificateThumbprint")]
    [InlineData("{code}", """{"name":"SHA-1 thumbprint","connectionType":"HttpsClientCertificate","clientCertificateThumbprint":"0123456789ABCDEF0123456789ABCDEF01234567"}""", "clientCertificateThumbprint")]
    [InlineData("{code}", """{"name":"Not hex","connectionType":"HttpsClientCertificate","clientCertificateThumbprint":"ZZ23456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"}""", "clientCertificateThumbprint")]
    public async Task SaveSubsystem_BadInput_Is400NamingTheField(string code, string body, string field)
    {
        var member = await NewMemberAsync();
        var path = code.Replace("{code}", NewCode("sub-"), StringComparison.Ordinal);
        var response = await PutJsonAsync($"{Api}/subsystems/{member}/{path}", body);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(0, await app.WithDbAsync(db => db.Subsystems.CountAsync(s => s.MemberId == member)));
    }

    [Theory]
    [InlineData("\"Ftp\"")]
    [InlineData("1")]
    public async Task SaveSubsystem_UnknownConnectionType_Is400AndSavesNothing(string connectionType)
    {
        var member = await NewMemberAsync();
        var response = await PutJsonAsync($"{Api}/subsystems/{member}/{NewCode("sub-")}", $$"""{"name":"Odd","connectionType":{{connectionType}},"allowedAddresses":["127.0.0.1"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Subsystems.CountAsync(s => s.MemberId == member)));
    }

    [Fact]
    public async Task SaveService_EndpointWithoutMethodOrPath_Is400NamingEndpoints()
    {
        var provider = await NewSubsystemAsync(await NewMemberAsync(), "prov-");
        var body = """{"title":"Nulls","baseUrl":"/test-provider/count","personalData":false,"timeoutSeconds":30,"disabled":false,"endpoints":[{"method":null,"path":null}]}""";
        var response = await PutJsonAsync($"{Api}/services/{provider}/{NewCode("svc-")}", body);
        Assert.NotEmpty((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("endpoints"));
    }

    [Fact]
    public async Task SaveSubsystem_ClientCertificate_AcceptsAThumbprintWithColonsAndStoresItNormalised()
    {
        var member = await NewMemberAsync();
        var code = NewCode("sub-");
        var thumbprint = string.Join(':', Enumerable.Range(0, 32).Select(i => (i * 7 % 256).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        var response = await Admin().PutAsJsonAsync(Url($"{Api}/subsystems/{member}/{code}"), new { name = "Certified", connectionType = "HttpsClientCertificate", clientCertificateThumbprint = thumbprint });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Subsystems.Where(s => s.Id == $"{member}/{code}").Select(s => s.ClientCertificateThumbprint).SingleAsync());
        Assert.Equal(thumbprint.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), stored);
    }

    [Theory]
    [InlineData("bad%20code", "/test-provider/count", 30, """[{"method":"GET","path":"/**"}]""", "id")]
    [InlineData("{code}", "ftp://x", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "/r1/TH/GOV/DOPA/population", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "/R1/TH/GOV/DOPA/population", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "/r1", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "http://localhost:5080/r1/TH/GOV/DOPA/population", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "https://127.0.0.1/R1/TH/GOV/DOPA/population", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "http://[::1]:8080/providers/../r1", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "//evil.example/x", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "javascript:alert(1)", 30, """[{"method":"GET","path":"/**"}]""", "baseUrl")]
    [InlineData("{code}", "/test-provider/count", 0, """[{"method":"GET","path":"/**"}]""", "timeoutSeconds")]
    [InlineData("{code}", "/test-provider/count", 301, """[{"method":"GET","path":"/**"}]""", "timeoutSeconds")]
    [InlineData("{code}", "/test-provider/count", 30, "[]", "endpoints")]
    [InlineData("{code}", "/test-provider/count", 30, "null", "endpoints")]
    [InlineData("{code}", "/test-provider/count", 30, """[{"method":"GET","path":"../x"}]""", "endpoints")]
    [InlineData("{code}", "/test-provider/count", 30, """[{"method":"GET","path":"/a/../x"}]""", "endpoints")]
    [InlineData("{code}", "/test-provider/count", 30, """[{"method":"GET","path":"items"}]""", "endpoints")]
    [InlineData("{code}", "/test-provider/count", 30, """[{"method":"TRACE","path":"/**"}]""", "endpoints")]
    public async Task SaveService_BadInput_Is400NamingTheField(string code, string baseUrl, int timeoutSeconds, string endpoints, string field)
    {
        var provider = await NewSubsystemAsync(await NewMemberAsync(), "prov-");
        var path = code.Replace("{code}", NewCode("svc-"), StringComparison.Ordinal);
        var body = $$"""{"title":"Bad input","baseUrl":{{JsonSerializer.Serialize(baseUrl)}},"personalData":false,"timeoutSeconds":{{timeoutSeconds}},"disabled":false,"endpoints":{{endpoints}}}""";
        var response = await PutJsonAsync($"{Api}/services/{provider}/{path}", body);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(0, await app.WithDbAsync(db => db.Services.CountAsync(s => s.SubsystemId == provider)));
    }

    /// <summary>The editor's rule that a provider cannot be the exchange itself (/r1), for the same path spelt differently.</summary>
    [Theory]
    [InlineData("/./r1/TH/GOV/DOPA/population")]
    [InlineData("/x/../r1/TH/GOV/DOPA/population")]
    [InlineData("/%721/TH/GOV/DOPA/population")]
    public async Task SaveService_BaseUrlThatIsTheExchangeInDisguise_Is400NamingBaseUrl(string baseUrl)
    {
        var provider = await NewSubsystemAsync(await NewMemberAsync(), "prov-");
        var response = await Admin().PutAsJsonAsync(Url($"{Api}/services/{provider}/{NewCode("svc-")}"), ServiceBody(baseUrl));
        Assert.NotEmpty((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("baseUrl"));
    }

    [Theory]
    [InlineData("/./r1/TH/GOV/DOPA/population")]
    [InlineData("/x/../r1/TH/GOV/DOPA/population")]
    [InlineData("/%721/TH/GOV/DOPA/population")]
    public async Task Service_WhoseAddressLeadsBackIntoTheExchange_NeverRelaysTheRegistry(string baseUrl)
    {
        // Stored directly, so that this checks the gateway's own guard whatever the editor accepts.
        var service = await app.AddServiceAsync(baseUrl);
        var client = await app.AddSubsystemAsync();
        await app.GrantAsync(client, service);

        var response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/persons/{DocumentedCitizen}", client, issue: "LOOP-1");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode != HttpStatusCode.OK, $"A call through {baseUrl} was relayed: {body}");
        Assert.Contains("Server.ServerProxy.ProviderLoop", body, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentedCitizen, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "title")]
    [InlineData("openApi", "openApiUrl")]
    public async Task SaveService_BadTitleOrOpenApiUrl_Is400NamingTheField(string which, string field)
    {
        var provider = await NewSubsystemAsync(await NewMemberAsync(), "prov-");
        var body = which == "openApi"
            ? ServiceBody(ExchangeAppFactory.CountingProvider) with { OpenApiUrl = "ftp://x/openapi.json" }
            : ServiceBody(ExchangeAppFactory.CountingProvider) with { Title = " " };
        var response = await Admin().PutAsJsonAsync(Url($"{Api}/services/{provider}/{NewCode("svc-")}"), body);
        Assert.NotEmpty((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
    }

    [Fact]
    public async Task SaveSubsystem_UnknownMember_Is404()
    {
        var response = await Admin().PutAsJsonAsync(
            Url($"{Api}/subsystems/TH/GOV/{NewCode("NOBODY-")}/{NewCode("sub-")}"),
            new { name = "Orphan", connectionType = "Http", allowedAddresses = Loopback });
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SaveService_UnknownSubsystem_Is404()
    {
        var member = await NewMemberAsync();
        var response = await Admin().PutAsJsonAsync(Url($"{Api}/services/{member}/{NewCode("nosub-")}/{NewCode("svc-")}"), ServiceBody(ExchangeAppFactory.CountingProvider));
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("unknown-client", "GET", "/**", null, "client")]
    [InlineData("unknown-service", "GET", "/**", null, "service")]
    [InlineData("", "TRACE", "/**", null, "path")]
    [InlineData("", "GET", "../x", null, "path")]
    [InlineData("", "GET", "/a/../x", null, "path")]
    [InlineData("", "GET", "/**", 1001, "legalMandate")]
    public async Task AddRight_BadInput_Is400NamingTheField(string unknown, string method, string path, int? mandateLength, string field)
    {
        var member = await NewMemberAsync();
        var client = unknown == "unknown-client" ? $"TH/GOV/{NewCode("NOBODY-")}/x" : await NewSubsystemAsync(member, "cli-");
        var service = unknown == "unknown-service" ? $"{member}/nosub/{NewCode("svc-")}" : await NewServiceAsync(await NewSubsystemAsync(member, "prov-"));
        var legalMandate = mandateLength is { } length ? new string('x', length) : null;

        var response = await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client, service, method, path, legalMandate });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(0, await app.WithDbAsync(db => db.AccessRights.CountAsync(r => r.ClientId == client)));
    }

    [Fact]
    public async Task RemoveRight_ThatNeverExisted_Is204AndRecordsNothing()
    {
        var before = (await ChangesAsync()).Count;
        Assert.Equal(HttpStatusCode.NoContent, (await Admin().DeleteAsync(Url($"{Api}/rights/{int.MaxValue}"))).StatusCode);
        Assert.Equal(before, (await ChangesAsync()).Count);
    }

    [Theory]
    [InlineData("PUT", "/members/TH/GOV/{code}")]
    [InlineData("PUT", "/subsystems/TH/GOV/DEMO/{code}")]
    [InlineData("PUT", "/services/TH/GOV/DEMO/counter/{code}")]
    [InlineData("POST", "/rights")]
    [InlineData("DELETE", "/rights/1")]
    [InlineData("GET", "/changes")]
    [InlineData("GET", "/consents")]
    public async Task Api_ForACitizen_Is403AndForAnonymous_401(string method, string path)
    {
        var code = NewCode("AUTH-");
        var url = Api + path.Replace("{code}", code, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(app.CreateClientAsCitizen(DocumentedCitizen), method, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(app.CreateClient(), method, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(app.CreateClientWithRoles("Officer"), method, url)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.MemberCode == code)));
        Assert.DoesNotContain(await ChangesAsync(), c => c.GetProperty("target").GetString()!.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consents_ListForOperators_MasksTheDataSubject()
    {
        var client = await NewSubsystemAsync(await NewMemberAsync(), "cli-");
        var granted = await app.CreateClientAsCitizen(DocumentedCitizen)
            .PostAsJsonAsync("/api/exchange/consents", new { client, service = Persons, purpose = "Operators see it masked", days = 7 });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var consentId = (await JsonAsync(granted)).GetProperty("id").GetString();

        var response = await Admin().GetAsync(Url($"{Api}/consents?client={Uri.EscapeDataString(client)}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(DocumentedCitizen, body, StringComparison.Ordinal);
        var consent = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(consentId, consent.GetProperty("id").GetString());
        Assert.Equal("1-xxxx-xxxxx-x1-3", consent.GetProperty("dataSubject").GetString());
        Assert.Equal(Persons, consent.GetProperty("service").GetString());
        Assert.True(consent.GetProperty("active").GetBoolean());

        var byService = await Admin().GetFromJsonOrFailAsync($"{Api}/consents?service={Uri.EscapeDataString(Persons)}");
        Assert.All(byService.EnumerateArray(), c => Assert.Equal(Persons, c.GetProperty("service").GetString()));
        Assert.Contains(byService.EnumerateArray(), c => c.GetProperty("id").GetString() == consentId);

        var html = await Admin().GetStringAsync(Url($"/Exchange/Admin/Consents?client={Uri.EscapeDataString(client)}"));
        Assert.Contains("1-xxxx-xxxxx-x1-3", html, StringComparison.Ordinal);
        Assert.Contains(client, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentedCitizen, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Exchange/Admin/Member")]
    [InlineData("/Exchange/Admin/Subsystem")]
    [InlineData("/Exchange/Admin/Service")]
    [InlineData("/Exchange/Admin/Consents")]
    public async Task AdminForm_AsAdmin_Is200_AsCitizen403_Anonymous401(string path)
    {
        var response = await Admin().GetAsync(Url(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAsCitizen(DocumentedCitizen).GetAsync(Url(path))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Url(path))).StatusCode);
    }

    [Theory]
    [InlineData("/Exchange/Admin/Member?id=TH/GOV/{code}")]
    [InlineData("/Exchange/Admin/Subsystem?id=TH/GOV/DEMO/{code}")]
    [InlineData("/Exchange/Admin/Service?id=TH/GOV/DOPA/population/{code}")]
    public async Task AdminForm_UnknownId_Is404(string path)
    {
        var url = path.Replace("{code}", NewCode("nothing-"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().GetAsync(Url(url))).StatusCode);
    }

    [Fact]
    public async Task AdminForms_ExistingIds_ShowTheSavedValues()
    {
        var member = await NewMemberAsync();
        var provider = await NewSubsystemAsync(member, "prov-");
        var service = await NewServiceAsync(provider);

        var memberPage = await Admin().GetStringAsync(Url($"/Exchange/Admin/Member?id={Uri.EscapeDataString(member)}"));
        Assert.Contains("value=\"Agency " + member.Split('/')[2] + "\"", memberPage, StringComparison.Ordinal);
        var subsystemPage = await Admin().GetStringAsync(Url($"/Exchange/Admin/Subsystem?id={Uri.EscapeDataString(provider)}"));
        Assert.Contains("value=\"127.0.0.1 ::1\"", subsystemPage, StringComparison.Ordinal);
        var servicePage = await Admin().GetStringAsync(Url($"/Exchange/Admin/Service?id={Uri.EscapeDataString(service)}"));
        Assert.Contains("value=\"/test-provider/count\"", servicePage, StringComparison.Ordinal);
        Assert.Contains("GET /**", servicePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberForm_Posted_RedirectsToTheOverviewWhichSaysWhatWasSaved()
    {
        var browser = NoRedirectAdmin();
        var token = await AntiforgeryTokenAsync(browser, "/Exchange/Admin/Member");
        var code = NewCode("FORM-");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Instance"] = "TH", ["MemberClass"] = "GOV", ["MemberCode"] = code, ["Name"] = "Form-made agency", ["AgencyCode"] = "fm1",
            ["__RequestVerificationToken"] = token,
        });

        var response = await browser.PostAsync(Url("/Exchange/Admin/Member"), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Exchange/Admin", response.Headers.Location?.OriginalString);
        var saved = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == $"TH/GOV/{code}"));
        Assert.Equal("Form-made agency", saved.Name);
        Assert.Equal("FM1", saved.AgencyCode);
        var overview = await browser.GetStringAsync(Url("/Exchange/Admin"));
        Assert.Matches($"<p class=\"notice\" role=\"status\">[^<]*<code>TH/GOV/{code}</code>", overview);
        Assert.Single(await ChangesAsync(), c => c.GetProperty("target").GetString() == $"TH/GOV/{code}" && c.GetProperty("action").GetString() == "member.created");
    }

    [Fact]
    public async Task MemberForm_EmptyName_ShowsTheErrorSummaryAndSavesNothing()
    {
        var browser = NoRedirectAdmin();
        var token = await AntiforgeryTokenAsync(browser, "/Exchange/Admin/Member");
        var code = NewCode("FORM-");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Instance"] = "TH", ["MemberClass"] = "GOV", ["MemberCode"] = code, ["Name"] = "", ["AgencyCode"] = "",
            ["__RequestVerificationToken"] = token,
        });

        var response = await browser.PostAsync(Url("/Exchange/Admin/Member"), form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        var summary = html[html.IndexOf("class=\"error-summary\"", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</div>", StringComparison.Ordinal)];
        var links = SummaryLinks().Matches(summary).Select(m => m.Groups[1].Value).ToList();
        Assert.True(links.SequenceEqual(["name"]), $"One problem, one entry in the summary, linking to the name field; got: {string.Join(" | ", SummaryItems().Matches(summary).Select(m => m.Groups[1].Value.Trim()))}");
        Assert.Contains($"value=\"{code}\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.MemberCode == code)));
    }

    [Fact]
    public async Task MemberForm_BadCode_ShowsTheErrorBesideTheCode()
    {
        var browser = NoRedirectAdmin();
        var token = await AntiforgeryTokenAsync(browser, "/Exchange/Admin/Member");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Instance"] = "TH", ["MemberClass"] = "GOV", ["MemberCode"] = "bad code", ["Name"] = "Bad code agency",
            ["__RequestVerificationToken"] = token,
        });

        var response = await browser.PostAsync(Url("/Exchange/Admin/Member"), form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#memberCode\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "Bad code agency")));
    }

    [Fact]
    public async Task MemberForm_Edited_RenamesTheMemberKeepingItsIdentifier()
    {
        var member = await NewMemberAsync();
        var browser = NoRedirectAdmin();
        var edit = $"/Exchange/Admin/Member?id={Uri.EscapeDataString(member)}";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Id"] = member, ["Name"] = "Renamed on the form", ["AgencyCode"] = "",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, edit),
        });

        var response = await browser.PostAsync(Url(edit), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Renamed on the form", await app.WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Name).SingleAsync()));
        Assert.Single(await ChangesAsync(), c => c.GetProperty("target").GetString() == member && c.GetProperty("action").GetString() == "member.updated");
    }

    [Fact]
    public async Task ServiceForm_Edited_DisablesTheServiceForCallsAtOnce()
    {
        var member = await NewMemberAsync();
        var client = await NewSubsystemAsync(member, "cli-");
        var service = await NewServiceAsync(await NewSubsystemAsync(member, "prov-"));
        await Admin().PostAsJsonAsync(Url($"{Api}/rights"), new { client, service, method = "GET", path = "/**" });
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("on-")}", client));
        var browser = NoRedirectAdmin();
        var edit = $"/Exchange/Admin/Service?id={Uri.EscapeDataString(service)}";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Id"] = service, ["Title"] = "Test service", ["BaseUrl"] = ExchangeAppFactory.CountingProvider, ["OpenApiUrl"] = "",
            ["TimeoutSeconds"] = "30", ["Disabled"] = "true", ["Endpoints"] = "GET /**",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, edit),
        });

        var response = await browser.PostAsync(Url(edit), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var refused = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("off-")}", client);
        await XRoadAssert.ErrorAsync(refused, HttpStatusCode.InternalServerError, "Server.ServerProxy.ServiceDisabled");
        Assert.Single(await ChangesAsync(), c => c.GetProperty("target").GetString() == service && c.GetProperty("action").GetString() == "service.updated");
    }

    [Fact]
    public async Task OverviewRightForms_GrantThenRemove_OpenThenCloseTheWay()
    {
        var member = await NewMemberAsync();
        var client = await NewSubsystemAsync(member, "cli-");
        var service = await NewServiceAsync(await NewSubsystemAsync(member, "prov-"));
        var browser = NoRedirectAdmin();
        using var grant = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Client"] = client, ["Service"] = service, ["Method"] = "GET", ["Path"] = "/**", ["LegalMandate"] = "",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/Exchange/Admin"),
        });

        var granted = await browser.PostAsync(Url("/Exchange/Admin?handler=AddRight"), grant);

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal("/Exchange/Admin#rights", granted.Headers.Location?.OriginalString);
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("on-")}", client));
        var rightId = await app.WithDbAsync(db => db.AccessRights.Where(r => r.ClientId == client).Select(r => r.Id).SingleAsync());
        using var remove = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = rightId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/Exchange/Admin"),
        });

        var removed = await browser.PostAsync(Url("/Exchange/Admin?handler=RemoveRight"), remove);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var refused = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{service}/{NewCode("off-")}", client);
        await XRoadAssert.ErrorAsync(refused, HttpStatusCode.InternalServerError, "Server.ServerProxy.AccessDenied");
    }

    [Fact]
    public async Task OverviewRightForm_UnknownService_ShowsTheErrorAndGrantsNothing()
    {
        var client = await NewSubsystemAsync(await NewMemberAsync(), "cli-");
        var browser = NoRedirectAdmin();
        using var grant = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Client"] = client, ["Service"] = "TH/GOV/NOBODY/none/" + NewCode("svc-"), ["Method"] = "GET", ["Path"] = "/**",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/Exchange/Admin"),
        });

        var response = await browser.PostAsync(Url("/Exchange/Admin?handler=AddRight"), grant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.AccessRights.AnyAsync(r => r.ClientId == client)));
    }

    [Fact]
    public async Task MemberForm_WithoutAntiforgeryToken_Is400AndSavesNothing()
    {
        var code = NewCode("FORM-");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Instance"] = "TH", ["MemberClass"] = "GOV", ["MemberCode"] = code, ["Name"] = "Forged",
        });

        var response = await NoRedirectAdmin().PostAsync(Url("/Exchange/Admin/Member"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.MemberCode == code)));
    }

    [Fact]
    public async Task SubsystemAndServiceForms_Posted_SaveWhatWasTyped()
    {
        var member = await NewMemberAsync();
        var browser = NoRedirectAdmin();
        var subsystemCode = NewCode("sub-");
        using var subsystemForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MemberId"] = member, ["Code"] = subsystemCode, ["Name"] = "Form subsystem", ["ConnectionType"] = "Http",
            ["AllowedAddresses"] = "127.0.0.1, ::1\n10.0.0.1", ["ClientCertificateThumbprint"] = "",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, $"/Exchange/Admin/Subsystem?memberId={Uri.EscapeDataString(member)}"),
        });
        var savedSubsystem = await browser.PostAsync(Url("/Exchange/Admin/Subsystem"), subsystemForm);
        Assert.Equal(HttpStatusCode.Redirect, savedSubsystem.StatusCode);
        var subsystem = await app.WithDbAsync(db => db.Subsystems.AsNoTracking().SingleAsync(s => s.Id == $"{member}/{subsystemCode}"));
        Assert.Equal(["127.0.0.1", "::1", "10.0.0.1"], subsystem.AllowedAddresses);

        var serviceCode = NewCode("svc-");
        using var serviceForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SubsystemId"] = subsystem.Id, ["Code"] = serviceCode, ["Title"] = "Form service", ["BaseUrl"] = ExchangeAppFactory.CountingProvider,
            ["OpenApiUrl"] = "", ["PersonalData"] = "true", ["TimeoutSeconds"] = "12", ["Endpoints"] = "GET /items/*\r\n\r\npost /items\n",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/Exchange/Admin/Service"),
        });
        var savedService = await browser.PostAsync(Url("/Exchange/Admin/Service"), serviceForm);
        Assert.Equal(HttpStatusCode.Redirect, savedService.StatusCode);
        var service = await app.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Endpoints).SingleAsync(s => s.Id == $"{subsystem.Id}/{serviceCode}"));
        Assert.True(service.PersonalData);
        Assert.False(service.Disabled);
        Assert.Equal(12, service.TimeoutSeconds);
        Assert.Equal(["GET /items/*", "POST /items"], service.Endpoints.Select(e => e.Method + " " + e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ServiceForm_EndpointWithoutPath_ShowsTheErrorAndSavesNothing()
    {
        var provider = await NewSubsystemAsync(await NewMemberAsync(), "prov-");
        var browser = NoRedirectAdmin();
        var code = NewCode("svc-");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SubsystemId"] = provider, ["Code"] = code, ["Title"] = "Half an endpoint", ["BaseUrl"] = ExchangeAppFactory.CountingProvider,
            ["TimeoutSeconds"] = "30", ["Endpoints"] = "GET",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/Exchange/Admin/Service"),
        });

        var response = await browser.PostAsync(Url("/Exchange/Admin/Service"), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.SubsystemId == provider)));
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static ServiceRequest ServiceBody(string baseUrl, bool disabled = false, EndpointRequest[]? endpoints = null)
        => new("Test service", baseUrl, null, false, 30, disabled, endpoints ?? [new("GET", "/**")]);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Url(url));
        if (method is "PUT" or "POST")
        {
            request.Content = new StringContent("""{"name":"x","client":"x","service":"x","method":"GET","path":"/**"}""", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private HttpClient Admin() => app.CreateClientWithRoles("Admin");

    /// <summary>An admin client that keeps cookies (as the factory's clients do) but shows redirects instead of following them.</summary>
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

    private async Task<HttpResponseMessage> PutJsonAsync(string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Admin().PutAsync(Url(url), content);
    }

    private async Task<List<JsonElement>> ChangesAsync()
        => (await Admin().GetFromJsonOrFailAsync($"{Api}/changes?take=1000")).EnumerateArray().ToList();

    /// <summary>A new member of class GOV created through the API; its ID.</summary>
    private async Task<string> NewMemberAsync()
    {
        var code = NewCode("M-");
        var response = await Admin().PutAsJsonAsync(Url($"{Api}/members/TH/GOV/{code}"), new { name = "Agency " + code, agencyCode = (string?)null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return $"TH/GOV/{code}";
    }

    /// <summary>A new subsystem on plain HTTP from loopback created through the API; its ID.</summary>
    private async Task<string> NewSubsystemAsync(string member, string prefix)
    {
        var code = NewCode(prefix);
        var response = await Admin().PutAsJsonAsync(
            Url($"{Api}/subsystems/{member}/{code}"),
            new { name = "System " + code, connectionType = "Http", allowedAddresses = Loopback, clientCertificateThumbprint = (string?)null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return $"{member}/{code}";
    }

    /// <summary>A new service (the counting provider, GET /**) created through the API; its ID.</summary>
    private async Task<string> NewServiceAsync(string provider)
    {
        var code = NewCode("svc-");
        var response = await Admin().PutAsJsonAsync(Url($"{Api}/services/{provider}/{code}"), ServiceBody(ExchangeAppFactory.CountingProvider));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return $"{provider}/{code}";
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<li>\\s*<a href=\"#([^\"]*)\">")]
    private static partial Regex SummaryLinks();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex SummaryItems();

    private sealed record EndpointRequest(string Method, string Path);

    private sealed record ServiceRequest(
        string Title, string BaseUrl, string? OpenApiUrl, bool PersonalData, int TimeoutSeconds, bool Disabled, EndpointRequest[] Endpoints);
}
