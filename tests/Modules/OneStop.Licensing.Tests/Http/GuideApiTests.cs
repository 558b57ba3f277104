using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.Licensing.Tests.Http;

public sealed class GuideApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Alcohol = ["alcohol"];

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Guide_RestaurantSellingAlcohol_RequiresTheLiquorLicenceWithTheReason()
    {
        var result = await PostAsync("restaurant", new { answers = new { sells = Alcohol, sellsFood = true, floorArea = 120, ownerType = "individual" } });

        var required = result.GetProperty("required").EnumerateArray().ToList();
        var liquor = required.Single(l => l.GetProperty("code").GetString() == "liquor-sale-licence");
        var reason = liquor.GetProperty("reasons")[0];
        Assert.Equal("because you sell alcohol", reason.GetProperty("en").GetString());
        Assert.Equal("เพราะคุณขายเครื่องดื่มแอลกอฮอล์", reason.GetProperty("th").GetString());
        Assert.Contains(required, l => l.GetProperty("code").GetString() == "food-premises-notification");
        Assert.DoesNotContain(required, l => l.GetProperty("code").GetString() == "food-premises-licence");
        Assert.Equal(required.Sum(l => l.GetProperty("fees").GetProperty("totalSatang").GetInt64()), result.GetProperty("totalFeeSatang").GetInt64());
        Assert.Equal(required.Max(l => l.GetProperty("slaDays").GetInt32()), result.GetProperty("longestSlaDays").GetInt32());
        Assert.Equal("Online", result.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Guide_CounterChannel_HasNoOnlineDiscount()
    {
        var body = new { answers = new { sellsFood = true, floorArea = 50 } };

        var online = await PostAsync("restaurant", body);
        var counter = await PostAsync("restaurant?channel=counter", body);

        var onlineNotice = online.GetProperty("required").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "food-premises-notification");
        var counterNotice = counter.GetProperty("required").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "food-premises-notification");
        Assert.Equal(10, onlineNotice.GetProperty("fees").GetProperty("discountPercent").GetInt32());
        Assert.Equal(0, counterNotice.GetProperty("fees").GetProperty("discountPercent").GetInt32());
        Assert.True(onlineNotice.GetProperty("slaDays").GetInt32() < counterNotice.GetProperty("slaDays").GetInt32());
    }

    [Fact]
    public async Task Guide_UnknownBusinessType_Is404Problem()
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/licensing/guide/casino", UriKind.Relative), new { answers = new { } }, TestContext.Current.CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"answers":{"floorArea":"big"}}""", "answers.floorArea")]
    [InlineData("""{"answers":{"floorArea":-5}}""", "answers.floorArea")]
    [InlineData("""{"answers":{"sells":["guns"]}}""", "answers.sells")]
    [InlineData("""{"answers":{"sellsFood":"yes"}}""", "answers.sellsFood")]
    [InlineData("""{"answers":{"horsepower":5}}""", "answers.horsepower")]
    public async Task Guide_InvalidAnswer_Is400NamingTheField(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/licensing/guide/restaurant", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Guide_UnknownChannel_Is400()
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/licensing/guide/restaurant?channel=fax", UriKind.Relative), new { answers = new { } }, TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("channel"));
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/licensing/guide/" + path, UriKind.Relative), body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
