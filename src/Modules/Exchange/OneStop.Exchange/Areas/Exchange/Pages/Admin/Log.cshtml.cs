using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>The message log with filters, newest first (metadata only: bodies are never stored in clear).</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class LogModel(ExchangeDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Client { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    public IReadOnlyList<MessageLogRecord> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.MessageLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Client))
        {
            query = query.Where(r => r.Client == Client.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Service))
        {
            query = query.Where(r => r.Service == Service.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Issue))
        {
            query = query.Where(r => r.Issue == Issue.Trim());
        }

        if (Outcome == "errors")
        {
            query = query.Where(r => r.ErrorType != null);
        }

        Records = await query.OrderByDescending(r => r.Sequence).Take(PageSize).ToListAsync(ct);
    }
}
