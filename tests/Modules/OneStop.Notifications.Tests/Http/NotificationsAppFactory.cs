using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Notifications.Contracts;
using OneStop.Notifications.Data;
using OneStop.Testing;

namespace OneStop.Notifications.Tests.Http;

/// <summary>The app with a test template registered, as a module registers its own, and its mail sent to a test SMTP server.</summary>
public class NotificationsAppFactory : AppFactory
{
    protected override bool ReadsMail => true;

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddNotificationTemplate(TestTemplates.StatusChanged);

    public Task<Guid> NotifyAsync(NotificationRecipient recipient, string dedupeKey, IReadOnlyDictionary<string, string>? values = null, string? template = null)
        => WithScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
            recipient, template ?? TestTemplates.StatusChanged.Key, values ?? TestTemplates.Values("LC-1"), dedupeKey, TestContext.Current.CancellationToken));

    internal Task<List<Notification>> NotificationsOfAsync(string subject)
        => WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
            .Where(n => n.RecipientSubject == subject).ToListAsync(TestContext.Current.CancellationToken));
}
