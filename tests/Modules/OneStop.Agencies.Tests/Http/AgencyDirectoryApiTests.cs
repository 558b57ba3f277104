using System.Net;
using OneStop.SharedKernel.Geography;
using OneStop.Testing;

namespace OneStop.Agencies.Tests.Http;

public sealed class AgencyDirectoryApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task ListAgencies_Ministries_IncludesInteriorAndCommerce()
    {
        var agencies = await client.GetFromJsonOrFailAsync("/api/agencies?kind=Ministry");
        var codes = agencies.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("13000000", codes);
        Assert.Contains("12000000", codes);
        Assert.All(agencies.EnumerateArray(), a => Assert.Equal("Ministry", a.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task ListAgencies_SearchByAbbreviation_FindsTheAgency()
    {
        var agencies = await client.GetFromJsonOrFailAsync("/api/agencies?q=dbd");
        Assert.Contains(agencies.EnumerateArray(), a => a.GetProperty("code").GetString() == "12007000");
    }

    [Fact]
    public async Task ListAgencies_SearchInThai_FindsTheAgency()
    {
        var agencies = await client.GetFromJsonOrFailAsync("/api/agencies?q=" + Uri.EscapeDataString("กรมการปกครอง"));
        Assert.Contains(agencies.EnumerateArray(), a => a.GetProperty("code").GetString() == "13003000");
    }

    [Fact]
    public async Task ListAgencies_UnknownKind_Is400NamingKind()
    {
        var response = await client.GetAsync(new Uri("/api/agencies?kind=Kingdom", UriKind.Relative));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetAgency_Dopa_HasParentMinistryAndOfficesInEveryDistrict()
    {
        var dopa = await client.GetFromJsonOrFailAsync("/api/agencies/13003000");
        Assert.Equal("กรมการปกครอง", dopa.GetProperty("nameTh").GetString());
        Assert.Equal("13000000", dopa.GetProperty("parent").GetProperty("code").GetString());
        var districtsOutsideBangkok = ThaiGeography.Districts.Count(d => d.ProvinceCode != "10");
        var provincesOutsideBangkok = ThaiGeography.Provinces.Count - 1;
        Assert.Equal(1 + provincesOutsideBangkok + districtsOutsideBangkok, dopa.GetProperty("officeCount").GetInt32());
    }

    [Fact]
    public async Task GetAgency_Unknown_Is404Problem()
    {
        var response = await client.GetAsync(new Uri("/api/agencies/99999999", UriKind.Relative));
        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("99999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyOffices_InChiangMai_ListsTheProvincialOfficeAndDistrictOffices()
    {
        var offices = await client.GetFromJsonOrFailAsync("/api/agencies/13003000/offices?province=50");
        var items = offices.EnumerateArray().ToList();
        Assert.Contains(items, o => o.GetProperty("code").GetString() == "13003000-50" && o.GetProperty("level").GetString() == "Province");
        Assert.Equal(ThaiGeography.DistrictsOf("50").Count, items.Count(o => o.GetProperty("level").GetString() == "District"));
        Assert.All(items, o => Assert.Equal("50", o.GetProperty("provinceCode").GetString()));
    }

    [Fact]
    public async Task AgencyOffices_UnknownProvince_Is400NamingProvince()
    {
        var response = await client.GetAsync(new Uri("/api/agencies/13003000/offices?province=99", UriKind.Relative));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("province"));
    }

    [Fact]
    public async Task Offices_InABangkokDistrict_IsTheBmaDistrictOffice()
    {
        var district = ThaiGeography.DistrictsOf("10")[0];
        var offices = await client.GetFromJsonOrFailAsync($"/api/agencies/offices?district={district.Code}");
        var office = Assert.Single(offices.EnumerateArray());
        Assert.Equal("22000000", office.GetProperty("agencyCode").GetString());
        Assert.Equal("สำนักงานเขต" + district.NameTh, office.GetProperty("nameTh").GetString());
    }

    [Fact]
    public async Task Offices_WithoutProvinceOrDistrict_Is400()
        => await (await client.GetAsync(new Uri("/api/agencies/offices", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Roles_ListsCounterStaffInBothLanguages()
    {
        var roles = await client.GetFromJsonOrFailAsync("/api/agencies/roles");
        var counter = roles.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "counter-staff");
        Assert.Equal("Counter staff", counter.GetProperty("nameEn").GetString());
        Assert.False(string.IsNullOrWhiteSpace(counter.GetProperty("nameTh").GetString()));
    }

    [Fact]
    public async Task Provinces_Are77WithEnglishNames()
    {
        var provinces = await client.GetFromJsonOrFailAsync("/api/agencies/provinces");
        Assert.Equal(77, provinces.GetArrayLength());
        Assert.Contains(provinces.EnumerateArray(), p => p.GetProperty("nameEn").GetString() == "Chiang Mai");
    }

    [Fact]
    public async Task Districts_OfUnknownProvince_Is404()
        => await (await client.GetAsync(new Uri("/api/agencies/provinces/00/districts", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.NotFound);
}
