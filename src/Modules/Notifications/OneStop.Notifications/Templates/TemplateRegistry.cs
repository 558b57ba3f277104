using OneStop.Notifications.Contracts;

namespace OneStop.Notifications.Templates;

/// <summary>The templates every module registered, by key. Built once at start, so a clash stops the app there.</summary>
internal sealed class TemplateRegistry
{
    private readonly Dictionary<string, NotificationTemplate> templates = new(StringComparer.Ordinal);

    public TemplateRegistry(IEnumerable<NotificationTemplate> registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        foreach (var template in registered)
        {
            if (!templates.TryAdd(template.Key, template) && !ReferenceEquals(templates[template.Key], template))
            {
                throw new InvalidOperationException($"Two notification templates have the key '{template.Key}'; each key names one template.");
            }
        }
    }

    public IReadOnlyCollection<string> Keys => templates.Keys;

    public NotificationTemplate Get(string key) => templates.TryGetValue(key, out var template)
        ? template
        : throw new KeyNotFoundException($"No notification template '{key}' is registered; a module registers its templates with services.AddNotificationTemplate(...) in its Add…Module.");
}
