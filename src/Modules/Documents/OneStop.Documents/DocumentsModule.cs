using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Pdf;
using OneStop.Documents.Signing;
using OneStop.Documents.Status;
using OneStop.Documents.Verification;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Contracts;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Documents;

/// <summary>e-Licensing: e-licences as W3C Verifiable Credentials signed by the granting agency, their status lists, published keys and verification.</summary>
public static class DocumentsModule
{
    public static WebApplicationBuilder AddDocumentsModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDbContext<DocumentsDbContext, SqliteDocumentsDbContext, PostgresDocumentsDbContext>(DocumentsDbContext.Module);
        var services = builder.Services;
        services.AddValidation();
        services.AddSingleton<DocumentSigner>();
        services.AddSingleton<DocumentStatuses>();
        services.AddSingleton<SignedStatusLists>();
        services.AddSingleton<LicencePdf>();
        services.AddScoped<DocumentPrints>();
        services.AddScoped<IssueDocument>();
        services.AddScoped<VerifyCredential.Handler>();
        services.AddScoped<ChangeStatus.Handler>();
        services.AddIntegrationEventHandler<LicenceApproved, LicenceDocuments>();
        services.AddIntegrationEventHandler<InvoicePaid, LicenceDocuments>();
        services.AddIntegrationEventHandler<InvoicePaid, ReceiptDocuments>();
        services.AddRecurringJob<ExpiryReminders>();
        services.AddNavigationItem(new NavigationItem("/Documents", "ใบอนุญาตของฉัน", "My licences", Order: 32)
        {
            ShownTo = user => user.HasClaim(c => c.Type == Claims.CitizenId),
        });
        services.AddNavigationItem(new NavigationItem("/Documents/Agency", "ใบอนุญาตที่ออก", "Issued licences", Order: 33)
        {
            ShownTo = user => Officer.Of(user) is { } officer && (officer.Roles.Contains(OfficerRoleCodes.Approver) || officer.Roles.Contains(OfficerRoleCodes.AgencyAdmin)),
        });
        return builder;
    }

    public static WebApplication MapDocumentsModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/documents").WithTags("Documents").MapDocumentsEndpoints();
        app.MapDidDocuments();
        return app;
    }
}
