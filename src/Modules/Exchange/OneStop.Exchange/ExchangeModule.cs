using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Exchange.Admin;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.Exchange.DataSubjects;
using OneStop.Exchange.Gateway;
using OneStop.Exchange.MessageLog;
using OneStop.Exchange.Metadata;
using OneStop.Exchange.Seeding;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Jobs;

namespace OneStop.Exchange;

/// <summary>The government data exchange: members, services, access rights, the X-Road-compatible gateway and its signed message log.</summary>
public static class ExchangeModule
{
    public static WebApplicationBuilder AddExchangeModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDbContext<ExchangeDbContext, SqliteExchangeDbContext, PostgresExchangeDbContext>(
            ExchangeDbContext.Module, (sp, o) => o.AddInterceptors(sp.GetRequiredService<ExchangeDirectoryInvalidator>()));
        // Subsystems that connect with a client certificate are pinned by its SHA-256 thumbprint (as
        // X-Road pins its members' certificates), so any certificate is let through the TLS handshake:
        // the gateway decides. Certificates are asked for only on endpoints configured with a
        // ClientCertificateMode (see docs/operations.md), never on the public site.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ClientCertificateValidation = (_, _, _) => true));
        var services = builder.Services;
        services.AddValidation();
        services.AddSingleton<ExchangeDirectory>();
        services.AddSingleton<ExchangeDirectoryInvalidator>();
        services.AddHttpClient(ExchangeNames.ProviderHttpClient, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are passed back to the consumer, never followed (as in X-Road).
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        // Providers registered with a relative URL live in this process and are called through its own pipeline.
        services.AddLocalPipeline();
        services.AddSingleton<ProviderClient>();
        services.AddSingleton(sp => GatewayLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ProviderLoop>();
        // Other modules consume the exchange like any agency system: through /r1, here or on a separate gateway.
        services.AddTransient<LocalConsumerHandler>();
        var gatewayUrl = builder.Configuration[ExchangeNames.GatewayUrlKey];
        var consumer = services.AddHttpClient(ExchangeNames.ConsumerHttpClient, c =>
        {
            c.BaseAddress = new Uri(string.IsNullOrEmpty(gatewayUrl) ? $"http://{ProviderUrls.LocalAuthority}/r1/" : gatewayUrl.TrimEnd('/') + "/r1/");
            c.Timeout = TimeSpan.FromSeconds(40);
        });
        if (string.IsNullOrEmpty(gatewayUrl))
        {
            consumer.ConfigurePrimaryHttpMessageHandler<LocalConsumerHandler>();
        }

        services.AddSingleton<LogSigner>();
        services.AddSingleton<BodySealer>();
        services.AddSingleton<MessageLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageLogWriter>());
        services.AddScoped<ExchangeGateway>();
        services.AddScoped<MetadataServices>();
        services.AddScoped<DirectoryEditor>();
        services.AddScoped<IMessageLogVerifier, MessageLogVerifier>();
        services.AddScoped<IConsentHistoryVerifier, ConsentHistoryVerifier>();
        services.AddScoped<MessageLogArchiver>();
        services.AddScoped<IMessageLogArchiver>(sp => sp.GetRequiredService<MessageLogArchiver>());
        services.AddRecurringJob<MessageLogRetentionJob>();
        services.AddScoped<IModuleSeeder, ExchangeSeeder>();
        services.AddNavigationItem(new NavigationItem("/Exchange/MyData", "ใครอ่านข้อมูลของฉัน", "Who read my data", Order: 20));
        return builder;
    }

    // A bug in the gateway still answers as X-Road does, never with an HTML error page.
    private static async Task HandleAsync(HttpContext context, ExchangeGateway gateway, ILoggerFactory loggers)
    {
        try
        {
            await gateway.HandleAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            loggers.CreateLogger(typeof(ExchangeModule)).LogError(ex, "The exchange gateway failed");
            context.Response.Clear();
            await XRoadError.Internal().WriteAsync(context, context.TraceIdentifier);
        }
    }

    public static WebApplication MapExchangeModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Map("/r1/{**rest}", HandleAsync)
            .WithMetadata(new OwnsRequestLimits())
            .SelfContained()
            .ExcludeFromDescription();
        MetadataServices.MapListClients(app);
        app.MapGroup("/api/exchange").WithTags("Exchange").MapPersonalDataReads().MapConsents().MapDirectoryAdmin();
        return app;
    }
}
