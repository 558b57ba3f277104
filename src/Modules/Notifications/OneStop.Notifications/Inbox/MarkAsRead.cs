using Microsoft.EntityFrameworkCore;
using OneStop.Notifications.Data;
using OneStop.SharedKernel;

namespace OneStop.Notifications.Inbox;

/// <summary>Marks one of a person's notifications as read. Idempotent: the first reading time stays.</summary>
internal sealed class MarkAsRead(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(string subject, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.Id == id && n.RecipientSubject == subject && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (marked == 1 || await db.Notifications.AnyAsync(n => n.Id == id && n.RecipientSubject == subject, ct))
        {
            return id;
        }

        // Someone else's notification answers exactly as one that does not exist: ids reveal nothing.
        return new Error("notification.not_found", "You have no notification with this id.", ErrorKind.NotFound);
    }
}
