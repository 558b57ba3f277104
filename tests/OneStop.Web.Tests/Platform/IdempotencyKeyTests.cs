using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.Web.Tests.Platform;

/// <summary>
/// The Idempotency-Key header on the API's creating POSTs: a retry with the same key gets the first
/// answer, status and body, and creates nothing more.
/// </summary>
public sealed class IdempotencyKeyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Consents = "/api/exchange/consents";
    private const string Citizen = "1999900001036";
    private const string OtherCitizen = "1999900000021";

    private static object Consent(string purpose) => new { client = "TH/GOV/DEMO/scholarship", service = "TH/GOV/DOPA/population/persons", purpose, days = 30 };

    [Fact]
    public async Task Post_RetriedWithTheSameKey_GetsTheFirstAnswerAgain()
    {
        var citizen = app.CreateClientAsCitizen(Citizen);
        var key = Guid.NewGuid().ToString();
        var body = Consent("Key " + key[..8]);

        var first = await PostAsync(citizen, Consents, body, key);
        var retry = await PostAsync(citizen, Consents, body, key);
        var withoutKey = await PostAsync(citizen, Consents, body, null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        // The answer is the first one replayed, not the endpoint's own "it exists already".
        Assert.Equal(HttpStatusCode.OK, withoutKey.StatusCode);
        Assert.Equal(await IdAsync(first), await IdAsync(withoutKey));
    }

    [Fact]
    public async Task Post_SameKeyWithAnotherBody_Is422ProblemAndCreatesNothing()
    {
        var citizen = app.CreateClientAsCitizen(Citizen);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(citizen, Consents, Consent("First " + key[..8]), key)).StatusCode);

        var reused = await PostAsync(citizen, Consents, Consent("Second " + key[..8]), key);

        await reused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var mine = await citizen.GetFromJsonOrFailAsync(Consents);
        Assert.DoesNotContain(mine.EnumerateArray(), c => c.GetProperty("purpose").GetString() == "Second " + key[..8]);
    }

    [Fact]
    public async Task Post_SameKeyFromAnotherCaller_IsTheirOwnRequest()
    {
        var key = Guid.NewGuid().ToString();
        var body = Consent("Shared key " + key[..8]);

        var mine = await PostAsync(app.CreateClientAsCitizen(Citizen), Consents, body, key);
        var theirs = await PostAsync(app.CreateClientAsCitizen(OtherCitizen), Consents, body, key);

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(await IdAsync(mine), await IdAsync(theirs));
    }

    [Fact]
    public async Task Post_SameKeyManyAtOnce_AllGetTheOneAnswer()
    {
        var admin = app.CreateClientWithRoles("Admin");
        var key = Guid.NewGuid().ToString();
        var body = new { date = new DateOnly(2097, 3, 14), nameTh = "วันลองซ้ำ", nameEn = "Retry day" };
        using var start = new ManualResetEventSlim();
        var sending = Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await PostAsync(admin, "/api/agencies/holidays", body, key);
        })).ToList();
        start.Set();

        var responses = await Task.WhenAll(sending);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
    }

    [Fact]
    public async Task Post_KeyLongerThanAllowed_Is400NamingTheHeader()
    {
        var response = await PostAsync(app.CreateClientAsCitizen(Citizen), Consents, Consent("Too long"), new string('k', 256));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("Idempotency-Key"));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string?> IdAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
}
