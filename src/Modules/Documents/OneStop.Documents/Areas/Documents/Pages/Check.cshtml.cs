using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Documents.Verification;

namespace OneStop.Documents.Areas.Documents.Pages;

/// <summary>Paste an electronic document (the credential a holder sent) and see whether it is genuine and in force.</summary>
[AllowAnonymous]
internal sealed class CheckModel(VerifyCredential.Handler verifier) : PageModel
{
    [BindProperty]
    public string? Credential { get; set; }

    public VerifyCredential.Result? Result { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Result = await verifier.HandleAsync(Credential, ct);
        return Page();
    }
}
