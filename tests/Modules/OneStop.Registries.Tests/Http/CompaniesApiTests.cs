using System.Net;
using OneStop.Exchange.Contracts;
using OneStop.Registries.Contracts;
using OneStop.SharedKernel.Identifiers;
using OneStop.Testing;

namespace OneStop.Registries.Tests.Http;

public sealed class CompaniesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string Trader = RegistryTestData.DocumentedJuristicIds[0];

    // The documented limited partnership: its index in the demo set never makes it a trader.
    private static readonly string NotATrader = RegistryTestData.DocumentedJuristicIds[1];

    private readonly HttpClient client = app.CreateProviderClient();

    [Fact]
    public async Task GetCompany_FirstDocumented_IsACompanyLimitedWithItsNamesAndObjectives()
    {
        var expected = RegistryTestData.Company(Trader);
        var company = await client.GetFromJsonOrFailAsync($"{RegistryProviders.JuristicCompanies}/{Trader}");

        Assert.Equal(Trader, company.GetProperty("juristicId").GetString());
        Assert.Equal("CompanyLimited", company.GetProperty("kind").GetString());
        Assert.Equal("Active", company.GetProperty("status").GetString());
        Assert.Equal(expected.NameTh, company.GetProperty("nameTh").GetString());
        Assert.Equal(expected.NameEn, company.GetProperty("nameEn").GetString());
        Assert.Equal(expected.Capital.Satang, company.GetProperty("capitalSatang").GetInt64());
        Assert.Equal(expected.Address.Postcode, company.GetProperty("address").GetProperty("postcode").GetString());
        var objectives = company.GetProperty("objectives").EnumerateArray().Select(o => o.GetString()!).ToList();
        Assert.NotEmpty(objectives);
        Assert.Equal(expected.Objectives, objectives);
    }

    [Fact]
    public async Task GetCompany_FirstDocumented_ListsItsDirectorsWithNamesAndWhoMaySign()
    {
        var company = await client.GetFromJsonOrFailAsync($"{RegistryProviders.JuristicCompanies}/{Trader}");
        var directors = company.GetProperty("directors").EnumerateArray().ToDictionary(d => d.GetProperty("citizenId").GetString()!);

        Assert.Equal(2, directors.Count);
        var first = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[0]);
        var fourth = RegistryTestData.Citizen(RegistryTestData.DocumentedCitizenIds[3]);
        Assert.Equal(first.NameTh(), directors[first.CitizenId.Value].GetProperty("nameTh").GetString());
        Assert.Equal(first.NameEn(), directors[first.CitizenId.Value].GetProperty("nameEn").GetString());
        Assert.True(directors[first.CitizenId.Value].GetProperty("maySign").GetBoolean());
        Assert.Equal(fourth.NameTh(), directors[fourth.CitizenId.Value].GetProperty("nameTh").GetString());
        Assert.Equal(fourth.NameEn(), directors[fourth.CitizenId.Value].GetProperty("nameEn").GetString());
        Assert.False(directors[fourth.CitizenId.Value].GetProperty("maySign").GetBoolean());
    }

    [Theory]
    [InlineData("0103999000022", "LimitedPartnership")]
    [InlineData("0107999000034", "PublicCompanyLimited")]
    public async Task GetCompany_OtherDocumented_HasItsKind(string juristicId, string kind)
    {
        var company = await client.GetFromJsonOrFailAsync($"{RegistryProviders.JuristicCompanies}/{juristicId}");
        Assert.Equal(kind, company.GetProperty("kind").GetString());
        Assert.Equal(RegistryTestData.Company(juristicId).NameTh, company.GetProperty("nameTh").GetString());
        Assert.NotEmpty(company.GetProperty("directors").EnumerateArray());
    }

    [Fact]
    public async Task GetCompany_EveryDemoCompany_ListsExactlyItsDirectors()
    {
        foreach (var expected in RegistryTestData.Demo.Companies)
        {
            var company = await client.GetFromJsonOrFailAsync($"{RegistryProviders.JuristicCompanies}/{expected.JuristicId.Value}");
            Assert.Equal(
                expected.Directors.Select(d => (d.CitizenId.Value, d.MaySign)).OrderBy(d => d.Value, StringComparer.Ordinal),
                company.GetProperty("directors").EnumerateArray().Select(d => (d.GetProperty("citizenId").GetString()!, d.GetProperty("maySign").GetBoolean())));
            Assert.All(company.GetProperty("directors").EnumerateArray(), d => Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("nameTh").GetString())));
        }
    }

    [Fact]
    public async Task GetCompany_TellsTheExchangeWhoseDataItDiscloses_EveryDirector()
    {
        var expected = RegistryTestData.Company(RegistryTestData.DocumentedJuristicIds[0]);
        var response = await client.GetAsync(new Uri($"{RegistryProviders.JuristicCompanies}/{expected.JuristicId.Value}", UriKind.Relative));

        Assert.Equal(
            expected.Directors.Select(d => d.CitizenId.Value).Order(StringComparer.Ordinal),
            Assert.Single(response.Headers.GetValues(ExchangeProviderHeaders.DataSubjects)).Split(',').Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0105999000017")]
    [InlineData("010599900001")]
    [InlineData("not-an-id")]
    public async Task GetCompany_InvalidJuristicId_Is400NamingJuristicId(string juristicId)
    {
        var response = await client.GetAsync(new Uri($"{RegistryProviders.JuristicCompanies}/{juristicId}", UriKind.Relative));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("juristicId"));
    }

    [Fact]
    public async Task GetCompany_ValidButUnknown_Is404()
    {
        var unknown = UnknownJuristicId();
        var problem = await (await client.GetAsync(new Uri($"{RegistryProviders.JuristicCompanies}/{unknown}", UriKind.Relative)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(unknown, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTrader_FirstDocumentedCompany_IsARegisteredTraderWithPermittedGoods()
    {
        var trader = await client.GetFromJsonOrFailAsync($"{RegistryProviders.TradeTraders}/{Trader}");

        Assert.Equal(Trader, trader.GetProperty("juristicId").GetString());
        Assert.Equal(RegistryTestData.Company(Trader).NameTh, trader.GetProperty("nameTh").GetString());
        Assert.Equal(RegistryTestData.Company(Trader).NameEn, trader.GetProperty("nameEn").GetString());
        Assert.Equal("Registered", trader.GetProperty("customsStatus").GetString());
        var goods = trader.GetProperty("permittedGoods").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.NotEmpty(goods);
        Assert.All(goods, g => Assert.StartsWith("HS ", g, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTrader_CompanyThatIsNotATrader_Is404()
    {
        await client.GetFromJsonOrFailAsync($"{RegistryProviders.JuristicCompanies}/{NotATrader}");

        var problem = await (await client.GetAsync(new Uri($"{RegistryProviders.TradeTraders}/{NotATrader}", UriKind.Relative)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(NotATrader, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTrader_UnknownCompany_Is404()
        => await (await client.GetAsync(new Uri($"{RegistryProviders.TradeTraders}/{UnknownJuristicId()}", UriKind.Relative)))
            .ReadProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task GetTrader_InvalidJuristicId_Is400NamingJuristicId()
    {
        var problem = await (await client.GetAsync(new Uri($"{RegistryProviders.TradeTraders}/0105999000017", UriKind.Relative)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("juristicId"));
    }

    private static string UnknownJuristicId()
    {
        var unknown = ThaiIdChecksum.Complete("010599909999");
        Assert.True(JuristicPersonId.TryParse(unknown, out _));
        Assert.DoesNotContain(RegistryTestData.Demo.Companies, c => c.JuristicId.Value == unknown);
        return unknown;
    }
}
