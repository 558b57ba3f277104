using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Documents.Areas.Documents.Pages.Agency;

/// <summary>The licences this agency issued, newest first, each leading to its status form.</summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class IndexModel(DocumentsDbContext db) : PageModel
{
    public IReadOnlyList<IssuedDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agency = Officer.Of(User)!.AgencyCode;
        Documents = await db.Documents.AsNoTracking().Where(d => d.AgencyCode == agency && d.Kind == DocumentKind.Licence).OrderByDescending(d => d.IssuedAt).Take(200).ToListAsync(ct);
    }
}
