using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.Admin;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>Adds a subsystem to a member, or changes its name and how it connects.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class SubsystemModel(ExchangeDbContext db, DirectoryEditor editor) : PageModel
{
    private static readonly char[] Separators = [' ', ',', ';', '\n', '\r', '\t'];

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? MemberId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public ConnectionType ConnectionType { get; set; }

    [BindProperty]
    public string? AllowedAddresses { get; set; } = "127.0.0.1 ::1";

    [BindProperty]
    public string? ClientCertificateThumbprint { get; set; }

    [BindProperty]
    public string? OAuthClientId { get; set; }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    /// <summary>The addresses typed in the form's one field (the member form's too).</summary>
    public static string[] Addresses(string? typed) => (typed ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    public bool IsNew => string.IsNullOrEmpty(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct);
        if (IsNew)
        {
            return Page();
        }

        var subsystem = await db.Subsystems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (subsystem is null)
        {
            return NotFound();
        }

        (Name, ConnectionType, AllowedAddresses, ClientCertificateThumbprint, OAuthClientId) =
            (subsystem.Name, subsystem.ConnectionType, string.Join(' ', subsystem.AllowedAddresses), subsystem.ClientCertificateThumbprint, subsystem.OAuthClientId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct);
        var (member, code) = IsNew ? (MemberId ?? string.Empty, (Code ?? string.Empty).Trim()) : AdminPages.SplitParent(Id!);
        var input = new DirectoryEditor.SubsystemInput(Name, ConnectionType, Addresses(AllowedAddresses), ClientCertificateThumbprint, OAuthClientId);
        var result = await editor.SaveSubsystemAsync(member, code, input, DirectoryApi.Actor(User), ct);
        return AdminPages.AfterSave(this, result.Error, $"{member}/{code}", idField: "code");
    }
}
