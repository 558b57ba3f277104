using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Registries.Contracts;
using OneStop.Registries.Data;
using OneStop.Registries.Juristic;
using OneStop.Registries.Population;
using OneStop.Registries.Seeding;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
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
                o.AddOperationTransformer(DisclosedSubjects.DocumentAsync);
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
        var expected = Encoding.UTF8.GetBytes(token);
        ProviderGroup(app, expected, 0, "Population registry").MapPopulationProvider();
        ProviderGroup(app, expected, 1, "Juristic-person registry").MapJuristicProvider();
        ProviderGroup(app, expected, 2, "Trader registry").MapTradeProvider();
        return app;
    }

    /// <summary>
    /// A registry's endpoints, each checking the provider token before anything else it does (not even
    /// input validation answers a caller that does not come through the exchange). The check is part of
    /// the endpoint, so the exchange's in-process calls run the endpoint directly and still meet it.
    /// </summary>
    private static RouteGroupBuilder ProviderGroup(WebApplication app, byte[] expectedToken, int document, string tag)
    {
        var group = app.MapGroup(Prefix).WithGroupName(Documents[document].Name).WithTags(tag).SelfContained();
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                var presented = Encoding.UTF8.GetBytes(context.Request.Headers[RegistryProviders.ProviderTokenHeader].ToString());
                return CryptographicOperations.FixedTimeEquals(presented, expectedToken)
                    ? inner(context)
                    : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "The registries answer only through the government data exchange.")
                        .ExecuteAsync(context);
            };
        });
        return group;
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
