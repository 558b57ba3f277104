using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// The person's passkeys: add one (a WebAuthn registration) or remove one. An account that already
/// has a second factor changes its authenticators only from a two-step session (NIST SP 800-63B 6.1.2).
/// </summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class PasskeysModel(UserManager<Accounts.Account> users, Passkeys passkeys) : PageModel
{
    private const string Self = "/Identity/Account/Passkeys";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Level { get; set; }

    [BindProperty]
    public string? State { get; set; }

    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<Passkey> Existing { get; private set; } = [];

    public Ceremony Ceremony { get; private set; } = null!;

    public string? Done { get; private set; }

    public Task<IActionResult> OnGetAsync() => WithAccountAsync(account => Task.FromResult<string?>(null));

    public Task<IActionResult> OnPostAsync() => WithAccountAsync(async account =>
    {
        var error = await passkeys.AddAsync(Request, account, State, Credential, Name, HttpContext.RequestAborted);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error == PasskeyError.Expired
                ? Bilingual.Pick("หมดเวลา กรุณากดเพิ่มพาสคีย์อีกครั้ง", "This took too long; choose \"Add a passkey\" again.")
                : Bilingual.Pick("เพิ่มพาสคีย์ไม่ได้ อุปกรณ์นี้อาจลงทะเบียนไว้แล้ว หรือไม่รองรับการยืนยันตัวตนบนเครื่อง", "The passkey could not be added: this device may be registered already, or cannot verify you (fingerprint, face or PIN)."));
            return null;
        }

        return Bilingual.Pick("เพิ่มพาสคีย์แล้ว", "Passkey added.");
    });

    public Task<IActionResult> OnPostRemoveAsync(Guid id) => WithAccountAsync(async account =>
    {
        await passkeys.RemoveAsync(account.Id, id, HttpContext.RequestAborted);
        return Bilingual.Pick("ลบพาสคีย์แล้ว", "Passkey removed.");
    });

    /// <summary>Loads the account, asks for two steps where the rules need them, runs the action, then shows the page.</summary>
    private async Task<IActionResult> WithAccountAsync(Func<Accounts.Account, Task<string?>> action)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        var hasPasskeys = await passkeys.AnyAsync(account.Id, HttpContext.RequestAborted);
        if ((account.TwoFactorEnabled || hasPasskeys) && Assurance.LevelOf(User) < 2)
        {
            var back = $"{Self}?ReturnUrl={Uri.EscapeDataString(ReturnUrl ?? string.Empty)}&Level={Level}";
            return LocalRedirect($"{ProtocolEndpoints.SignInPage}?ReturnUrl={Uri.EscapeDataString(back)}&Level=2");
        }

        Done = await action(account);
        Existing = await passkeys.ListAsync(account.Id, HttpContext.RequestAborted);
        Ceremony = await passkeys.CreationOptionsAsync(Request, account, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Where to go on after adding one: back to signing in with it when a service asked for a passkey.</summary>
    public string? ContinueUrl => Level >= 3 && Existing.Count > 0
        ? $"{ProtocolEndpoints.SignInPage}?ReturnUrl={Uri.EscapeDataString(ReturnUrl ?? string.Empty)}&Level=3"
        : ReturnUrl is { Length: > 0 } ? SignInModel.SafeReturnUrl(ReturnUrl) : null;
}
