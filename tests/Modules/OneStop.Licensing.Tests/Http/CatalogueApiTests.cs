using System.Net;
using OneStop.Testing;

namespace OneStop.Licensing.Tests.Http;

public sealed class CatalogueApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task ListBusinessTypes_HasTheCatalogue()
    {
        var types = await client.GetFromJsonOrFailAsync("/api/licensing/business-types");

        Assert.True(types.GetArrayLength() >= 25);
        var restaurant = types.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "restaurant");
        Assert.Equal("ธุรกิจร้านอาหารและเครื่องดื่ม", restaurant.GetProperty("name").GetProperty("th").GetString());
        Assert.True(restaurant.GetProperty("licenceCount").GetInt32() > 10);
    }

    [Fact]
    public async Task GetBusinessType_HasItsQuestionsWithOptions()
    {
        var type = await client.GetFromJsonOrFailAsync("/api/licensing/business-types/restaurant");

        var sells = type.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "sells");
        Assert.Equal("Multi", sells.GetProperty("type").GetString());
        Assert.Contains(sells.GetProperty("options").EnumerateArray(), o => o.GetProperty("value").GetString() == "alcohol");
        Assert.Contains("liquor-sale-licence", type.GetProperty("licences").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task GetBusinessType_Unknown_Is404Problem()
    {
        using var response = await client.GetAsync(new Uri("/api/licensing/business-types/casino", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("casino", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListLicences_All_HaveAgencyFeesSlaAndWorkflow()
    {
        var licences = await client.GetFromJsonOrFailAsync("/api/licensing/licences");

        Assert.True(licences.GetArrayLength() >= 78);
        Assert.All(licences.EnumerateArray(), l =>
        {
            // The agency's name comes from the Agencies module, which shows every code resolved at start-up.
            Assert.Equal(JsonValueKindObject, l.GetProperty("agency").GetProperty("name").ValueKind);
            Assert.NotEqual(0, l.GetProperty("workflow").GetArrayLength());
            Assert.NotEqual(0, l.GetProperty("fees").GetArrayLength());
            Assert.True(l.GetProperty("slaWorkingDays").GetInt32() >= 0);
        });
        var liquor = licences.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "liquor-sale-licence");
        Assert.Equal("กรมสรรพสามิต", liquor.GetProperty("agency").GetProperty("name").GetProperty("th").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindObject = System.Text.Json.JsonValueKind.Object;

    [Theory]
    [InlineData("liquor", "liquor-sale-licence")]
    [InlineData("ขายสุรา", "liquor-sale-licence")]
    [InlineData("food premises", "food-premises-licence")]
    public async Task ListLicences_SearchThaiOrEnglish_FindsTheLicence(string words, string code)
    {
        var licences = await client.GetFromJsonOrFailAsync("/api/licensing/licences?q=" + Uri.EscapeDataString(words));

        Assert.Contains(licences.EnumerateArray(), l => l.GetProperty("code").GetString() == code);
        Assert.True(licences.GetArrayLength() < 20);
    }

    [Fact]
    public async Task ListLicences_ByBusinessType_KeepsOnlyItsLicences()
    {
        var licences = await client.GetFromJsonOrFailAsync("/api/licensing/licences?businessType=pharmacy");

        var codes = licences.EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();
        Assert.Contains("drugstore-licence", codes);
        Assert.DoesNotContain("liquor-sale-licence", codes);
        Assert.All(licences.EnumerateArray(), l => Assert.Contains("pharmacy", l.GetProperty("businessTypes").EnumerateArray().Select(t => t.GetString())));
    }

    [Fact]
    public async Task ListLicences_UnknownBusinessType_Is400NamingIt()
    {
        using var response = await client.GetAsync(new Uri("/api/licensing/licences?businessType=casino", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("businessType"));
    }

    [Fact]
    public async Task GetLicence_HasOnlineIncentiveFormulaFeesAndParallelSteps()
    {
        var hotel = await client.GetFromJsonOrFailAsync("/api/licensing/licences/hotel-licence");

        Assert.Equal(45, hotel.GetProperty("online").GetProperty("slaDays").GetInt32());
        var perRoom = hotel.GetProperty("fees").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "perUnit");
        Assert.Equal("rooms", perRoom.GetProperty("question").GetString());
        var stages = hotel.GetProperty("workflow").EnumerateArray().Select(s => s.GetProperty("stage").GetInt32()).ToList();
        Assert.True(stages.Count > stages.Distinct().Count(), "some steps run in parallel");
        Assert.Contains(hotel.GetProperty("fields").EnumerateArray(), f => f.GetProperty("registry").GetString() == "Population");
    }

    [Fact]
    public async Task GetLicence_Unknown_Is404Problem()
    {
        using var response = await client.GetAsync(new Uri("/api/licensing/licences/casino-licence", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
