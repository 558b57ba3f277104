namespace OneStop.Registries.Contracts;

/// <summary>
/// Where the registries serve their provider APIs. Other modules never call them directly: the
/// Exchange module routes to these paths, adding <see cref="ProviderTokenHeader"/>.
/// </summary>
public static class RegistryProviders
{
    /// <summary>Header carrying the secret that proves a call comes through the exchange.</summary>
    public const string ProviderTokenHeader = "X-OneStop-Provider-Token";

    /// <summary>Configuration key of that secret, shared by the registries and the exchange.</summary>
    public const string ProviderTokenKey = "Registries:ProviderToken";

    public const string PopulationPersons = "/providers/registries/population/persons";
    public const string PopulationCardCheck = "/providers/registries/population/card-check";
    public const string JuristicCompanies = "/providers/registries/juristic/companies";
    public const string TradeTraders = "/providers/registries/trade/traders";
}
