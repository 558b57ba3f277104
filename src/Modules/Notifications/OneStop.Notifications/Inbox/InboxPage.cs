namespace OneStop.Notifications.Inbox;

/// <summary>A page of a person's notifications.</summary>
/// <param name="Items">Newest first.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Notifications per page.</param>
/// <param name="Total">All of the person's notifications.</param>
/// <param name="Unread">How many of them are unread.</param>
/// <param name="Language">The language of the subjects and bodies: th or en.</param>
internal sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int PageSize, int Total, int Unread, string Language);
