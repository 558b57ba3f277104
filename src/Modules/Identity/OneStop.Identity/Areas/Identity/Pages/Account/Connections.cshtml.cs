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
    IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, DigitalIdDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A signed-in browser, named by a digest of its key (the key itself never leaves the server).</summary>
    public sealed record Session(string Handle, string Device, DateTime Since, DateTime LastSeen, bool ThisDevice);

    public IReadOnlyList<Session> Browsers { get; private set; } = [];

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

        // The consent and every sign-in's chain of tokens under it (one per device, ProtocolEndpoints).
        var subject = account.Id.ToString();
        var applicationId = await authorizations.GetApplicationIdAsync(authorization, ct);
        var all = await authorizations.FindAsync(subject, applicationId, status: null, type: null, scopes: null, ct).ToListAsync(ct);
        foreach (var each in all)
        {
            await authorizations.TryRevokeAsync(each, ct);
            await tokens.RevokeByAuthorizationIdAsync((await authorizations.GetIdAsync(each, ct))!, ct);
        }

        Done = Bilingual.Pick("ยกเลิกการเข้าถึงแล้ว", "Access withdrawn.");
        await LoadAsync(account, ct);
        return Page();
    }

    /// <summary>Ends one other session at once: that browser's next request finds no session.</summary>
    public async Task<IActionResult> OnPostEndSessionAsync(string? handle, CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        var current = await SessionStore.CurrentKeyAsync(HttpContext);
        var keys = await db.BrowserSessions.Where(s => s.AccountId == account.Id).Select(s => s.Id).ToListAsync(ct);
        var key = keys.FirstOrDefault(k => k != current && SessionStore.HandleOf(k) == handle);
        if (key is not null)
        {
            await db.BrowserSessions.Where(s => s.Id == key && s.AccountId == account.Id).ExecuteDeleteAsync(ct);
        }

        // Ended a moment ago (another tab, a double click) reads the same: the session is gone either way.
        Done = Bilingual.Pick("ออกจากระบบในอุปกรณ์นั้นแล้ว", "That device is signed out.");
        await LoadAsync(account, ct);
        return Page();
    }

    /// <summary>Ends every other session of this account at once, and changes the security stamp, keeping this one.</summary>
    public async Task<IActionResult> OnPostSignOutElsewhereAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(ProtocolEndpoints.SignInPage);
        }

        await SessionStore.EndAllAsync(db, account.Id, keep: await SessionStore.CurrentKeyAsync(HttpContext), ct);
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
        var current = await SessionStore.CurrentKeyAsync(HttpContext);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.BrowserSessions.AsNoTracking().Where(x => x.AccountId == account.Id && x.ExpiresAt > now)
            .OrderByDescending(x => x.LastSeenAt).Select(x => new { x.Id, x.Device, x.CreatedAt, x.LastSeenAt }).ToListAsync(ct);
        Browsers = [.. sessions.Select(x => new Session(SessionStore.HandleOf(x.Id), x.Device, x.CreatedAt, x.LastSeenAt, x.Id == current))
            .OrderByDescending(x => x.ThisDevice)];
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
