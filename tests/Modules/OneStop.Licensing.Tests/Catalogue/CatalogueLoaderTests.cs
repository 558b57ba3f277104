using System.Text.Json;
using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Tests.Catalogue;

public sealed class CatalogueLoaderTests
{
    [Fact]
    public void ValidFiles_Load_WithRulesFeesAndParallelWorkflow()
    {
        var data = CatalogueFiles.Load(CatalogueFiles.Valid());

        Assert.Equal("test-1", data.Version);
        var food = data.Licences.Single(l => l.Code == "food-shop");
        Assert.Equal([1, 1, 2], food.Workflow.Select(s => s.Stage));
        Assert.Equal(new OnlineIncentive(10, 10), food.Online);
        Assert.IsType<BandedFee>(food.Fees.Single().Formula);
        Assert.Equal(["assumption"], food.Sources.Validity);
        var bar = data.BusinessTypes.Single();
        Assert.Equal(["sellsAlcohol", "floorArea", "sells"], bar.Questions.Select(q => q.Key));
        Assert.Equal("premises", bar.Questions[0].Group.Key);
    }

    [Fact]
    public void BrokenYaml_NamesFileAndLine()
    {
        var files = CatalogueFiles.Valid();
        files["licences/liquor.yaml"] = CatalogueFiles.Liquor.Replace("sla: { workingDays: 1, source: [BP] }", "sla: { workingDays: 1, source: [BP]", StringComparison.Ordinal);

        var error = CatalogueFiles.Errors(files)[0];

        Assert.Equal("licences/liquor.yaml", error.At.File);
        Assert.InRange(error.At.Line, 20, 21);
        Assert.StartsWith("licences/liquor.yaml:2", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKey_NamesTheLineOfItsMapping()
    {
        var files = CatalogueFiles.Valid();
        files["licences/liquor.yaml"] = CatalogueFiles.Liquor.Replace("sla: { workingDays: 1, source: [BP] }", "sla: { source: [BP] }", StringComparison.Ordinal);

        var errors = CatalogueFiles.Errors(files);

        // The licence is then left out, so the business type that lists it is reported too.
        Assert.Contains(new CatalogueError(new SourceLocation("licences/liquor.yaml", 20), "Missing 'workingDays'."), errors);
    }

    [Fact]
    public void UnknownAgency_IsReportedWhereItIsWritten()
    {
        var files = CatalogueFiles.Valid();
        files["licences/liquor.yaml"] = CatalogueFiles.Liquor.Replace("agency: { code: \"03006000\"", "agency: { code: \"99999999\"", StringComparison.Ordinal);

        var errors = CatalogueFiles.Errors(files, new HashSet<string> { "03006000", "21043000", "21007000" });

        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("licences/liquor.yaml", 3), error.At);
        Assert.Contains("Unknown agency '99999999'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedAgencyCode_IsReportedWithoutAnAgencyList()
    {
        var files = CatalogueFiles.Valid();
        files["licences/liquor.yaml"] = CatalogueFiles.Liquor.Replace("agency: \"03006000\"", "agency: \"excise\"", StringComparison.Ordinal);

        var error = Assert.Single(CatalogueFiles.Errors(files));

        Assert.Contains("'excise' is not an agency code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateLicenceCode_NamesBothPlaces()
    {
        var files = CatalogueFiles.Valid();
        files["licences/liquor-2.yaml"] = CatalogueFiles.Liquor;

        var errors = CatalogueFiles.Errors(files);

        Assert.Contains(errors, e => e.At.File == "licences/liquor.yaml" && e.Message.Contains("Duplicate licence 'liquor' (first at licences/liquor-2.yaml:1)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.At.File == "licences/liquor-2.yaml" && e.Message.Contains("must be named licences/liquor.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void DeterminantOnUnknownQuestion_IsReported()
    {
        var files = CatalogueFiles.Valid();
        files["licences/liquor.yaml"] = CatalogueFiles.Liquor.Replace("question: sellsAlcohol", "question: sellsBeer", StringComparison.Ordinal);

        var error = Assert.Single(CatalogueFiles.Errors(files));

        Assert.Equal(new SourceLocation("licences/liquor.yaml", 7), error.At);
        Assert.Contains("unknown question 'sellsBeer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeterminantOnQuestionTheBusinessTypeDoesNotAsk_IsReported()
    {
        var files = CatalogueFiles.Valid();
        files["business-types/bar.yaml"] = CatalogueFiles.Bar.Replace("[sellsAlcohol, floorArea, sells]", "[floorArea, sells]", StringComparison.Ordinal);

        var error = Assert.Single(CatalogueFiles.Errors(files));

        Assert.Equal("licences/liquor.yaml", error.At.File);
        Assert.Contains("business type 'bar' does not ask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkflowWithNoSteps_IsReported()
    {
        var files = CatalogueFiles.Valid();
        var liquor = CatalogueFiles.Liquor;
        var start = liquor.IndexOf("workflow:", StringComparison.Ordinal);
        var end = liquor.IndexOf("workflowSource:", StringComparison.Ordinal);
        files["licences/liquor.yaml"] = liquor[..start] + "workflow: []\n" + liquor[end..];

        var error = Assert.Single(CatalogueFiles.Errors(files));

        Assert.Contains("workflow with no steps", error.Message, StringComparison.Ordinal);
        Assert.Equal(22, error.At.Line);
    }

    [Theory]
    [InlineData("role: reviewer", "role: mayor", "Unknown review role 'mayor'")]
    [InlineData("sla: { workingDays: 1, source: [BP] }", "sla: { workingDays: 1, source: [BP, P99] }", "Unknown source tag 'P99'")]
    [InlineData("satang: 33000", "satang: -5", "whole number")]
    [InlineData("sla: { workingDays: 1", "sla: { workingDays: 1, hours: 3", "Unknown key 'hours'")]
    [InlineData("equals: true", "equals: maybe", "compare it with true or false")]
    [InlineData("validity: { term: months, months: 12", "validity: { term: forever, months: 12", "Unknown term 'forever'")]
    public void MistakeInALicence_IsReportedWithItsMessage(string original, string broken, string message)
    {
        var files = CatalogueFiles.Valid();
        var text = CatalogueFiles.Liquor.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(original, text, StringComparison.Ordinal);
        files["licences/liquor.yaml"] = text.Replace(original, broken, StringComparison.Ordinal);

        var errors = CatalogueFiles.Errors(files);

        Assert.Contains(errors, e => e.At.File == "licences/liquor.yaml" && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void OnlineTimeLongerThanCounter_IsReported()
    {
        var files = CatalogueFiles.Valid();
        files["licences/food-shop.yaml"] = CatalogueFiles.FoodShop.Replace("slaDays: 10", "slaDays: 45", StringComparison.Ordinal);

        Assert.Contains(CatalogueFiles.Errors(files), e => e.Message.Contains("must not be longer than the counter time", StringComparison.Ordinal));
    }

    [Fact]
    public void OptionNotOfTheQuestion_IsReported()
    {
        var files = CatalogueFiles.Valid();
        files["licences/food-shop.yaml"] = CatalogueFiles.FoodShop.Replace("includesAny: [tobacco]", "includesAny: [tobacco, guns]", StringComparison.Ordinal);

        var error = Assert.Single(CatalogueFiles.Errors(files));

        Assert.Contains("'guns' is not an option of question 'sells'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BusinessTypeWithUnknownLicence_IsReported()
    {
        var files = CatalogueFiles.Valid();
        files["business-types/bar.yaml"] = CatalogueFiles.Bar.Replace("[liquor, food-shop]", "[liquor, food-shop, casino]", StringComparison.Ordinal);

        var error = Assert.Single(CatalogueFiles.Errors(files));

        Assert.Equal(new SourceLocation("business-types/bar.yaml", 5), error.At);
        Assert.Contains("unknown licence 'casino'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralMistakes_AreAllReportedAtOnce()
    {
        var files = CatalogueFiles.Valid();
        files["licences/liquor.yaml"] = CatalogueFiles.Liquor.Replace("role: reviewer", "role: mayor", StringComparison.Ordinal);
        files["business-types/bar.yaml"] = CatalogueFiles.Bar.Replace("[liquor, food-shop]", "[liquor, food-shop, casino]", StringComparison.Ordinal);

        var exception = Assert.Throws<CatalogueException>(() => CatalogueFiles.Load(files));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("licences/liquor.yaml:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("business-types/bar.yaml:5", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedCatalogue_LoadsWithAllBusinessTypesAndLicences()
    {
        var data = CatalogueLoader.LoadEmbedded();

        Assert.True(data.BusinessTypes.Count >= 25, $"{data.BusinessTypes.Count} business types");
        Assert.True(data.Licences.Count >= 78, $"{data.Licences.Count} licences");
        Assert.All(data.Licences, l => Assert.NotEmpty(l.Workflow));
        Assert.All(data.BusinessTypes, b => Assert.NotEmpty(b.Questions));
    }

    [Fact]
    public void ShippedCatalogue_NamesOnlyAgenciesOfTheAgenciesSeed()
    {
        var seed = Path.Combine(RepositoryRoot(), "src", "Modules", "Agencies", "OneStop.Agencies", "Data", "Seed", "agencies.json");
        using var json = JsonDocument.Parse(File.ReadAllText(seed));
        var codes = json.RootElement.EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);

        var data = CatalogueLoader.Load(CatalogueLoader.EmbeddedFiles(), codes);

        Assert.NotEmpty(data.AgencyReferences);
    }

    [Fact]
    public void ShippedCatalogue_MarksUnverifiedFactsAsAssumptions()
    {
        var data = CatalogueLoader.LoadEmbedded();

        // Facts the research marked as general knowledge must reach the data as assumptions, e.g. the loudspeaker permit's agency.
        var loudspeaker = data.Licences.Single(l => l.Code == "loudspeaker-permit");
        Assert.Contains(FactSources.Assumption, loudspeaker.Sources.Agency);
        var liquor = data.Licences.Single(l => l.Code == "liquor-sale-licence");
        Assert.Equal(["BP"], liquor.Sources.Agency);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OneStop.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
