using System.Net;
using System.Net.Http.Json;
using OneStop.Registries.Contracts;
using OneStop.SharedKernel;
using OneStop.Testing;

namespace OneStop.Registries.Tests.Http;

public sealed class ProviderTokenTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static readonly TheoryData<string> Endpoints =
    [
        $"{RegistryProviders.PopulationPersons}/{RegistryTestData.DocumentedCitizenIds[0]}",
        RegistryProviders.PopulationCardCheck,
        $"{RegistryProviders.JuristicCompanies}/{RegistryTestData.DocumentedJuristicIds[0]}",
        $"{RegistryProviders.TradeTraders}/{RegistryTestData.DocumentedJuristicIds[0]}",
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Provider_WithoutToken_Is403Problem(string url)
    {
        var problem = await (await SendAsync(app.CreateClient(), url)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("exchange", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Provider_WithWrongToken_Is403Problem(string url)
        => await (await SendAsync(ClientWithToken("not-the-token"), url)).ReadProblemAsync(HttpStatusCode.Forbidden);

    [Theory]
    [InlineData("empty")]
    [InlineData("truncated")]
    [InlineData("extended")]
    [InlineData("other-installation")]
    public async Task Provider_WithAlmostTheToken_Is403Problem(string variant)
    {
        var token = app.ProviderToken();
        var presented = variant switch
        {
            "empty" => string.Empty,
            "truncated" => token[..^1],
            "extended" => token + "A",
            _ => Convert.ToBase64String(new byte[32]),
        };
        Assert.NotEqual(token, presented);
        var url = $"{RegistryProviders.PopulationPersons}/{RegistryTestData.DocumentedCitizenIds[0]}";
        await (await SendAsync(ClientWithToken(presented), url)).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Provider_WithToken_Is200(string url)
    {
        var response = await SendAsync(app.CreateProviderClient(), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Provider_WithoutTokenAndABadCitizenId_Is403NotAValidationError()
        => await (await app.CreateClient().GetAsync(new Uri($"{RegistryProviders.PopulationPersons}/123", UriKind.Relative)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

    [Fact]
    public async Task CardCheck_WithoutTokenAndAMissingField_Is403NotAValidationError()
    {
        var response = await app.CreateClient().PostAsJsonAsync(RegistryProviders.PopulationCardCheck, new { citizenId = RegistryTestData.DocumentedCitizenIds[0] });
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    private HttpClient ClientWithToken(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(RegistryProviders.ProviderTokenHeader, token);
        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url)
    {
        if (url != RegistryProviders.PopulationCardCheck)
        {
            return await client.GetAsync(new Uri(url, UriKind.Relative));
        }

        var person = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[0]);
        return await client.PostAsJsonAsync(url, new
        {
            citizenId = person.CitizenId.Value,
            firstName = person.GivenNameTh,
            lastName = person.FamilyNameTh,
            birthDate = ThaiDates.ToDopaDate(person.BirthDate),
            laser = person.IdCard!.LaserCode,
        });
    }
}
