namespace OneStop.Notifications.Inbox;

/// <summary>One notification as its recipient sees it, in one language.</summary>
/// <param name="Id">The notification's id.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Body">Its plain-text body.</param>
/// <param name="CreatedAt">When it was sent (UTC).</param>
/// <param name="ReadAt">When it was first marked as read (UTC); null while unread.</param>
internal sealed record InboxItem(Guid Id, string Subject, string Body, DateTime CreatedAt, DateTime? ReadAt);
