using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Notifications.Contracts;
using OneStop.Notifications.Data;
using OneStop.Notifications.Inbox;
using OneStop.Notifications.Sending;
using OneStop.Notifications.Templates;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Notifications;

/// <summary>Notifications: templates in Thai and English, a person's in-app inbox, and e-mail sent from the outbox.</summary>
public static class NotificationsModule
{
    public static WebApplicationBuilder AddNotificationsModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(NotificationsDbContext.Module);
        var services = builder.Services;
        services.AddValidation();
        services.AddSingleton<TemplateRegistry>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<MarkAsRead>();
        services.AddIntegrationEventHandler<NotificationEmailQueued, SendNotificationEmail>();
        services.AddAuthorizationBuilder()
            .AddPolicy(NotificationsPolicies.Person, p => p.RequireAuthenticatedUser().RequireClaim(Claims.Subject));
        services.AddNavigationItem(new NavigationItem("/Notifications", "การแจ้งเตือน", "Notifications", Order: 90)
        {
            ShownTo = user => user.Identity?.IsAuthenticated == true,
        });
        services.AddNavigationBadge<Inbox.UnreadBadge>();
        return builder;
    }

    public static WebApplication MapNotificationsModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Built now, so that two modules registering one template key stop the app at start, not at the first notification.
        _ = app.Services.GetRequiredService<TemplateRegistry>();
        app.MapGroup("/api/notifications")
            .WithTags("Notifications")
            .MapInboxEndpoints();
        return app;
    }
}
