using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Notifications.Data;
using OneStop.Notifications.Inbox;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Notifications.Areas.Notifications.Pages;

/// <summary>The signed-in person's notifications (the same query and use case as the API).</summary>
[Authorize(Policy = NotificationsPolicies.Person)]
internal sealed class IndexModel(NotificationsDbContext db, MarkAsRead markAsRead) : PageModel
{
    /// <summary>The page of the list, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public InboxPage Messages { get; private set; } = new([], 1, InboxQueries.DefaultPageSize, 0, 0, "th");

    public int PageCount => Math.Max(1, (Messages.Total + Messages.PageSize - 1) / Messages.PageSize);

    private string Subject => User.FindFirstValue(Claims.Subject)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Messages = await InboxQueries.ListAsync(db, Subject, PageNumber, InboxQueries.DefaultPageSize, Bilingual.IsThai ? "th" : "en", ct);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        var result = await markAsRead.HandleAsync(Subject, id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        // Back to the same place in the list, which now shows the message as read.
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/Notifications?p={Math.Max(1, PageNumber)}#n-{id:N}"));
    }
}
