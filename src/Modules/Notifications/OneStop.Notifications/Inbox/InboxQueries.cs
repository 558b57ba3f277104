using Microsoft.EntityFrameworkCore;
using OneStop.Notifications.Contracts;
using OneStop.Notifications.Data;

namespace OneStop.Notifications.Inbox;

/// <summary>A person's notifications, newest first, one page at a time (the page and the API read the same).</summary>
internal static class InboxQueries
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static async Task<InboxPage> ListAsync(NotificationsDbContext db, string subject, int page, int pageSize, string language, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientSubject == subject);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var thai = language == NotificationLanguage.Thai;
        var items = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new InboxItem(n.Id, thai ? n.SubjectTh : n.SubjectEn, thai ? n.BodyTh : n.BodyEn, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new InboxPage(items, page, pageSize, total, unread, thai ? NotificationLanguage.Thai : NotificationLanguage.English);
    }
}
