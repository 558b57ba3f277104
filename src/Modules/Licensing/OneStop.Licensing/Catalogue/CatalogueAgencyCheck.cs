using OneStop.Agencies.Contracts;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Catalogue;

/// <summary>
/// Checks at start-up that every agency the catalogue names exists in the Agencies module. It runs as a seeder
/// because seeders run after migrations, in module order, so the Agencies module's reference data is in place.
/// </summary>
internal sealed class CatalogueAgencyCheck(LicenceCatalogue catalogue, IAgencyDirectory agencies, AgencyNames names) : IModuleSeeder
{
    public async Task SeedReferenceDataAsync(CancellationToken cancellationToken)
    {
        var errors = new List<CatalogueError>();
        foreach (var group in catalogue.Data.AgencyReferences.GroupBy(r => r.Value, StringComparer.Ordinal))
        {
            if (await agencies.FindAgencyAsync(group.Key, cancellationToken) is { } agency)
            {
                names.Remember(agency);
            }
            else
            {
                errors.AddRange(group.Select(r => new CatalogueError(r.At, $"Unknown agency '{r.Value}' (not in the Agencies module).")));
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(errors);
        }
    }

    public Task SeedDemoDataAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
