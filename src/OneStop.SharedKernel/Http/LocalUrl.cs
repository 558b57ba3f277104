using System.Diagnostics.CodeAnalysis;

namespace OneStop.SharedKernel.Http;

/// <summary>Where a "return to" parameter may send the browser: only to a path of this site (no open redirect).</summary>
public static class LocalUrl
{
    /// <summary>
    /// A path on this site: starts with one slash, not "//" or "/\" (which browsers read as another host).
    /// </summary>
    public static bool IsLocal([NotNullWhen(true)] string? url)
        => url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary><paramref name="url"/> when it is a path of this site, else <paramref name="fallback"/>.</summary>
    public static string OrElse(string? url, string fallback) => IsLocal(url) ? url : fallback;
}
