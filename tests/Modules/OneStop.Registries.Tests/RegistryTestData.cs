using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Registries.Contracts;
using OneStop.SyntheticData;
using OneStop.Testing;

namespace OneStop.Registries.Tests;

/// <summary>What the registries hold in every <see cref="AppFactory"/>, and a client that comes "through the exchange".</summary>
internal static class RegistryTestData
{
    /// <summary>The demo data every AppFactory seeds (DemoData: Seed 42, 50 citizens, 10 companies); the generator is deterministic.</summary>
    public static readonly SyntheticDataSet Demo = new SyntheticDataGenerator(42).Generate(50, 10);

    public static IReadOnlyList<string> DocumentedCitizenIds => SyntheticDataGenerator.DocumentedCitizenIds;

    public static IReadOnlyList<string> DocumentedJuristicIds => SyntheticDataGenerator.DocumentedJuristicIds;

    public static SyntheticCitizen Citizen(string citizenId) => Demo.Citizens.Single(c => c.CitizenId.Value == citizenId);

    public static SyntheticCompany Company(string juristicId) => Demo.Companies.Single(c => c.JuristicId.Value == juristicId);

    public static string ProviderToken(this AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IConfiguration>()[RegistryProviders.ProviderTokenKey]
            ?? throw new InvalidOperationException($"{RegistryProviders.ProviderTokenKey} is not set.");
    }

    /// <summary>A client carrying the exchange's provider token, as the exchange would call.</summary>
    public static HttpClient CreateProviderClient(this AppFactory app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(RegistryProviders.ProviderTokenHeader, app.ProviderToken());
        return client;
    }

    /// <summary>Thai name as the registries print it: title joined to the given name.</summary>
    public static string NameTh(this SyntheticCitizen c) => c.TitleTh + c.GivenNameTh + " " + c.FamilyNameTh;

    public static string NameEn(this SyntheticCitizen c) => c.TitleEn + " " + c.GivenNameEn + " " + c.FamilyNameEn;
}
