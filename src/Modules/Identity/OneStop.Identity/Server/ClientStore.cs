using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace OneStop.Identity.Server;

/// <summary>
/// OpenIddict's client store, with client lookups by client_id kept in memory for a minute.
/// OpenIddict caches clients only per request, so every token request of every agency system would
/// read the clients table; the registrations change rarely, and a change made on this node takes
/// effect at once (on other nodes within the minute).
/// </summary>
internal sealed class ClientStore(IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options, KnownClients known)
    : OpenIddictEntityFrameworkCoreApplicationStore(cache, context, options)
{
    public override async ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
    {
        if (known.TryGet(identifier, out var application))
        {
            return application;
        }

        application = await base.FindByClientIdAsync(identifier, cancellationToken);
        if (application is not null)
        {
            known.Remember(identifier, application);
        }

        return application;
    }

    public override ValueTask UpdateAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        known.Forget(application.ClientId);
        return base.UpdateAsync(application, cancellationToken);
    }

    public override ValueTask DeleteAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        known.Forget(application.ClientId);
        return base.DeleteAsync(application, cancellationToken);
    }
}

/// <summary>The clients looked up recently (registrations only: secrets are stored hashed).</summary>
internal sealed class KnownClients : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public bool TryGet(string clientId, out OpenIddictEntityFrameworkCoreApplication? application) => cache.TryGetValue(clientId, out application);

    public void Remember(string clientId, OpenIddictEntityFrameworkCoreApplication application)
        => cache.Set(clientId, application, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Forget(string? clientId)
    {
        if (clientId is not null)
        {
            cache.Remove(clientId);
        }
    }

    public void Dispose() => cache.Dispose();
}
