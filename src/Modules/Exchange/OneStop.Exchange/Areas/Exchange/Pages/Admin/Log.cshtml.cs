using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Exchange.Admin;
using OneStop.Exchange.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>The message log with filters, newest first, a page at a time (metadata only: bodies are never stored in clear).</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class LogModel(ExchangeDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Client { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issue { get; set; }

    /// <summary>An X-Road-Id or a request id (what an X-Road error names in <c>detail</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Take { get; set; }

    public IReadOnlyList<MessageLogRecord> Records { get; private set; } = [];

    /// <summary>The address of the next, older page, if there is one.</summary>
    public string? Older { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var search = new LogSearch(Client, Service, Issue, Id, From, To, Outcome, Before, Take);
        if (search.Problem() is { } problem)
        {
            ModelState.AddModelError(char.ToUpperInvariant(problem.Field[0]) + problem.Field[1..], Bilingual.Pick(problem.Thai, problem.English));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var page = await search.RunAsync(db, ct);
        Records = page.Records;
        Older = page.NextBefore is { } next ? search.QueryFor(next) : null;
    }
}
