using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.Payments.Payments;
using OneStop.Payments.Reconciliation;
using OneStop.Payments.Refunds;
using OneStop.Payments.Sandbox;
using OneStop.Payments.ThaiQr;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Payments;

/// <summary>e-Payment: invoices split per agency, Thai QR bill payment, gateway notifications, receipts, refunds and reconciliation.</summary>
public static class PaymentsModule
{
    public static WebApplicationBuilder AddPaymentsModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Interceptors registered as PaymentsDbInterceptor (faults injected by tests: a crash before or after the commit).
        builder.AddModuleDbContext<PaymentsDbContext, SqlitePaymentsDbContext, PostgresPaymentsDbContext>(PaymentsDbContext.Module,
            (sp, o) => o.AddInterceptors(sp.GetServices<PaymentsDbInterceptor>()));
        var services = builder.Services;
        services.AddValidation();
        // Read here so that a bad biller ID, or a sandbox switched on in Production, stops start-up.
        services.AddSingleton(PaymentSettings.From(builder.Configuration, builder.Environment));
        services.AddSingleton<SandboxBank>();
        services.AddSingleton<PaymentGateways>();
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<StartPayment.Handler>();
        services.AddScoped<CancelPayment.Handler>();
        services.AddScoped<ReceiveNotification.Handler>();
        services.AddScoped<RaiseInvoice.Handler>();
        services.AddScoped<CancelInvoice.Handler>();
        services.AddScoped<RefundPayment.Handler>();
        services.AddScoped<Reconcile.Handler>();
        services.AddScoped<SandboxPayer>();
        services.AddLocalPipeline();
        services.AddTransient<SandboxHandler>();
        services.AddHttpClient(SandboxBank.HttpClientName).ConfigurePrimaryHttpMessageHandler<SandboxHandler>();
        services.AddRecurringJob<ExpiryJob>();
        services.AddIntegrationEventHandler<FeesDue, LicenceFees>();
        services.AddIntegrationEventHandler<ApplicationApproved, LicenceFees>();
        services.AddNavigationItem(new NavigationItem("/Payments", "การชำระเงิน", "Payments", Order: 30)
        {
            ShownTo = user => user.HasClaim(c => c.Type == Claims.CitizenId),
        });
        services.AddNavigationItem(new NavigationItem("/Payments/Finance", "การเงิน", "Finance", Order: 31)
        {
            ShownTo = user => Officer.Of(user)?.Roles.Contains(OfficerRoleCodes.Finance) == true,
        });
        return builder;
    }

    public static WebApplication MapPaymentsModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/payments")
            .WithTags("Payments")
            .MapThaiQrEndpoints()
            .MapPaymentsEndpoints();
        app.MapGet("/Payments/payment-status.js", StatusScript).ExcludeFromDescription();
        return app;
    }

    /// <summary>The pay page's one script, kept in the assembly so that every environment serves the same file.</summary>
    private static IResult StatusScript(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Stream(typeof(PaymentsModule).Assembly.GetManifestResourceStream("payment-status.js")!, "text/javascript; charset=utf-8");
    }
}
