using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Contracts;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.Licensing.Guide;
using OneStop.Licensing.Integration;
using OneStop.Licensing.Seeding;
using OneStop.Notifications.Contracts;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Licensing;

/// <summary>Business licensing: the catalogue of licences, the guide, applications and their review by agencies.</summary>
public static class LicensingModule
{
    public static WebApplicationBuilder AddLicensingModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDbContext<LicensingDbContext, SqliteLicensingDbContext, PostgresLicensingDbContext>(LicensingDbContext.Module);
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
        services.AddNavigationItem(new NavigationItem("/Licensing/Applications", "คำขอของฉัน", "My applications", Order: 22)
        {
            ShownTo = user => user.HasClaim(c => c.Type == Claims.CitizenId),
        });
        services.AddNavigationItem(new NavigationItem("/Licensing/Queue", "งานรอพิจารณา", "Review queue", Order: 23)
        {
            ShownTo = user => Officer.Of(user) is { } officer && officer.Roles.Any(r => r != OfficerRoleCodes.CounterStaff),
        });
        services.AddNavigationItem(new NavigationItem("/Licensing/Counter", "เคาน์เตอร์บริการ", "Service counter", Order: 24)
        {
            ShownTo = user => Officer.Of(user)?.Roles.Contains(OfficerRoleCodes.CounterStaff) == true,
        });

        services.AddScoped<StartApplication.Handler>();
        services.AddScoped<RenewLicence.Handler>();
        services.AddScoped<StartAtCounter.Handler>();
        services.AddScoped<SaveAnswers.Handler>();
        services.AddScoped<PrefillApplication.Handler>();
        services.AddScoped<UploadDocument.Handler>();
        services.AddScoped<SubmitApplication.Handler>();
        services.AddScoped<ResubmitApplication.Handler>();
        services.AddScoped<ClaimTask.Handler>();
        services.AddScoped<OpenTask.Handler>();
        services.AddScoped<ReadDocument.Handler>();
        services.AddScoped<DecideTask.Handler>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<SeedApplications.Handler>();
        services.AddScoped<RegistryReader>();
        services.AddSingleton<ILicenceTerms, CatalogueTerms>();
        services.AddScoped<WebhookSender>();
        var allowHttp = builder.Configuration.GetValue<bool>("Licensing:Webhooks:AllowHttp");
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => WebhookAddresses.Handler(allowPrivate: allowHttp));
        services.AddRecurringJob<WebhookJob>();
        services.AddIntegrationEventHandler<ApplicationSubmitted, WebhookFanOut>();
        services.AddIntegrationEventHandler<LicenceApproved, WebhookFanOut>();
        services.AddIntegrationEventHandler<FeesDue, WebhookFanOut>();
        services.AddIntegrationEventHandler<ApplicationApproved, WebhookFanOut>();
        foreach (var template in LicensingTemplates.All)
        {
            services.AddNotificationTemplate(template);
        }

        services.AddIntegrationEventHandler<ApplicationSubmitted, ApplicantNotifications>();
        services.AddIntegrationEventHandler<LicenceSentBack, ApplicantNotifications>();
        services.AddIntegrationEventHandler<LicenceApproved, ApplicantNotifications>();
        services.AddIntegrationEventHandler<LicenceRejected, ApplicantNotifications>();
        services.AddIntegrationEventHandler<DocumentExpiring, ApplicantNotifications>();
        return builder;
    }

    /// <summary>
    /// Runs a command of the module instead of the web server: <see cref="CommandUsage"/>. Exit code 2 for bad
    /// arguments (with a message on <paramref name="error"/>), 1 when the command could not do its work.
    /// </summary>
    public static Task<int> RunCommandAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
        => SeedCommand.RunAsync(services, args, output, error);

    /// <summary>How to call <see cref="RunCommandAsync"/>.</summary>
    public const string CommandUsage = SeedCommand.Usage;

    public static WebApplication MapLicensingModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/licensing")
            .WithTags("Licensing")
            .MapCatalogueEndpoints()
            .MapGuideEndpoints()
            .MapApplicationEndpoints()
            .MapIntegrationEndpoints();
        return app;
    }
}
