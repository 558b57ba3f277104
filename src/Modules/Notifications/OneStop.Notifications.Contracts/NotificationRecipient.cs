namespace OneStop.Notifications.Contracts;

/// <summary>The person a notification is for.</summary>
/// <param name="Subject">Their account's subject identifier (the <c>sub</c> claim); their inbox is found by it.</param>
/// <param name="Email">Where the e-mail goes; null for in-app only.</param>
/// <param name="Language">Their preferred language, <see cref="NotificationLanguage.Thai"/> or <see cref="NotificationLanguage.English"/>: the e-mail starts in it and carries the other below.</param>
public sealed record NotificationRecipient(string Subject, string? Email = null, string Language = NotificationLanguage.Thai);
