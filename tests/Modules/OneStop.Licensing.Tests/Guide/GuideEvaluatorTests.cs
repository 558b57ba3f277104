using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Tests.Catalogue;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Tests.Guide;

public sealed class GuideEvaluatorTests
{
    private readonly LicenceCatalogue catalogue = new(CatalogueFiles.Load(CatalogueFiles.Valid()));

    [Fact]
    public void SellsAlcohol_RequiresTheLiquorLicence_WithTheReason()
    {
        var result = catalogue.Evaluate("bar", new Dictionary<string, Answer> { ["sellsAlcohol"] = new YesNoAnswer(true) }, Channel.Counter);

        var liquor = Assert.Single(result.Value!.Required);
        Assert.Equal("liquor", liquor.Licence.Code);
        Assert.Equal(new LocalizedText("เพราะคุณขายเครื่องดื่มแอลกอฮอล์", "because you sell alcohol"), Assert.Single(liquor.Reasons));
        Assert.Equal("food-shop", Assert.Single(result.Value.Optional).Licence.Code);
        Assert.Equal((33_000, 770_000L, 1), (result.Value.TotalFeeSatang, result.Value.TotalMaxFeeSatang!.Value, result.Value.LongestSlaDays));
    }

    [Fact]
    public void RequiredLicence_IsNotAlsoListedAsOptional_AndTotalsUseTheChannel()
    {
        var answers = new Dictionary<string, Answer>
        {
            ["sellsAlcohol"] = new YesNoAnswer(true),
            ["floorArea"] = new NumberAnswer(250),
            ["sells"] = new ChoiceAnswer(["tobacco"]),
        };

        var online = catalogue.Evaluate("bar", answers, Channel.Online).Value!;
        var counter = catalogue.Evaluate("bar", answers, Channel.Counter).Value!;

        Assert.Equal(["liquor", "food-shop"], online.Required.Select(r => r.Licence.Code));
        Assert.Empty(online.Optional);
        Assert.Equal(10, online.LongestSlaDays);
        Assert.Equal(30, counter.LongestSlaDays);
        Assert.Equal(33_000 + 270_000, online.TotalFeeSatang);
        Assert.Equal(33_000 + 300_000, counter.TotalFeeSatang);
    }

    [Fact]
    public void NoAnswers_RequireNothing()
    {
        var result = catalogue.Evaluate("bar", new Dictionary<string, Answer>(), Channel.Online).Value!;

        Assert.Empty(result.Required);
        Assert.Equal((0, 0), (result.TotalFeeSatang, result.LongestSlaDays));
    }

    [Fact]
    public void UnknownBusinessType_IsNotFound()
        => Assert.Equal(ErrorKind.NotFound, catalogue.Evaluate("casino", new Dictionary<string, Answer>(), Channel.Online).Error!.Kind);

    [Theory]
    [InlineData("sellsBeer")]
    [InlineData("floorArea")]
    public void AnswerThatDoesNotFit_IsInvalid_NamingTheField(string key)
    {
        var result = catalogue.Evaluate("bar", new Dictionary<string, Answer> { [key] = new YesNoAnswer(true) }, Channel.Online);

        Assert.Equal((ErrorKind.Invalid, $"answers.{key}"), (result.Error!.Kind, result.Error.Field));
    }

    [Fact]
    public void ShippedCatalogue_Restaurant_SellingAlcoholInASmallShop()
    {
        var shipped = new LicenceCatalogue(CatalogueLoader.LoadEmbedded());
        var answers = new Dictionary<string, Answer>
        {
            ["ownerType"] = new ChoiceAnswer(["individual"]),
            ["sells"] = new ChoiceAnswer(["alcohol"]),
            ["sellsFood"] = new YesNoAnswer(true),
            ["floorArea"] = new NumberAnswer(80),
            ["employees"] = new NumberAnswer(3),
        };

        var result = shipped.Evaluate("restaurant", answers, Channel.Online).Value!;

        Assert.Equal(
            ["commercial-registration", "food-premises-notification", "liquor-sale-licence", "sso-employer-registration"],
            result.Required.Select(r => r.Licence.Code).Order(StringComparer.Ordinal));
        Assert.Contains(result.Required, r => r.Reasons.Contains(new LocalizedText("เพราะคุณขายเครื่องดื่มแอลกอฮอล์", "because you sell alcohol")));
    }
}
