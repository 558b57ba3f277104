namespace OneStop.Exchange.Gateway;

/// <summary>
/// Endpoint paths of access rights, as in X-Road: <c>*</c> matches one path segment, <c>**</c> any
/// number of segments (also none). Matching is on whole segments, so <c>/pet/*</c> never matches
/// <c>/pet/1/../admin</c> style tricks: dot segments are refused before matching.
/// </summary>
internal static class PathPattern
{
    public static bool Matches(string pattern, string path)
    {
        var p = Split(pattern);
        var s = Split(path);
        if (s.Any(x => x is "." or ".."))
        {
            return false;
        }

        return Match(p, 0, s, 0);
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool Match(string[] p, int i, string[] s, int j)
    {
        while (i < p.Length)
        {
            if (p[i] == "**")
            {
                if (i == p.Length - 1)
                {
                    return true;
                }

                for (var k = j; k <= s.Length; k++)
                {
                    if (Match(p, i + 1, s, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (j >= s.Length || (p[i] != "*" && !string.Equals(p[i], s[j], StringComparison.Ordinal)))
            {
                return false;
            }

            i++;
            j++;
        }

        return j == s.Length;
    }
}
