using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Data;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// The exchange's configuration (clients, subsystems, services, access rights) held in memory, so that a
/// gateway request does not read it from the database. A change saved on this node takes effect at
/// once; a change saved on another node within <see cref="MaxAge"/>.
/// </summary>
internal sealed class ExchangeDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private Snapshot? current;

    internal sealed record Snapshot(
        DateTimeOffset LoadedAt,
        FrozenDictionary<string, Subsystem> Subsystems,
        FrozenDictionary<string, ExchangeClient> Clients,
        FrozenSet<string> Members,
        FrozenDictionary<string, ExchangeService> Services,
        FrozenDictionary<string, AccessRight[]> RightsByClientAndService)
    {
        public IReadOnlyList<AccessRight> Rights(string clientId, string serviceId)
            => RightsByClientAndService.GetValueOrDefault(clientId + "|" + serviceId) ?? [];
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot;
        }

        try
        {
            return await LoadAsync(ct);
        }
        catch (Exception ex) when (snapshot is not null && ex is not OperationCanceledException)
        {
            // The database is out of reach: the last configuration read still holds (as a security server
            // keeps its global configuration), and the exchange answers until its log cannot be written.
            return snapshot;
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var loadedAt = clock.GetUtcNow();
        var subsystems = await db.Subsystems.AsNoTracking().ToListAsync(ct);
        var members = await db.Members.AsNoTracking().ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Include(s => s.Endpoints).ToListAsync(ct);
        var rights = await db.AccessRights.AsNoTracking().ToListAsync(ct);
        var snapshot = new Snapshot(
            loadedAt,
            subsystems.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal),
            subsystems.Select(ExchangeClient.Of).Concat(members.Select(ExchangeClient.Of).OfType<ExchangeClient>())
                .ToFrozenDictionary(c => c.Id, StringComparer.Ordinal),
            members.Select(m => m.Id).ToFrozenSet(StringComparer.Ordinal),
            services.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal),
            rights.GroupBy(r => r.ClientId + "|" + r.ServiceId).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
        current = snapshot;
        return snapshot;
    }

    /// <summary>Makes the snapshot stale: the next request reads the configuration again (and keeps this one only if it cannot).</summary>
    public void Invalidate() => current = current is null ? null : current with { LoadedAt = DateTimeOffset.MinValue };
}

/// <summary>Invalidates the directory whenever this node saves a change to the configuration.</summary>
internal sealed class ExchangeDirectoryInvalidator(ExchangeDirectory directory) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        InvalidateIfConfigurationTracked(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        InvalidateIfConfigurationTracked(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    // Again once saved, so that a request between the two never keeps the old state.
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        InvalidateIfConfigurationTracked(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        InvalidateIfConfigurationTracked(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void InvalidateIfConfigurationTracked(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.Entity is Subsystem or ExchangeService or ServiceEndpoint or AccessRight or Member))
        {
            directory.Invalidate();
        }
    }
}
