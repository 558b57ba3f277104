namespace OneStop.Notifications;

/// <summary>Authorization policies of this module.</summary>
internal static class NotificationsPolicies
{
    /// <summary>A signed-in person with an account subject (<c>sub</c>), by which their inbox is found.</summary>
    public const string Person = "Notifications_Person";
}
