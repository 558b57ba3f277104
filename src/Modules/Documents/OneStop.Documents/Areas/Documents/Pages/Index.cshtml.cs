using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Pdf;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Documents.Areas.Documents.Pages;

/// <summary>My licences: each e-licence with its state and the link anyone can check it at.</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class IndexModel(DocumentsDbContext db) : PageModel
{
    public IReadOnlyList<IssuedDocument> Documents { get; private set; } = [];

    public string? CompanyName => ActingFor.CompanyName(User);

    public async Task OnGetAsync(CancellationToken ct)
        => Documents = await Holder.Of(User)!.Filter(db.Documents.AsNoTracking()).Where(d => d.Kind == DocumentKind.Licence).OrderByDescending(d => d.IssuedAt).Take(200).ToListAsync(ct);

    /// <summary>The licence as a PDF to print or keep.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string number, [FromServices] DocumentPrints prints, CancellationToken ct)
        => await Holder.Of(User)!.Filter(db.Documents.AsNoTracking()).SingleOrDefaultAsync(d => d.Number == number, ct) is { } document
            ? File(await prints.PdfAsync(document, ct), "application/pdf", DocumentPrints.FileName(document))
            : NotFound();
}
