using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Notifications.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Notifications.Inbox;

/// <summary>The number of unread notifications beside "Notifications" in the header.</summary>
internal sealed class UnreadBadge(NotificationsDbContext db) : INavigationBadge
{
    public string Path => "/Notifications";

    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => user.FindFirst(Claims.Subject)?.Value is { } subject
            ? await db.Notifications.AsNoTracking().CountAsync(n => n.RecipientSubject == subject && n.ReadAt == null, cancellationToken)
            : 0;

    public string Meaning(string twoLetterLanguage) => twoLetterLanguage == "th" ? "ยังไม่อ่าน" : "unread";
}
