using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using OneStop.Exchange.Contracts;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// Whether a provider address leads back into this exchange's own gateway (<c>/r1</c>), where every call
/// would call itself again until something gave out. Relative addresses are this node's; absolute ones
/// are when their host is a loopback or wildcard address, this machine's name, a host this node listens
/// on or is configured as, or the host the request came to.
/// </summary>
internal sealed class ProviderLoop(IServer server, IConfiguration configuration)
{
    public bool LeadsBack(string url, string? requestHost = null)
    {
        if (ProviderUrls.IsLocal(url))
        {
            return IsGatewayPath(url.Split('?')[0]);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && IsGatewayPath(absolute.AbsolutePath) && IsThisNode(absolute.Host, requestHost);
    }

    private static bool IsGatewayPath(string path)
    {
        // Judged as a server reads it: decoded, and with its dot segments applied.
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(Uri.UnescapeDataString(path)).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return segments.Count > 0 && segments[0].Equals("r1", StringComparison.OrdinalIgnoreCase);
    }

    private bool IsThisNode(string host, string? requestHost)
    {
        host = host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))))
        {
            return true;
        }

        return OwnHosts(requestHost).Any(own => own.Equals(host, StringComparison.OrdinalIgnoreCase));
    }

    private IEnumerable<string> OwnHosts(string? requestHost)
    {
        yield return Environment.MachineName;
        yield return ProviderUrls.LocalAuthority;
        if (!string.IsNullOrEmpty(requestHost))
        {
            yield return requestHost;
        }

        if (Uri.TryCreate(configuration[ExchangeNames.GatewayUrlKey], UriKind.Absolute, out var gateway))
        {
            yield return gateway.Host;
        }

        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            // "http://+:80" and "http://*:80" parse with a host of "+" or "*": no name to compare.
            if (Uri.TryCreate(address.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal), UriKind.Absolute, out var listening)
                && listening.Host != "any")
            {
                yield return listening.Host;
            }
        }
    }
}
