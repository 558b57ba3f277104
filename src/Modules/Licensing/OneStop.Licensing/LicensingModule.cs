using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing;

/// <summary>Business licensing: the catalogue of licences, the guide, applications and their review by agencies.</summary>
public static class LicensingModule
{
    public static WebApplicationBuilder AddLicensingModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidation();

        // Loaded here rather than on first use so that a broken catalogue stops start-up with its file and line.
        var catalogue = new LicenceCatalogue(CatalogueLoader.LoadEmbedded());
        services.AddSingleton(catalogue);
        services.AddSingleton<ILicenceCatalogue>(catalogue);
        services.AddSingleton<AgencyNames>();
        services.AddScoped<IModuleSeeder, CatalogueAgencyCheck>();
        services.AddNavigationItem(new NavigationItem("/Licensing", "ใบอนุญาต", "Licences", Order: 20));
        services.AddNavigationItem(new NavigationItem("/Licensing/Guide", "ต้องขอใบอนุญาตอะไรบ้าง", "Which licences do I need?", Order: 21));
        return builder;
    }

    public static WebApplication MapLicensingModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/licensing")
            .WithTags("Licensing")
            .MapCatalogueEndpoints()
            .MapGuideEndpoints();
        return app;
    }
}
