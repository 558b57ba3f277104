using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Integration;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Messaging;
using OneStop.Licensing.Data;
using OneStop.SharedKernel.Data;

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
        services.AddScoped<StartApplication.Handler>();
        services.AddScoped<SaveAnswers.Handler>();
        services.AddScoped<PrefillApplication.Handler>();
        services.AddScoped<UploadDocument.Handler>();
        services.AddScoped<SubmitApplication.Handler>();
        services.AddScoped<ResubmitApplication.Handler>();
        services.AddScoped<ClaimTask.Handler>();
        services.AddScoped<DecideTask.Handler>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<RegistryReader>();
        services.AddSingleton<ILicenceTerms, CatalogueTerms>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddRecurringJob<WebhookJob>();
        services.AddIntegrationEventHandler<ApplicationSubmitted, WebhookFanOut>();
        services.AddIntegrationEventHandler<LicenceApproved, WebhookFanOut>();
        services.AddIntegrationEventHandler<FeesDue, WebhookFanOut>();
        services.AddIntegrationEventHandler<ApplicationApproved, WebhookFanOut>();
        return builder;
    }

    public static WebApplication MapLicensingModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/licensing").WithTags("Licensing").MapApplicationEndpoints().MapIntegrationEndpoints();
        return app;
    }
}
