using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Notifications.Contracts;

/// <summary>How a module registers its templates, in its <c>Add…Module</c>.</summary>
public static class NotificationTemplateRegistration
{
    /// <summary>Registers <paramref name="template"/>; two templates with one key stop the app at start.</summary>
    public static IServiceCollection AddNotificationTemplate(
        this IServiceCollection services, NotificationTemplate template)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(template);
        return services.AddSingleton(template);
    }
}
