using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// The companies I may act for: claim a company I direct, choose which one I act for in this session,
/// and, as a director, let employees act for the company or take that right back.
/// </summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class CompaniesModel(UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, ActingForCompanies acting) : PageModel
{
    public sealed record Delegate(Guid AccountId, string Email);

    [BindProperty]
    public string? JuristicId { get; set; }

    [BindProperty]
    public string? Employee { get; set; }

    public IReadOnlyList<CompanyClaim> Companies { get; private set; } = [];

    public Dictionary<string, IReadOnlyList<Delegate>> Delegates { get; } = new(StringComparer.Ordinal);

    public string? ActingFor { get; private set; }

    public bool Proofed { get; private set; }

    public string? Done { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => WithAccountAsync(_ => Task.CompletedTask, ct);

    public Task<IActionResult> OnPostClaimAsync(CancellationToken ct) => WithAccountAsync(async account =>
    {
        var result = await acting.ClaimDirectorshipAsync(account, JuristicId, ct);
        Report(result.Error, nameof(JuristicId), result.Value is { } c ? Bilingual.Pick($"เพิ่ม {c.Name} แล้ว", $"{c.Name} added.") : null);
    }, ct);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken ct) => WithAccountAsync(async account =>
    {
        var result = await acting.GrantAsync(account, JuristicId ?? string.Empty, Employee, ct);
        // Each company has its own employee field: the summary names the problem without linking one.
        Report(result.Error is { } error ? error with { Field = null } : null, string.Empty, Bilingual.Pick("มอบสิทธิ์แล้ว", "Right granted."));
    }, ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid delegateId, CancellationToken ct) => WithAccountAsync(async account =>
    {
        var result = await acting.RevokeAsync(account, JuristicId ?? string.Empty, delegateId, ct);
        Report(result.Error, string.Empty, Bilingual.Pick("ยกเลิกสิทธิ์แล้ว", "Right revoked."));
    }, ct);

    /// <summary>The act-for switcher: the company this session acts for (empty: myself).</summary>
    public async Task<IActionResult> OnPostActForAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        var companies = await acting.ClaimsOfAsync(account.Id, ct);
        if (!string.IsNullOrEmpty(JuristicId) && companies.All(c => c.JuristicId != JuristicId))
        {
            return NotFound();
        }

        var claims = Sessions.Kept(User, keepActFor: false);
        if (!string.IsNullOrEmpty(JuristicId))
        {
            claims.Add(new System.Security.Claims.Claim(OidcServer.ExtraClaims.ActFor, JuristicId));
        }

        await signIns.SignInWithClaimsAsync(account, isPersistent: false, claims);
        // Through the platform's sign-in, so that its header names the company acted for at once.
        return LocalRedirect(PlatformClient.Refresh("/Identity/Account/Companies"));
    }

    private void Report(Error? error, string field, string? done)
    {
        if (error is null)
        {
            Done = done;
        }
        else
        {
            ModelState.AddModelError(error.Field ?? field, error.Message);
        }
    }

    /// <summary>Reads the account once, runs the action with it, then shows the page.</summary>
    private async Task<IActionResult> WithAccountAsync(Func<Accounts.Account, Task> action, CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        await action(account);
        Proofed = account.IdentityLevel == IdentityLevels.Ial2;
        Companies = await acting.ClaimsOfAsync(account.Id, ct);
        ActingFor = User.FindFirst(OidcServer.ExtraClaims.ActFor)?.Value;
        foreach (var company in Companies.Where(c => c.Role == "director"))
        {
            Delegates[company.JuristicId] = [.. (await acting.DelegatesOfAsync(company.JuristicId, ct)).Select(d => new Delegate(d.AccountId, d.Email))];
        }

        return Page();
    }
}
