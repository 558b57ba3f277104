using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Registries.Contracts;
using OneStop.Registries.Data;
using OneStop.SharedKernel;
using OneStop.SyntheticData;
using OneStop.Testing;

namespace OneStop.Registries.Tests.Http;

public sealed class CardCheckApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Invalid = """{"valid":false}""";

    // Only the tests that change a person use these two, so no other test sees the change.
    private static readonly SyntheticCitizen ToDecease = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[6]);
    private static readonly SyntheticCitizen ToExpire = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[7]);

    private static readonly SyntheticCitizen Holder = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[0]);

    private readonly HttpClient client = app.CreateProviderClient();

    [Fact]
    public async Task CardCheck_AllFieldsRight_IsValid()
    {
        var (status, body) = await CheckAsync(Fields(Holder));
        Assert.Equal(HttpStatusCode.OK, status);
        var result = JsonDocument.Parse(body).RootElement;
        Assert.True(Assert.Single(result.EnumerateObject()).Value.GetBoolean());
        Assert.True(result.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task CardCheck_LaserTypedWithDashesInLowercase_IsValid()
    {
        var laser = Holder.IdCard!.LaserCode;
        var fields = Fields(Holder);
        fields["laser"] = $"{laser[..3]}-{laser[3..10]}-{laser[10..]}".ToLowerInvariant();
        Assert.Equal("""{"valid":true}""", (await CheckAsync(fields)).Body);
    }

    [Fact]
    public async Task CardCheck_NamesWithSurroundingSpaces_IsValid()
    {
        var fields = Fields(Holder);
        fields["firstName"] = " " + Holder.GivenNameTh + " ";
        fields["lastName"] = Holder.FamilyNameTh + " ";
        Assert.Equal("""{"valid":true}""", (await CheckAsync(fields)).Body);
    }

    [Fact]
    public async Task CardCheck_EveryDocumentedCitizen_IsValid()
    {
        foreach (var id in RegistryTestData.DocumentedCitizenIds.Except([ToDecease.CitizenId.Value, ToExpire.CitizenId.Value]))
        {
            var (status, body) = await CheckAsync(Fields(RegistryTestData.Citizen(id)));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(body == """{"valid":true}""", $"{id}: {body}");
        }
    }

    [Theory]
    [InlineData("citizenId")]
    [InlineData("firstName")]
    [InlineData("lastName")]
    [InlineData("birthDate")]
    [InlineData("laser")]
    public async Task CardCheck_OneFieldWrong_IsInvalid(string field)
    {
        var (status, body) = await CheckAsync(WithWrong(field));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Invalid, body);
    }

    [Fact]
    public async Task CardCheck_AnyOneFieldWrong_GivesTheSameResponseWhicheverFieldItIs()
    {
        var responses = new List<string>();
        foreach (var field in new[] { "citizenId", "firstName", "lastName", "birthDate", "laser" })
        {
            using var response = await client.PostAsJsonAsync(RegistryProviders.PopulationCardCheck, WithWrong(field));
            responses.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Content.Headers.ContentLength} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(5, responses.Count);
        var only = Assert.Single(responses.Distinct(StringComparer.Ordinal));
        Assert.EndsWith(" " + Invalid, only, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25680230")]
    [InlineData("25681301")]
    [InlineData("25680000")]
    [InlineData("0000abcd")]
    public async Task CardCheck_ImpossibleBirthDate_IsInvalid(string birthDate)
    {
        var fields = Fields(Holder);
        fields["birthDate"] = birthDate;
        var (status, body) = await CheckAsync(fields);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Invalid, body);
    }

    [Fact]
    public async Task CardCheck_BirthDateInGregorianYears_IsInvalid()
    {
        var fields = Fields(Holder);
        fields["birthDate"] = Holder.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal(Invalid, (await CheckAsync(fields)).Body);
    }

    [Fact]
    public async Task CardCheck_CitizenIdWithABadCheckDigit_IsInvalid()
    {
        var fields = Fields(Holder);
        var id = Holder.CitizenId.Value;
        fields["citizenId"] = id[..^1] + (id[^1] == '0' ? '1' : '0');
        Assert.Equal(Invalid, (await CheckAsync(fields)).Body);
    }

    [Fact]
    public async Task CardCheck_DeceasedPerson_IsInvalid()
    {
        Assert.Equal("""{"valid":true}""", (await CheckAsync(Fields(ToDecease))).Body);

        await UpdatePersonAsync(ToDecease.CitizenId.Value, p => p.Status = LifeStatus.Deceased);

        Assert.Equal(Invalid, (await CheckAsync(Fields(ToDecease))).Body);
    }

    [Fact]
    public async Task CardCheck_ExpiredCard_IsInvalid()
    {
        Assert.Equal("""{"valid":true}""", (await CheckAsync(Fields(ToExpire))).Body);

        var longAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        await UpdatePersonAsync(ToExpire.CitizenId.Value, p => p.CardExpiresOn = longAgo);

        Assert.Equal(Invalid, (await CheckAsync(Fields(ToExpire))).Body);
    }

    [Theory]
    [InlineData("citizenId")]
    [InlineData("firstName")]
    [InlineData("lastName")]
    [InlineData("birthDate")]
    [InlineData("laser")]
    public async Task CardCheck_MissingField_Is400NamingIt(string field)
    {
        var fields = Fields(Holder);
        fields.Remove(field);
        var response = await client.PostAsJsonAsync(RegistryProviders.PopulationCardCheck, fields);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task CardCheck_BirthDateNotEightCharacters_Is400NamingIt()
    {
        var fields = Fields(Holder);
        fields["birthDate"] = "2530101";
        var problem = await (await client.PostAsJsonAsync(RegistryProviders.PopulationCardCheck, fields)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("birthDate"));
    }

    private static Dictionary<string, string> Fields(SyntheticCitizen person) => new()
    {
        ["citizenId"] = person.CitizenId.Value,
        ["firstName"] = person.GivenNameTh,
        ["lastName"] = person.FamilyNameTh,
        ["birthDate"] = ThaiDates.ToDopaDate(person.BirthDate),
        ["laser"] = person.IdCard!.LaserCode,
    };

    // The holder's card details with exactly one field plausibly wrong (well-formed, just not theirs).
    private static Dictionary<string, string> WithWrong(string field)
    {
        var fields = Fields(Holder);
        var other = RegistryTestData.Demo.Citizens;
        var laser = Holder.IdCard!.LaserCode;
        fields[field] = field switch
        {
            "citizenId" => RegistryTestData.DocumentedCitizenIds[1],
            "firstName" => other.First(c => c.GivenNameTh != Holder.GivenNameTh).GivenNameTh,
            "lastName" => other.First(c => c.FamilyNameTh != Holder.FamilyNameTh).FamilyNameTh,
            "birthDate" => ThaiDates.ToDopaDate(Holder.BirthDate.AddDays(1)),
            "laser" => laser[..^1] + (laser[^1] == '0' ? '1' : '0'),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        return fields;
    }

    private async Task<(HttpStatusCode Status, string Body)> CheckAsync(Dictionary<string, string> fields)
    {
        using var response = await client.PostAsJsonAsync(RegistryProviders.PopulationCardCheck, fields);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<int> UpdatePersonAsync(string citizenId, Action<Person> change)
        => app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<RegistriesDbContext>();
            var person = await db.Persons.SingleAsync(p => p.CitizenId == citizenId);
            change(person);
            return await db.SaveChangesAsync();
        });
}
