using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.SyntheticData;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

/// <summary>Seeded identifiers, and the data each test adds for itself (new subsystems, services, rights and consents).</summary>
internal static class ExchangeTestData
{
    public const string DemoClient = "TH/GOV/DEMO/counter";
    public const string DemoMember = "TH/GOV/DEMO";
    public const string Population = "TH/GOV/DOPA/population";
    public const string Persons = "TH/GOV/DOPA/population/persons";
    public const string CardCheck = "TH/GOV/DOPA/population/card-check";
    public const string Traders = "TH/GOV/CUSTOMS/nsw/traders";
    public const string Companies = "TH/GOV/DBD/juristic/companies";

    /// <summary>Documented demo citizens (always generated).</summary>
    public const string DocumentedCitizen = "1999900000013";
    public const string OtherDocumentedCitizen = "1999900000021";
    public const string ThirdDocumentedCitizen = "1999900001036";

    /// <summary>A documented demo company (always generated).</summary>
    public const string DocumentedCompany = "0105999000016";

    /// <summary>A generated citizen who shares a house registration with others (the tests' demo data: seed 42, 50 citizens, 10 companies).</summary>
    public static readonly string CitizenWithHousemates = new SyntheticDataGenerator(42).Generate(50, 10).Citizens
        .GroupBy(c => c.HouseId).First(house => house.Count() >= 2).First().CitizenId.Value;

    public static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public static async Task<T> WithDbAsync<T>(this AppFactory app, Func<ExchangeDbContext, Task<T>> work)
        => await app.WithScopeAsync(sp => work(sp.GetRequiredService<ExchangeDbContext>()));

    public static Task<MessageLogVerification> VerifyLogAsync(this AppFactory app)
        => app.WithScopeAsync(sp => sp.GetRequiredService<IMessageLogVerifier>().VerifyAsync(CancellationToken.None));

    /// <summary>A new subsystem of the demo member; by default plain HTTP from loopback, like the demo counter.</summary>
    public static async Task<string> AddSubsystemAsync(this AppFactory app, ConnectionType connection = ConnectionType.Http)
    {
        var code = NewCode("sub-");
        var id = $"{DemoMember}/{code}";
        await app.WithDbAsync(db =>
        {
            db.Subsystems.Add(new Subsystem
            {
                Id = id, MemberId = DemoMember, Code = code, Name = "Test subsystem " + code,
                ConnectionType = connection, AllowedAddresses = ["127.0.0.1", "::1"],
            });
            return db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A new service on a new provider subsystem; returns the service ID.</summary>
    public static async Task<string> AddServiceAsync(
        this AppFactory app, string baseUrl, bool personalData = false, int timeoutSeconds = 30, bool disabled = false, string? provider = null, string? code = null)
    {
        provider ??= await app.AddSubsystemAsync();
        code ??= NewCode("svc-");
        var id = $"{provider}/{code}";
        await app.WithDbAsync(db =>
        {
            db.Services.Add(new ExchangeService
            {
                Id = id, SubsystemId = provider, ServiceCode = code, Title = "Test service " + code, BaseUrl = baseUrl,
                PersonalData = personalData, TimeoutSeconds = timeoutSeconds, Disabled = disabled,
                Endpoints = [new ServiceEndpoint { ServiceId = id, Method = "GET", Path = "/**" }],
            });
            return db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<int> GrantAsync(this AppFactory app, string clientId, string serviceId, string method = "GET", string path = "/**", string? legalMandate = null)
        => app.WithDbAsync(db =>
        {
            db.AccessRights.Add(new AccessRight { ClientId = clientId, ServiceId = serviceId, Method = method, Path = path, LegalMandate = legalMandate });
            return db.SaveChangesAsync();
        });

    public static Task<int> AddConsentAsync(this AppFactory app, string dataSubject, string clientId, string serviceId, DateTime expiresAt, DateTime? withdrawnAt = null)
        => app.WithDbAsync(db =>
        {
            db.Consents.Add(new Consent
            {
                Id = Guid.NewGuid(), DataSubject = dataSubject, ClientId = clientId, ServiceId = serviceId, Purpose = "Test consent",
                GrantedAt = DateTime.UtcNow.AddDays(-30), ExpiresAt = expiresAt, WithdrawnAt = withdrawnAt,
            });
            return db.SaveChangesAsync();
        });

    /// <summary>Successful calls that need no purpose (the demo counter reads a trader), one after another.</summary>
    public static async Task CallTradersAsync(this AppFactory app, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            (await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/0105999000016")).EnsureSuccessStatusCode();
        }
    }

    public static Task<List<MessageLogRecord>> LogRecordsAsync(this AppFactory app, string xroadId)
        => app.WithDbAsync(db => db.MessageLog.AsNoTracking().Where(r => r.XRoadId == xroadId).ToListAsync());

    public static Task<List<MessageLogRecord>> AllLogRecordsAsync(this AppFactory app)
        => app.WithDbAsync(db => db.MessageLog.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync());

    /// <summary>An X-Road REST request (<c>/r1/...</c>) with the client, purpose and message ID headers given.</summary>
    public static HttpRequestMessage XRoadRequest(HttpMethod method, string path, string? client = DemoClient, string? issue = null, string? xroadId = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (client is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Road-Client", client);
        }

        if (issue is not null)
        {
            request.Headers.Add("X-Road-Issue", issue);
        }

        if (xroadId is not null)
        {
            request.Headers.Add("X-Road-Id", xroadId);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public static async Task<HttpResponseMessage> SendXRoadAsync(
        this AppFactory app, HttpMethod method, string path, string? client = DemoClient, string? issue = null, string? xroadId = null)
    {
        using var request = XRoadRequest(method, path, client, issue, xroadId);
        return await app.CreateClient().SendAsync(request);
    }
}

/// <summary>Assertions on X-Road answers.</summary>
internal static class XRoadAssert
{
    /// <summary>An X-Road error: the status, <c>X-Road-Error</c> equal to the body's type, and a type/message/detail JSON body.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {type} but got {(int)response.StatusCode}: {body}");
        Assert.True(response.Headers.TryGetValues("X-Road-Error", out var headers), $"No X-Road-Error header: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal(Assert.Single(headers), error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), body);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()), body);
        return error;
    }

    /// <summary>A success relayed from the provider, failing with the body otherwise.</summary>
    public static async Task<string> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        Assert.False(response.Headers.Contains("X-Road-Error"), body);
        return body;
    }
}
