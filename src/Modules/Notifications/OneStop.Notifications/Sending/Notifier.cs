using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using OneStop.Notifications.Contracts;
using OneStop.Notifications.Data;
using OneStop.Notifications.Templates;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Notifications.Sending;

/// <summary>Stores a notification and queues its e-mail in one save; a repeated dedupe key finds the first one.</summary>
internal sealed class Notifier(NotificationsDbContext db, TemplateRegistry templates, TimeProvider clock) : INotifier
{
    public async Task<Guid> NotifyAsync(
        NotificationRecipient recipient, string templateKey, IReadOnlyDictionary<string, string> values, string dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(values);
        Check(recipient, dedupeKey);

        // Rendering first: a wrong template or a missing value throws before anything is written.
        var template = templates.Get(templateKey);
        var thai = template.Render(NotificationLanguage.Thai, values);
        var english = template.Render(NotificationLanguage.English, values);
        if (Math.Max(thai.Subject.Length, english.Subject.Length) > Notification.MaxRenderedSubjectLength)
        {
            throw new ArgumentException($"Template '{templateKey}' gives a subject longer than {Notification.MaxRenderedSubjectLength} characters with these values.", nameof(values));
        }

        var email = string.IsNullOrWhiteSpace(recipient.Email) ? null : recipient.Email.Trim();

        return await db.RetryOnConflictAsync(
            async ct =>
            {
                var first = await db.Notifications.AsNoTracking()
                    .Where(n => n.RecipientSubject == recipient.Subject && n.DedupeKey == dedupeKey)
                    .Select(n => (Guid?)n.Id).SingleOrDefaultAsync(ct);
                if (first is { } id)
                {
                    return id;
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var notification = new Notification
                {
                    Id = Guid.CreateVersion7(now),
                    RecipientSubject = recipient.Subject,
                    RecipientEmail = email,
                    Language = recipient.Language,
                    TemplateKey = template.Key,
                    DedupeKey = dedupeKey,
                    SubjectTh = thai.Subject,
                    BodyTh = thai.Body,
                    SubjectEn = english.Subject,
                    BodyEn = english.Body,
                    CreatedAt = now,
                    EmailStatus = email is null ? EmailStatus.None : EmailStatus.Queued,
                };
                db.Notifications.Add(notification);
                if (email is not null)
                {
                    db.AddIntegrationEvent(new NotificationEmailQueued(notification.Id), clock);
                }

                // A concurrent duplicate that saved first makes this save fail on the unique key; the retry then finds it.
                await db.SaveChangesAsync(ct);
                return notification.Id;
            },
            cancellationToken);
    }

    private static void Check(NotificationRecipient recipient, string dedupeKey)
    {
        if (string.IsNullOrWhiteSpace(recipient.Subject) || recipient.Subject.Length > Notification.MaxRecipientLength)
        {
            throw new ArgumentException($"The recipient's subject must be 1 to {Notification.MaxRecipientLength} characters.", nameof(recipient));
        }

        if (!NotificationLanguage.IsKnown(recipient.Language))
        {
            throw new ArgumentException($"The recipient's language '{recipient.Language}' is not '{NotificationLanguage.Thai}' or '{NotificationLanguage.English}'.", nameof(recipient));
        }

        if (!string.IsNullOrWhiteSpace(recipient.Email)
            && (recipient.Email.Trim().Length > Notification.MaxEmailLength || !MailAddress.TryCreate(recipient.Email.Trim(), out _)))
        {
            throw new ArgumentException($"The recipient's e-mail address '{recipient.Email}' is not valid.", nameof(recipient));
        }

        if (string.IsNullOrWhiteSpace(dedupeKey) || dedupeKey.Length > Notification.MaxDedupeKeyLength)
        {
            throw new ArgumentException($"The dedupe key must be 1 to {Notification.MaxDedupeKeyLength} characters.", nameof(dedupeKey));
        }
    }
}
