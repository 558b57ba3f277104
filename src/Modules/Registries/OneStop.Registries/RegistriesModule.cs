using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Registries.Contracts;
using OneStop.Registries.Data;
using OneStop.Registries.Juristic;
using OneStop.Registries.Population;
using OneStop.Registries.Seeding;
using OneStop.SharedKernel.Data;
using OneStop.SyntheticData;

namespace OneStop.Registries;

/// <summary>
/// Reference digital registries (population, juristic persons, traders) with synthetic data.
/// Their provider APIs answer only calls that come through the exchange.
/// </summary>
public static class RegistriesModule
{
    public static WebApplicationBuilder AddRegistriesModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDbContext<RegistriesDbContext, SqliteRegistriesDbContext, PostgresRegistriesDbContext>(RegistriesDbContext.Module);
        // One secret per installation; generated when not configured (then valid for this process only:
        // configure it when several nodes serve the exchange).
        if (string.IsNullOrEmpty(builder.Configuration[RegistryProviders.ProviderTokenKey]))
        {
            builder.Configuration[RegistryProviders.ProviderTokenKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        builder.Services.AddValidation();
        foreach (var document in Documents)
        {
            builder.Services.AddOpenApi(document.Name, o =>
            {
                o.ShouldInclude = d => d.GroupName == document.Name;
                o.AddDocumentTransformer((doc, _, _) =>
                {
                    doc.Info.Title = document.Title;
                    doc.Info.Description = "Provider API of a reference registry. Reach it only through the exchange: /r1/" + document.Service + "/...";
                    return Task.CompletedTask;
                });
            });
        }

        builder.Services.AddScoped<ISyntheticDataSink, RegistriesSink>();
        return builder;
    }

    public static WebApplication MapRegistriesModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var token = app.Configuration[RegistryProviders.ProviderTokenKey]
            ?? throw new InvalidOperationException($"{RegistryProviders.ProviderTokenKey} is not set.");
        // Checked before routing reaches the endpoints, so that nothing (not even input validation)
        // answers a caller that does not come through the exchange.
        var expected = Encoding.UTF8.GetBytes(token);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), branch => branch.Use(async (context, next) =>
        {
            var presented = Encoding.UTF8.GetBytes(context.Request.Headers[RegistryProviders.ProviderTokenHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "The registries answer only through the government data exchange.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        }));
        app.MapGroup(Prefix).WithGroupName(Documents[0].Name).WithTags("Population registry").MapPopulationProvider();
        app.MapGroup(Prefix).WithGroupName(Documents[1].Name).WithTags("Juristic-person registry").MapJuristicProvider();
        app.MapGroup(Prefix).WithGroupName(Documents[2].Name).WithTags("Trader registry").MapTradeProvider();
        return app;
    }

    /// <summary>Each registry's own OpenAPI document, served at /openapi/{name}.json.</summary>
    internal static readonly (string Name, string Title, string Service)[] Documents =
    [
        ("registries-population", "Population registry (DOPA)", "TH/GOV/DOPA/population"),
        ("registries-juristic", "Juristic-person registry (DBD)", "TH/GOV/DBD/juristic"),
        ("registries-trade", "Trader registry (Customs, National Single Window)", "TH/GOV/CUSTOMS/nsw"),
    ];

    private const string Prefix = "/providers/registries";
}
