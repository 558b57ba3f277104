using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Registries.Contracts;
using OneStop.Registries.Data;
using OneStop.SharedKernel.Identifiers;
using OneStop.Testing;

namespace OneStop.Registries.Tests.Http;

public sealed class PersonsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient client = app.CreateProviderClient();

    [Fact]
    public async Task GetPerson_DocumentedCitizen_ReturnsTheRegisteredNamesAndBirthDate()
    {
        var expected = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[0]);
        var person = await client.GetFromJsonOrFailAsync($"{RegistryProviders.PopulationPersons}/{expected.CitizenId.Value}");

        Assert.Equal(expected.CitizenId.Value, person.GetProperty("citizenId").GetString());
        Assert.Equal(expected.TitleTh, person.GetProperty("titleTh").GetString());
        Assert.Equal(expected.GivenNameTh, person.GetProperty("givenNameTh").GetString());
        Assert.Equal(expected.FamilyNameTh, person.GetProperty("familyNameTh").GetString());
        Assert.Equal(expected.TitleEn, person.GetProperty("titleEn").GetString());
        Assert.Equal(expected.GivenNameEn, person.GetProperty("givenNameEn").GetString());
        Assert.Equal(expected.FamilyNameEn, person.GetProperty("familyNameEn").GetString());
        Assert.Equal(Iso(expected.BirthDate), person.GetProperty("birthDate").GetString());
        Assert.Equal(expected.Gender.ToString(), person.GetProperty("gender").GetString());
        Assert.Equal("THA", person.GetProperty("nationality").GetString());
        Assert.Equal("Alive", person.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetPerson_TellsTheExchangeWhoseDataItDiscloses_EveryMemberOfTheHouse()
    {
        var person = RegistryTestData.Demo.Citizens.GroupBy(c => c.HouseId).First(h => h.Count() >= 2).First();
        var response = await client.GetAsync(new Uri($"{RegistryProviders.PopulationPersons}/{person.CitizenId.Value}", UriKind.Relative));

        Assert.Equal(
            RegistryTestData.Demo.Citizens.Where(c => c.HouseId == person.HouseId).Select(c => c.CitizenId.Value).Order(StringComparer.Ordinal),
            Assert.Single(response.Headers.GetValues(ExchangeProviderHeaders.DataSubjects)).Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetPerson_DocumentedCitizen_HouseListsThePersonAmongItsMembers()
    {
        var expected = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[2]);
        var house = (await client.GetFromJsonOrFailAsync($"{RegistryProviders.PopulationPersons}/{expected.CitizenId.Value}")).GetProperty("house");

        Assert.Equal(expected.HouseId, house.GetProperty("houseId").GetString());
        Assert.Equal(expected.Address.SubdistrictCode, house.GetProperty("address").GetProperty("subdistrictCode").GetString());
        Assert.Equal(expected.Address.Postcode, house.GetProperty("address").GetProperty("postcode").GetString());
        var self = Assert.Single(house.GetProperty("members").EnumerateArray(), m => m.GetProperty("citizenId").GetString() == expected.CitizenId.Value);
        Assert.Equal(expected.NameTh(), self.GetProperty("nameTh").GetString());
        Assert.Equal(expected.NameEn(), self.GetProperty("nameEn").GetString());
        await AssertAllLiveInAsync(house);
    }

    [Fact]
    public async Task GetPerson_InAHouseholdOfSeveral_ListsEveryoneRegisteredInThatHouseAndNoOneElse()
    {
        var household = RegistryTestData.Demo.Citizens.GroupBy(c => c.HouseId).First(g => g.Count() >= 2).ToList();
        var asked = household[^1];

        var house = (await client.GetFromJsonOrFailAsync($"{RegistryProviders.PopulationPersons}/{asked.CitizenId.Value}")).GetProperty("house");

        Assert.Equal(asked.HouseId, house.GetProperty("houseId").GetString());
        var members = house.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(
            household.Select(c => c.CitizenId.Value).Order(StringComparer.Ordinal),
            members.Select(m => m.GetProperty("citizenId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(household, c => Assert.Contains(members, m => m.GetProperty("citizenId").GetString() == c.CitizenId.Value && m.GetProperty("nameTh").GetString() == c.NameTh()));
        await AssertAllLiveInAsync(house);
    }

    [Fact]
    public async Task GetPerson_AnyoneWithACard_ShowsTheCardButNeverItsLaserCode()
    {
        var holders = RegistryTestData.Demo.Citizens.Where(c => c.IdCard is not null).ToList();
        Assert.NotEmpty(holders);
        foreach (var holder in holders)
        {
            var response = await client.GetAsync(new Uri($"{RegistryProviders.PopulationPersons}/{holder.CitizenId.Value}", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            Assert.DoesNotContain(holder.IdCard!.LaserCode, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("laser", body, StringComparison.OrdinalIgnoreCase);
            var card = JsonDocument.Parse(body).RootElement.GetProperty("idCard");
            Assert.Equal(Iso(holder.IdCard.IssuedOn), card.GetProperty("issuedOn").GetString());
            Assert.Equal(holder.IdCard.ExpiresOn is { } expires ? Iso(expires) : null, card.GetProperty("expiresOn").GetString());
        }
    }

    [Theory]
    [InlineData("1999900000014")]
    [InlineData("199990000001")]
    [InlineData("19999000000133")]
    [InlineData("ABCDEFGHIJKLM")]
    public async Task GetPerson_InvalidCitizenId_Is400NamingCitizenId(string citizenId)
    {
        var response = await client.GetAsync(new Uri($"{RegistryProviders.PopulationPersons}/{citizenId}", UriKind.Relative));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("citizenId"));
    }

    [Fact]
    public async Task GetPerson_ValidButUnknownCitizenId_Is404()
    {
        var unknown = ThaiIdChecksum.Complete("199990999999");
        Assert.True(ThaiCitizenId.TryParse(unknown, out _));
        Assert.DoesNotContain(RegistryTestData.Demo.Citizens, c => c.CitizenId.Value == unknown);

        var response = await client.GetAsync(new Uri($"{RegistryProviders.PopulationPersons}/{unknown}", UriKind.Relative));
        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(unknown, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Every member listed is recorded in the registry under the house's ID, and so is no one else.
    private async Task AssertAllLiveInAsync(JsonElement house)
    {
        var houseId = house.GetProperty("houseId").GetString()!;
        var listed = house.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("citizenId").GetString()!).ToList();
        var registered = await app.WithScopeAsync(s => s.GetRequiredService<RegistriesDbContext>().Persons
            .Where(p => p.HouseId == houseId).Select(p => p.CitizenId).ToListAsync());
        Assert.Equal(registered.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }
}
