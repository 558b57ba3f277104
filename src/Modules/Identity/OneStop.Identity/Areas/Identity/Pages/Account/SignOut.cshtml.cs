using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Server;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// The Digital ID's sign-out page. Its button posts to the site's one sign-out
/// (<see cref="SharedKernel.Hosting.PlatformClient.SignOutPath"/>, a POST, so that no link or image can sign
/// anyone out), which ends the Digital ID's session and the platform's together.
/// </summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class SignOutModel : PageModel
{
}
