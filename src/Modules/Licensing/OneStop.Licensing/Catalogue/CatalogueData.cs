using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;

namespace OneStop.Licensing.Catalogue;

/// <summary>The checked catalogue: what the contract serves, plus the rules and references only this module needs.</summary>
internal sealed record CatalogueData(
    string Version,
    IReadOnlyList<LicenceDefinition> Licences,
    IReadOnlyList<BusinessTypeDefinition> BusinessTypes,
    IReadOnlyDictionary<string, LicenceRules> Rules,
    IReadOnlyList<Reference> AgencyReferences);

/// <summary>When a licence is required, and when it is suggested.</summary>
internal sealed record LicenceRules(IReadOnlyList<LicenceRule> Required, IReadOnlyList<LicenceRule> Optional);
