using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneStop.Web.Platform;

/// <summary>
/// Behind a TLS-terminating reverse proxy, the request the app sees is plain HTTP from the proxy. The
/// proxy's <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are believed only when the request comes
/// from an address listed in <c>Platform:ForwardedHeaders:KnownProxies</c> (or a network in
/// <c>:KnownNetworks</c>); from anyone else they are ignored, since anyone can send them.
/// </summary>
internal static class ProxyHeaders
{
    public const string Section = "Platform:ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFromProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        // Parsed now, so that a mistyped address stops start-up instead of the first request.
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(proxy => IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address.")).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/8.")).ToList();
        var forwardLimit = section.GetValue("ForwardLimit", 1);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only what the operator listed: not ASP.NET Core's default of trusting loopback.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            // One proxy in front by default: the last address it appended is the client's.
            o.ForwardLimit = forwardLimit;
        });
        services.AddSingleton(new ProxiesConfigured(proxies.Count + networks.Count > 0));
        return services;
    }

    public static IApplicationBuilder UseForwardedHeadersFromProxies(this IApplicationBuilder app)
        => app.ApplicationServices.GetRequiredService<ProxiesConfigured>().Any ? app.UseForwardedHeaders() : app;

    private sealed record ProxiesConfigured(bool Any);
}
