using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.SharedKernel.Hosting;

/// <summary>
/// Fills a module's tables at start-up: reference data (always, when missing) and demo data
/// (only when <c>DemoData:Enabled</c> is true). Seeders must be idempotent: they run on every start.
/// </summary>
public interface IModuleSeeder
{
    Task SeedReferenceDataAsync(CancellationToken cancellationToken);

    Task SeedDemoDataAsync(CancellationToken cancellationToken);
}

public static class ModuleSeeding
{
    public static async Task SeedModulesAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        using var scope = services.CreateScope();
        var seeders = scope.ServiceProvider.GetServices<IModuleSeeder>().ToList();
        foreach (var seeder in seeders)
        {
            await seeder.SeedReferenceDataAsync(cancellationToken);
        }

        if (configuration.GetValue("DemoData:Enabled", false))
        {
            foreach (var seeder in seeders)
            {
                await seeder.SeedDemoDataAsync(cancellationToken);
            }
        }
    }
}
