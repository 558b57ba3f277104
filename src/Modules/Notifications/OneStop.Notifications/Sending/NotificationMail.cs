using OneStop.Notifications.Contracts;
using OneStop.Notifications.Data;
using OneStop.SharedKernel.Mail;

namespace OneStop.Notifications.Sending;

/// <summary>
/// The e-mail of a notification: in the recipient's language, then the other language below it, because a
/// family member or an employee who reads the other one often handles the mail.
/// </summary>
internal static class NotificationMail
{
    public const string Separator = "------------------------------------------------------------";

    public static OutgoingMail Compose(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var thaiFirst = notification.Language != NotificationLanguage.English;
        var (first, second) = thaiFirst
            ? ((notification.SubjectTh, notification.BodyTh), (notification.SubjectEn, notification.BodyEn))
            : ((notification.SubjectEn, notification.BodyEn), (notification.SubjectTh, notification.BodyTh));
        var otherLanguage = thaiFirst ? "English" : "ภาษาไทย";
        var text = $"{first.Item2.TrimEnd()}\n\n{Separator}\n{otherLanguage}\n\n{second.Item1}\n\n{second.Item2.TrimEnd()}\n";
        return new OutgoingMail(notification.RecipientEmail ?? throw new InvalidOperationException("The notification has no e-mail address."), first.Item1, text);
    }
}
