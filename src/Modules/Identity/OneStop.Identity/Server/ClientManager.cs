using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Identity.Server;

/// <summary>
/// OpenIddict's client manager, remembering secrets it has verified. Client secrets are stored as
/// slow PBKDF2 hashes; hashing again on every token request of an agency system that asks many
/// times a minute would cost milliseconds each. A verified pair (stored hash, SHA-256 of the
/// presented secret) is trusted for five minutes; a changed secret changes the stored hash.
/// </summary>
internal sealed class ClientManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store,
    VerifiedSecrets verified,
    IHttpContextAccessor http)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    /// <summary>
    /// The platform's own client has no registered redirect: its one callback is on the origin the
    /// authorization request came to, which is always this node's own pages. Other clients match exactly.
    /// </summary>
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, [StringSyntax(StringSyntaxAttribute.Uri)] string uri, CancellationToken cancellationToken = default)
    {
        if (await GetClientIdAsync(application, cancellationToken) == PlatformClient.ClientId)
        {
            return http.HttpContext?.Request is { } request
                && string.Equals(uri, $"{request.Scheme}://{request.Host.Value}{PlatformClient.CallbackPath}", StringComparison.Ordinal);
        }

        return await base.ValidateRedirectUriAsync(application, uri, cancellationToken);
    }

    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        var key = VerifiedSecrets.KeyOf(secret, comparand);
        if (verified.Contains(key))
        {
            return true;
        }

        var valid = await base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        if (valid)
        {
            verified.Add(key);
        }

        return valid;
    }
}

/// <summary>Recently verified client secrets (as hashes of hash and secret, never the secrets themselves).</summary>
internal sealed class VerifiedSecrets : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public static string KeyOf(string secret, string comparand)
        => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(comparand + "\n" + secret)));

    public bool Contains(string key) => cache.TryGetValue(key, out _);

    public void Add(string key) => cache.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => cache.Dispose();
}
