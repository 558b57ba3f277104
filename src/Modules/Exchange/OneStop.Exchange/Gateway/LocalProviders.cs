using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OneStop.Exchange.Contracts;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// Where a provider URL points: a relative URL (<c>/providers/...</c>) is a provider hosted by this
/// node and is called in process; an absolute http(s) URL is called over the network.
/// </summary>
internal static class ProviderUrls
{
    /// <summary>The named HttpClient for providers hosted by this node, called in process.</summary>
    public const string LocalClient = "exchange-local-providers";

    /// <summary>The authority in-process requests carry; it never resolves, so nothing leaves the process by accident.</summary>
    public const string LocalAuthority = "onestop.local";

    public static bool IsLocal(string url)
        // "/providers/..." parses as an absolute file: URI on Unix, so look at the scheme.
        => !(Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps));

    /// <summary>The absolute address to call, and the named HttpClient that reaches it.</summary>
    public static (Uri Address, string Client) Route(string url)
        => IsLocal(url)
            ? (new Uri($"http://{LocalAuthority}/{url.TrimStart('/')}"), LocalClient)
            : (new Uri(url), ExchangeNames.ProviderHttpClient);
}

/// <summary>Marks a request made in process by the gateway, so the gateway refuses to be called from within itself.</summary>
internal sealed class LocalCallFeature
{
    public static readonly LocalCallFeature Instance = new();
}

/// <summary>The gateway's calls to providers hosted by this node: marked, so that they cannot re-enter the gateway.</summary>
internal sealed class LocalProviderHandler(LocalPipeline local, IHttpContextFactory contexts) : InProcessHttpHandler(local, contexts)
{
    protected override void AddFeatures(IFeatureCollection features) => features.Set(LocalCallFeature.Instance);
}

/// <summary>
/// Modules of this node calling the exchange as consumers, in process: they pass the gateway's
/// checks and the message log exactly as a remote consumer on loopback would.
/// </summary>
internal sealed class LocalConsumerHandler(LocalPipeline local, IHttpContextFactory contexts) : InProcessHttpHandler(local, contexts);
