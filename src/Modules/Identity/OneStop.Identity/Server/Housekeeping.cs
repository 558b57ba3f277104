using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Identity.Data;
using OneStop.SharedKernel.Jobs;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace OneStop.Identity.Server;

/// <summary>
/// Deletes what the Digital ID no longer needs: browser sessions that have ended (each holds a
/// person's claims, PDPA section 37's storage limitation applies), and protocol tokens and
/// authorizations that no longer work. Tokens are kept for as long as a refresh token lives, so that
/// a replayed refresh token is still recognised and revokes its grant. Accounts whose e-mail address was
/// never confirmed go after <see cref="UnconfirmedAccountsKeptFor"/>: nobody can use them, and they would
/// hold the address (and a citizen ID) against its real owner.
/// </summary>
internal sealed class Housekeeping(
    DigitalIdDbContext db, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations,
    IOptions<OpenIddictServerOptions> server, TimeProvider clock)
{
    public sealed record Result(int Sessions, long Tokens, long Authorizations, int UnconfirmedAccounts = 0);

    public static readonly TimeSpan UnconfirmedAccountsKeptFor = TimeSpan.FromDays(7);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.BrowserSessions.Where(s => s.ExpiresAt < now.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        var threshold = now - (server.Value.RefreshTokenLifetime ?? TimeSpan.FromDays(14));
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        var unconfirmedBefore = now.UtcDateTime - UnconfirmedAccountsKeptFor;
        var unconfirmed = await db.Accounts
            .Where(a => a.Kind == Accounts.AccountKind.Person && a.Email != null && !a.EmailConfirmed && a.CreatedAt < unconfirmedBefore)
            .ExecuteDeleteAsync(cancellationToken);
        return new Result(sessions, prunedTokens, prunedAuthorizations, unconfirmed);
    }
}

/// <summary>Runs <see cref="Housekeeping"/> every hour, on one node at a time.</summary>
internal sealed partial class HousekeepingJob(ILogger<HousekeepingJob> logger) : IRecurringJob
{
    public string Name => "identity.housekeeping";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public TimeSpan MaxRunTime => TimeSpan.FromMinutes(30);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var result = await scopedServices.GetRequiredService<Housekeeping>().RunAsync(cancellationToken);
        LogDone(logger, result.Sessions, result.Tokens, result.Authorizations, result.UnconfirmedAccounts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digital ID housekeeping deleted {Sessions} ended sessions, {Tokens} tokens, {Authorizations} authorizations and {Unconfirmed} never-confirmed accounts")]
    private static partial void LogDone(ILogger logger, int sessions, long tokens, long authorizations, int unconfirmed);
}
