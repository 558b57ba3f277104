using System.Diagnostics.CodeAnalysis;

namespace OneStop.SharedKernel.Http;

/// <summary>Where a "return to" parameter may send the browser: only to a path of this site (no open redirect).</summary>
public static class LocalUrl
{
    /// <summary>
    /// A path on this site: starts with one slash, and neither as given nor once percent-decoded holds a
    /// control character or a backslash, or starts with "//". Browsers drop tabs and line breaks and read
    /// "\" as "/", so "/%09/evil.example" or "/\evil.example" would be another host.
    /// </summary>
    public static bool IsLocal([NotNullWhen(true)] string? url)
        => url is { Length: > 0 } && url[0] == '/' && IsPlainPath(url) && IsPlainPath(Decoded(url));

    /// <summary><paramref name="url"/> when it is a path of this site, else <paramref name="fallback"/>.</summary>
    public static string OrElse(string? url, string fallback) => IsLocal(url) ? url : fallback;

    private static bool IsPlainPath(string path)
        => !path.StartsWith("//", StringComparison.Ordinal) && !path.Any(c => char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c) && c != ' ');

    private static string Decoded(string url)
    {
        try
        {
            return Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return "//"; // cannot be decoded: not a plain path
        }
    }
}
