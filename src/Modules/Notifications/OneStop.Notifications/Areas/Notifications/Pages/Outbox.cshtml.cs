using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using OneStop.Notifications.Data;
using OneStop.Notifications.Sending;

namespace OneStop.Notifications.Areas.Notifications.Pages;

/// <summary>
/// Every e-mail notification with its text and status, for developers and testers. It shows other people's
/// messages, so it exists only in the Development and Testing environments; anywhere else it is a 404.
/// </summary>
internal sealed class OutboxModel(NotificationsDbContext db, IHostEnvironment environment) : PageModel
{
    public const int Shown = 200;

    public sealed record Message(Guid Id, string To, string Subject, string Text, EmailStatus Status, int Attempts, string? Error, DateTime CreatedAt);

    public IReadOnlyList<Message> Messages { get; private set; } = [];

    public static bool IsAvailableIn(IHostEnvironment environment)
        => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsAvailableIn(environment))
        {
            return NotFound();
        }

        var rows = await db.Notifications.AsNoTracking().Where(n => n.EmailStatus != EmailStatus.None)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown).ToListAsync(ct);
        Messages = [.. rows.Select(n =>
        {
            var mail = NotificationMail.Compose(n);
            return new Message(n.Id, mail.To, mail.Subject, mail.Text, n.EmailStatus, n.EmailAttempts, n.EmailError, n.CreatedAt);
        })];
        return Page();
    }
}
