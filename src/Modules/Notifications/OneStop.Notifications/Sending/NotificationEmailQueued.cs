using OneStop.SharedKernel.Messaging;

namespace OneStop.Notifications.Sending;

/// <summary>
/// A notification's e-mail is to be sent. Written to this module's outbox with the notification itself,
/// so the e-mail leaves if and only if the notification was stored. Only this module consumes it.
/// </summary>
internal sealed record NotificationEmailQueued(Guid NotificationId) : IIntegrationEvent;
