using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Server;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>Ends the provider session (a POST, so that no link or image can sign anyone out).</summary>
// The form's antiforgery token belongs to the Digital ID's user, so the POST must authenticate with the same scheme.
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect("/");
    }
}
