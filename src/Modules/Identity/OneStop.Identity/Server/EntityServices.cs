using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace OneStop.Identity.Server;

/// <summary>
/// OpenIddict's managers and caches wired for the one set of entities the platform uses. Both
/// replacements remove work that every protocol request paid for (measured on the token endpoint).
/// </summary>
internal static class EntityServices
{
    public static IServiceCollection AddDirectEntityServices(this IServiceCollection services)
    {
        // OpenIddict resolves its untyped managers through a factory that builds the generic type
        // (MakeGenericType) on every resolution, that is, several times per request.
        services.Replace(ServiceDescriptor.Scoped<IOpenIddictApplicationManager>(
            sp => sp.GetRequiredService<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>>()));
        services.Replace(ServiceDescriptor.Scoped<IOpenIddictAuthorizationManager>(
            sp => sp.GetRequiredService<OpenIddictAuthorizationManager<OpenIddictEntityFrameworkCoreAuthorization>>()));
        services.Replace(ServiceDescriptor.Scoped<IOpenIddictScopeManager>(
            sp => sp.GetRequiredService<OpenIddictScopeManager<OpenIddictEntityFrameworkCoreScope>>()));
        services.Replace(ServiceDescriptor.Scoped<IOpenIddictTokenManager>(
            sp => sp.GetRequiredService<OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>>()));
        services.AddScoped<IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>, ClientLookupsThroughStore>();
        return services;
    }

    /// <summary>
    /// Client lookups go straight to <see cref="ClientStore"/>, which keeps clients across requests.
    /// OpenIddict's own client cache lives for one request and builds a new memory cache for each.
    /// </summary>
    private sealed class ClientLookupsThroughStore(IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
        : IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>
    {
        public ValueTask AddAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
            => store.FindByClientIdAsync(identifier, cancellationToken);

        public ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken)
            => store.FindByIdAsync(identifier, cancellationToken);

        public IAsyncEnumerable<OpenIddictEntityFrameworkCoreApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken)
            => store.FindByPostLogoutRedirectUriAsync(uri, cancellationToken);

        public IAsyncEnumerable<OpenIddictEntityFrameworkCoreApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken)
            => store.FindByRedirectUriAsync(uri, cancellationToken);

        public ValueTask RemoveAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
