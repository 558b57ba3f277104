using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Data;

namespace OneStop.Identity.Server;

/// <summary>
/// A signed-in browser of the Digital ID, kept on the server. The cookie carries only the key, so that
/// people can see their sessions and end any one of them at once, on every node.
/// </summary>
internal sealed class BrowserSession
{
    /// <summary>The random key the cookie carries (protected inside it).</summary>
    public required string Id { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The authentication ticket, serialized and data-protected (it holds the person's claims).</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>Browser and system, read from the User-Agent when the session began ("Chrome · Android").</summary>
    public required string Device { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

/// <summary>The Digital ID cookie's server-side store (<see cref="ITicketStore"/>), in the module's database.</summary>
internal sealed class SessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    /// <summary>The ticket property that names its own session, so that a page can tell "this device".</summary>
    public const string KeyItem = ".onestop.session";

    /// <summary>"Last seen" is written at most this often, not on every request.</summary>
    private static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(5);

    private readonly IDataProtector protector = protection.CreateProtector("OneStop.Identity.SessionStore.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        ticket.Properties.Items[KeyItem] = key;
        var now = clock.GetUtcNow().UtcDateTime;
        var accountId = Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return await WithDatabaseAsync(httpContext, async db =>
        {
            // Sessions that ran out are tidied when their owner signs in again.
            await db.BrowserSessions.Where(s => s.AccountId == accountId && s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            db.BrowserSessions.Add(new BrowserSession
            {
                Id = key,
                AccountId = accountId,
                Ticket = Protect(ticket),
                Device = DeviceNames.Describe(httpContext?.Request.Headers.UserAgent.ToString()),
                CreatedAt = now,
                LastSeenAt = now,
                ExpiresAt = ExpiryOf(ticket, now),
            });
            await db.SaveChangesAsync(cancellationToken);
            return key;
        });
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ticket.Properties.Items[KeyItem] = key;
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = Protect(ticket);
        var expires = ExpiryOf(ticket, now);
        return WithDatabaseAsync(httpContext, db => db.BrowserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.LastSeenAt, now), cancellationToken));
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
        => WithDatabaseAsync(httpContext, async db =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var session = await db.BrowserSessions.AsNoTracking().Where(s => s.Id == key)
                .Select(s => new { s.Ticket, s.ExpiresAt, s.LastSeenAt }).SingleOrDefaultAsync(cancellationToken);
            if (session is null || session.ExpiresAt <= now)
            {
                return null;
            }

            if (now - session.LastSeenAt > SeenEvery)
            {
                await db.BrowserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
            }

            try
            {
                return TicketSerializer.Default.Deserialize(protector.Unprotect(session.Ticket));
            }
            catch (CryptographicException)
            {
                return null; // sealed with a key this deployment no longer has: the person signs in again
            }
        });

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
        => WithDatabaseAsync(httpContext, db => db.BrowserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken));

    /// <summary>Ends every session of the account at once, except <paramref name="keep"/> (this device's, when it stays).</summary>
    public static Task<int> EndAllAsync(DigitalIdDbContext db, Guid accountId, string? keep, CancellationToken ct)
        => db.BrowserSessions.Where(s => s.AccountId == accountId && s.Id != keep).ExecuteDeleteAsync(ct);

    /// <summary>What pages show instead of a session's key: a short digest of it.</summary>
    public static string HandleOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)))[..16];

    /// <summary>This request's session key, from the Digital ID cookie's ticket.</summary>
    public static async Task<string?> CurrentKeyAsync(HttpContext context)
        => (await context.AuthenticateAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)).Properties?.Items.TryGetValue(KeyItem, out var key) == true ? key : null;

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) => ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.AddHours(8);

    private async Task<T> WithDatabaseAsync<T>(HttpContext? context, Func<DigitalIdDbContext, Task<T>> work)
    {
        if (context is not null)
        {
            return await work(context.RequestServices.GetRequiredService<DigitalIdDbContext>());
        }

        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DigitalIdDbContext>());
    }
}

/// <summary>A person-readable name for the browser and system of a User-Agent, enough to recognise one's own devices.</summary>
internal static class DeviceNames
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "?";
        }

        string? browser = Has("Edg/") ? "Edge" : Has("SamsungBrowser/") ? "Samsung Internet" : Has("OPR/") ? "Opera"
            : Has("Firefox/") || Has("FxiOS/") ? "Firefox" : Has("Chrome/") || Has("CriOS/") ? "Chrome"
            : Has("Safari/") ? "Safari" : null;
        string? system = Has("Android") ? "Android" : Has("iPhone") || Has("iPad") ? "iOS" : Has("Windows") ? "Windows"
            : Has("Mac OS X") || Has("Macintosh") ? "macOS" : Has("CrOS") ? "ChromeOS" : Has("Linux") ? "Linux" : null;
        return (browser, system) switch
        {
            (null, null) => userAgent.Length <= 60 ? userAgent : userAgent[..60],
            (_, null) => browser!,
            (null, _) => system!,
            _ => $"{browser} · {system}",
        };

        bool Has(string token) => userAgent.Contains(token, StringComparison.Ordinal);
    }
}
