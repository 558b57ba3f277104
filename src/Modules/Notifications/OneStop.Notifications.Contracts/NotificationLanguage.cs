namespace OneStop.Notifications.Contracts;

/// <summary>The languages notifications are written in.</summary>
public static class NotificationLanguage
{
    public const string Thai = "th";

    public const string English = "en";

    /// <summary>True for <see cref="Thai"/> and <see cref="English"/>.</summary>
    public static bool IsKnown(string? language) => language is Thai or English;
}
