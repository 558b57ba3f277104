using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

public sealed class ConsentsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Person = "1999900000021";
    private const string Persons = "TH/GOV/DOPA/population/persons";

    [Fact]
    public async Task Consent_GrantedThenWithdrawn_OpensThenClosesTheWayForAClientWithoutMandate()
    {
        var client = await AddClientWithoutMandateAsync();
        Assert.Equal("Server.ServerProxy.AccessDenied.NoLegalBasis", await ReadPersonErrorAsync(client));

        var citizen = app.CreateClientAsCitizen(Person);
        var granted = await citizen.PostAsJsonAsync("/api/exchange/consents", new { client, service = Persons, purpose = "Loan application L-77", days = 7 });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var consent = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement;
        Assert.True(consent.GetProperty("active").GetBoolean());
        Assert.Null(await ReadPersonErrorAsync(client));

        var reads = await citizen.GetFromJsonOrFailAsync("/api/exchange/my-data-reads");
        Assert.Contains(reads.EnumerateArray(), r => r.GetProperty("client").GetString() == client
            && r.GetProperty("legalBasis").GetString()!.Contains("Consent", StringComparison.Ordinal));

        var id = consent.GetProperty("id").GetString();
        var withdrawn = await citizen.PostAsync(new Uri($"/api/exchange/consents/{id}/withdraw", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Server.ServerProxy.AccessDenied.NoLegalBasis", await ReadPersonErrorAsync(client));

        var again = await citizen.PostAsync(new Uri($"/api/exchange/consents/{id}/withdraw", UriKind.Relative), null);
        Assert.Equal(
            JsonDocument.Parse(await withdrawn.Content.ReadAsStringAsync()).RootElement.GetProperty("withdrawnAt").GetString(),
            JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("withdrawnAt").GetString());
    }

    [Fact]
    public async Task Grant_SameConsentTwice_ReturnsTheFirstWith200()
    {
        var client = await AddClientWithoutMandateAsync();
        var citizen = app.CreateClientAsCitizen(Person);
        var body = new { client, service = Persons, purpose = "Twice", days = 3 };
        var first = await citizen.PostAsJsonAsync("/api/exchange/consents", body);
        var second = await citizen.PostAsJsonAsync("/api/exchange/consents", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(
            JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString(),
            JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("TH/GOV/NOBODY/none", Persons, 7, "client")]
    [InlineData("TH/GOV/DEMO/counter", "TH/GOV/DOPA/population/none", 7, "service")]
    [InlineData("TH/GOV/DEMO/counter", "TH/GOV/CUSTOMS/nsw/traders", 7, "service")]
    [InlineData("TH/GOV/DEMO/counter", Persons, 0, "Days")]
    [InlineData("TH/GOV/DEMO/counter", Persons, 400, "Days")]
    public async Task Grant_BadInput_Is400NamingTheField(string client, string service, int days, string field)
    {
        var response = await app.CreateClientAsCitizen(Person).PostAsJsonAsync("/api/exchange/consents", new { client, service, purpose = "Bad input", days });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Consents_Anonymous_Is401()
        => await (await app.CreateClient().GetAsync(new Uri("/api/exchange/consents", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Withdraw_SomeoneElsesConsent_Is404AndItStaysActive()
    {
        var client = await AddClientWithoutMandateAsync();
        var granted = await app.CreateClientAsCitizen(Person).PostAsJsonAsync("/api/exchange/consents", new { client, service = Persons, purpose = "Mine", days = 3 });
        var id = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var other = app.CreateClientAsCitizen("1999900001036");
        await (await other.PostAsync(new Uri($"/api/exchange/consents/{id}/withdraw", UriKind.Relative), null)).ReadProblemAsync(HttpStatusCode.NotFound);
        var mine = await app.CreateClientAsCitizen(Person).GetFromJsonOrFailAsync("/api/exchange/consents");
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("id").GetString() == id && c.GetProperty("active").GetBoolean());
        Assert.DoesNotContain((await other.GetFromJsonOrFailAsync("/api/exchange/consents")).EnumerateArray(), c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task History_IsHashChained_AndAnEditIsDetected()
    {
        var client = await AddClientWithoutMandateAsync();
        var citizen = app.CreateClientAsCitizen(Person);
        var granted = await citizen.PostAsJsonAsync("/api/exchange/consents", new { client, service = Persons, purpose = "Chain", days = 3 });
        var id = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await citizen.PostAsync(new Uri($"/api/exchange/consents/{id}/withdraw", UriKind.Relative), null);

        Assert.Null((await VerifyAsync()).Problem);
        var grantedEvent = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ExchangeDbContext>();
            var sequence = await db.ConsentEvents.Where(e => e.ConsentId == id && e.Kind == ConsentEventKind.Granted).Select(e => e.Sequence).SingleAsync();
            await db.ConsentEvents.Where(e => e.Sequence == sequence).ExecuteUpdateAsync(u => u.SetProperty(e => e.Purpose, "Back-dated"));
            return sequence;
        });
        Assert.StartsWith($"event {grantedEvent} breaks the hash chain", (await VerifyAsync()).Problem, StringComparison.Ordinal);
    }

    private Task<ConsentHistoryVerification> VerifyAsync()
        => app.WithScopeAsync(s => s.GetRequiredService<IConsentHistoryVerifier>().VerifyAsync(default));

    private async Task<string> AddClientWithoutMandateAsync()
    {
        var code = "c" + Guid.NewGuid().ToString("N")[..10];
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ExchangeDbContext>();
            if (!await db.Members.AnyAsync(m => m.Id == "TH/GOV/TESTCONSENT"))
            {
                db.Members.Add(new Member { Id = "TH/GOV/TESTCONSENT", Instance = "TH", MemberClass = "GOV", MemberCode = "TESTCONSENT", Name = "Consent test agency" });
            }

            db.Subsystems.Add(new Subsystem { Id = $"TH/GOV/TESTCONSENT/{code}", MemberId = "TH/GOV/TESTCONSENT", Code = code, Name = "No mandate", AllowedAddresses = ["127.0.0.1"] });
            db.AccessRights.Add(new AccessRight { ClientId = $"TH/GOV/TESTCONSENT/{code}", ServiceId = Persons, Method = "GET", Path = "/*" });
            return await db.SaveChangesAsync();
        });
        return $"TH/GOV/TESTCONSENT/{code}";
    }

    private async Task<string?> ReadPersonErrorAsync(string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/r1/TH/GOV/DOPA/population/persons/{Person}");
        request.Headers.Add("X-Road-Client", client);
        request.Headers.Add("X-Road-Issue", "Consent test");
        var response = await app.CreateClient().SendAsync(request);
        return response.Headers.TryGetValues("X-Road-Error", out var error) ? error.Single() : null;
    }
}
