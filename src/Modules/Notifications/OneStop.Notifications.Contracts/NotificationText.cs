namespace OneStop.Notifications.Contracts;

/// <summary>A subject and a plain-text body in one language, with named placeholders such as <c>{applicationNumber}</c>; <c>{{</c> and <c>}}</c> stand for braces.</summary>
public sealed record NotificationText(string Subject, string Body);
