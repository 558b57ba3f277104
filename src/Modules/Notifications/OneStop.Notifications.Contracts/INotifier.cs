namespace OneStop.Notifications.Contracts;

/// <summary>
/// Tells a person something: a message in their in-app inbox and, when they have an e-mail address, an e-mail.
/// Both are rendered from a template registered with <see cref="NotificationTemplateRegistration.AddNotificationTemplate"/>.
/// </summary>
public interface INotifier
{
    /// <summary>
    /// Stores the notification and queues its e-mail in one transaction, and returns its id. The same
    /// <paramref name="dedupeKey"/> for the same recipient again (a retry, a redelivered event, a concurrent
    /// duplicate) stores and sends nothing and returns the first notification's id.
    /// </summary>
    /// <param name="recipient">Who is told, in which language.</param>
    /// <param name="templateKey">A registered template's key.</param>
    /// <param name="values">A value for every placeholder of the template, and nothing else.</param>
    /// <param name="dedupeKey">What makes this notification unique for the recipient, e.g. <c>licensing:approved:{applicationId}</c> (at most 200 characters).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="KeyNotFoundException">No template has <paramref name="templateKey"/>.</exception>
    /// <exception cref="ArgumentException">A placeholder has no value, a value has no placeholder, or the recipient or key is malformed.</exception>
    Task<Guid> NotifyAsync(
        NotificationRecipient recipient, string templateKey, IReadOnlyDictionary<string, string> values, string dedupeKey, CancellationToken cancellationToken);
}
