using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Data;
using OneStop.Identity.Server;
using OneStop.SharedKernel;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// My sessions and connected applications: the applications I allowed (revocable, which also ends
/// their tokens), every release of my data to them, and signing out everywhere else.
/// </summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class ConnectionsModel(
    UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIns, IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, DigitalIdDbContext db) : PageModel
{
    public sealed record Connection(string Id, string Client, IReadOnlyList<string> Scopes, DateTimeOffset? Since);

    public sealed record Release(DateTime At, string Client, string Claims, string Channel);

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public IReadOnlyList<Release> Releases { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        await LoadAsync(account, ct);
        return Page();
    }

    /// <summary>Withdraws an application's access: its authorization and every token issued under it.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        var authorization = await authorizations.FindByIdAsync(id, ct);
        if (authorization is null || await authorizations.GetSubjectAsync(authorization, ct) != account.Id.ToString())
        {
            return NotFound();
        }

        await authorizations.TryRevokeAsync(authorization, ct);
        await tokens.RevokeByAuthorizationIdAsync(id, ct);
        Done = Bilingual.Pick("ยกเลิกการเข้าถึงแล้ว", "Access withdrawn.");
        await LoadAsync(account, ct);
        return Page();
    }

    /// <summary>Ends every other session of this account (their cookies fail the security-stamp check) and keeps this one.</summary>
    public async Task<IActionResult> OnPostSignOutElsewhereAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        await users.UpdateSecurityStampAsync(account);
        // Re-issue this session with the new stamp, keeping how and when the person signed in.
        await signIns.SignInWithClaimsAsync(account, isPersistent: false, Sessions.Kept(User));
        Done = Bilingual.Pick("ออกจากระบบในอุปกรณ์อื่นทั้งหมดแล้ว", "Signed out on every other device.");
        await LoadAsync(account, ct);
        return Page();
    }

    private async Task LoadAsync(Accounts.Account account, CancellationToken ct)
    {
        var subject = account.Id.ToString();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var connections = new List<Connection>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, ct))
        {
            if (await authorizations.GetStatusAsync(authorization, ct) != Statuses.Valid || await authorizations.GetTypeAsync(authorization, ct) != AuthorizationTypes.Permanent)
            {
                continue;
            }

            var applicationId = await authorizations.GetApplicationIdAsync(authorization, ct);
            var client = applicationId is null ? "?" : await NameAsync(applicationId, names, ct);
            connections.Add(new Connection((await authorizations.GetIdAsync(authorization, ct))!, client,
                [.. await authorizations.GetScopesAsync(authorization, ct)], await authorizations.GetCreationDateAsync(authorization, ct)));
        }

        Connections = [.. connections.OrderByDescending(c => c.Since)];
        var releases = await db.ClaimReleases.AsNoTracking().Where(r => r.AccountId == account.Id).OrderByDescending(r => r.At).Take(50).ToListAsync(ct);
        Releases = [.. releases.Select(r => new Release(r.At, r.ClientId, r.Claims, r.Channel))];
    }

    private async Task<string> NameAsync(string applicationId, Dictionary<string, string> names, CancellationToken ct)
    {
        if (!names.TryGetValue(applicationId, out var name))
        {
            var application = await applications.FindByIdAsync(applicationId, ct);
            var localized = application is null ? null : await applications.GetDisplayNamesAsync(application, ct);
            name = application is null ? applicationId
                : Bilingual.IsThai && localized!.TryGetValue(CultureInfo.GetCultureInfo("th"), out var thai) ? thai
                : await applications.GetDisplayNameAsync(application, ct) ?? applicationId;
            names[applicationId] = name;
        }

        return name;
    }
}
