using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// The request's path and query as the client wrote them. The provider gets them so (PR-REST 4.5: passed
/// unmodified), not as the server decoded and re-encoded them, which would turn <c>%3B</c> into <c>;</c>.
/// </summary>
internal static class RawPath
{
    /// <summary>
    /// The raw path below the first <paramref name="skip"/> segments (counting the empty one before the
    /// first slash) with the raw query; "" when nothing follows. Null for a path the exchange does not
    /// forward: one with a control character or a dot segment, even percent-encoded once or twice (a query passes as it is), which a
    /// provider decoding again would read as a different path than the one the access right allowed.
    /// </summary>
    public static string? Below(HttpContext context, int skip)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        string path, query;
        if (raw is { Length: > 0 } && raw[0] == '/')
        {
            var q = raw.IndexOf('?', StringComparison.Ordinal);
            (path, query) = q < 0 ? (raw, string.Empty) : (raw[..q], raw[q..]);
        }
        else
        {
            // A host that keeps no raw target (or an absolute-form one): its escaped form is the closest.
            (path, query) = ((request.PathBase + request.Path).ToUriComponent(), request.QueryString.Value ?? string.Empty);
        }

        var segments = path.Split('/');
        if (segments.Skip(1).Any(IsRefused))
        {
            return null;
        }

        return (segments.Length > skip ? "/" + string.Join('/', segments[skip..]) : string.Empty) + query;
    }

    private static bool IsRefused(string segment)
    {
        var once = Uri.UnescapeDataString(segment);
        var twice = Uri.UnescapeDataString(once);
        return once is "." or ".." || twice is "." or ".." || once.Any(char.IsControl) || twice.Any(char.IsControl);
    }
}
