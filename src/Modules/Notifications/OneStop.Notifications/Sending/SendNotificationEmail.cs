using Microsoft.EntityFrameworkCore;
using OneStop.Notifications.Data;
using OneStop.SharedKernel.Mail;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Notifications.Sending;

/// <summary>
/// Sends a queued notification's e-mail and records the outcome on the notification. A failure is recorded
/// and thrown again, so the outbox tries later; an e-mail already sent is not sent again on a redelivery.
/// </summary>
internal sealed class SendNotificationEmail(NotificationsDbContext db, IMailSender mail, TimeProvider clock)
    : IIntegrationEventHandler<NotificationEmailQueued>
{
    public async Task HandleAsync(Guid messageId, NotificationEmailQueued integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var id = integrationEvent.NotificationId;
        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null || notification.RecipientEmail is null || notification.EmailStatus == EmailStatus.Sent)
        {
            return;
        }

        try
        {
            await mail.SendAsync(NotificationMail.Compose(notification), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(n => n.EmailStatus, EmailStatus.Failed)
                    .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts + 1)
                    .SetProperty(n => n.EmailError, error),
                cancellationToken);
            throw;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        // The server has the message now: recording that must not be cancelled, or a redelivery would send it twice.
        await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(n => n.EmailStatus, EmailStatus.Sent)
                .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts + 1)
                .SetProperty(n => n.EmailSentAt, sentAt)
                .SetProperty(n => n.EmailError, (string?)null),
            CancellationToken.None);
    }
}
