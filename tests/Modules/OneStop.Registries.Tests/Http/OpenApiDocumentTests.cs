using System.Net;
using System.Text.Json;
using OneStop.Exchange.Contracts;
using OneStop.Registries.Contracts;
using OneStop.Testing;

namespace OneStop.Registries.Tests.Http;

public sealed class OpenApiDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task PopulationDocument_ListsPersonsAndCardCheckOnly()
    {
        var paths = await PathsAsync("registries-population");
        Assert.True(paths[$"{RegistryProviders.PopulationPersons}/{{citizenId}}"].TryGetProperty("get", out _));
        Assert.True(paths[RegistryProviders.PopulationCardCheck].TryGetProperty("post", out _));
        Assert.Equal(2, paths.Count);
    }

    [Fact]
    public async Task JuristicDocument_ListsCompaniesOnly()
    {
        var paths = await PathsAsync("registries-juristic");
        Assert.True(Assert.Single(paths, p => p.Key == $"{RegistryProviders.JuristicCompanies}/{{juristicId}}").Value.TryGetProperty("get", out _));
        Assert.Single(paths);
    }

    [Fact]
    public async Task TradeDocument_ListsTradersOnly()
    {
        var paths = await PathsAsync("registries-trade");
        Assert.True(Assert.Single(paths, p => p.Key == $"{RegistryProviders.TradeTraders}/{{juristicId}}").Value.TryGetProperty("get", out _));
        Assert.Single(paths);
    }

    [Theory]
    [InlineData("registries-population", RegistryProviders.PopulationPersons + "/{citizenId}", true)]
    [InlineData("registries-population", RegistryProviders.PopulationCardCheck, false)]
    [InlineData("registries-juristic", RegistryProviders.JuristicCompanies + "/{juristicId}", true)]
    [InlineData("registries-trade", RegistryProviders.TradeTraders + "/{juristicId}", false)]
    public async Task RegistryDocument_DocumentsTheDataSubjectsHeader_OnTheAnswersThatDiscloseOthers(string name, string path, bool declares)
    {
        var paths = await PathsAsync(name);
        var operation = paths[path].EnumerateObject().Single().Value;
        var ok = operation.GetProperty("responses").GetProperty("200");

        Assert.Equal(declares, ok.TryGetProperty("headers", out var headers) && headers.TryGetProperty(ExchangeProviderHeaders.DataSubjects, out _));
    }

    [Theory]
    [InlineData("registries-population")]
    [InlineData("registries-juristic")]
    [InlineData("registries-trade")]
    public async Task RegistryDocument_HasTheRegistrysTitleAndPointsToTheExchange(string name)
    {
        var document = await client.GetFromJsonOrFailAsync($"/openapi/{name}.json");
        var expected = RegistriesModule.Documents.Single(d => d.Name == name);
        Assert.Equal(expected.Title, document.GetProperty("info").GetProperty("title").GetString());
        Assert.Contains("/r1/" + expected.Service, document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainDocument_DoesNotMentionTheProviderApis()
    {
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/agencies", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/providers/registries", body, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, JsonElement>> PathsAsync(string document)
        => (await client.GetFromJsonOrFailAsync($"/openapi/{document}.json")).GetProperty("paths").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
