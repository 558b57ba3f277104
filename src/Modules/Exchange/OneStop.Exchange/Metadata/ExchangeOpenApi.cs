using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Exchange.Gateway;

namespace OneStop.Exchange.Metadata;

/// <summary>
/// A provider's OpenAPI document as a consumer sees the service through the exchange (PR-MREST
/// getOpenAPI): only the paths below the service's base URL, each under <c>/r1/{service id}</c>, and
/// no <c>servers</c>, since the provider's own address is none of the consumer's business and not
/// reachable by it. A registry's document describes several services; each gets its own part.
/// </summary>
internal static class ExchangeOpenApi
{
    /// <summary>The rewritten document, or null when the provider's is not a JSON OpenAPI document with paths.</summary>
    public static byte[]? ForService(byte[] providerDocument, string serviceId, string baseUrl)
    {
        JsonObject? document;
        try
        {
            document = JsonNode.Parse(providerDocument) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (document?["paths"] is not JsonObject paths)
        {
            return null;
        }

        var serverPath = document["servers"] is JsonArray { Count: > 0 } servers && servers[0]?["url"]?.GetValue<string>() is { } url ? PathOf(url) : string.Empty;
        var basePath = PathOf(baseUrl);
        var rewritten = new JsonObject();
        foreach (var (path, item) in paths.ToList())
        {
            var full = serverPath + path;
            if (Below(full, basePath) is { } below)
            {
                paths.Remove(path);
                rewritten[$"/r1/{serviceId}{below}"] = item;
            }
        }

        document["paths"] = rewritten;
        document.Remove("servers");
        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    /// <summary>The path of an address, without a trailing slash ("" for the root).</summary>
    private static string PathOf(string url)
    {
        var path = ProviderUrls.IsLocal(url) ? url.Split('?')[0] : new Uri(url).AbsolutePath;
        return path.TrimEnd('/');
    }

    /// <summary>What of <paramref name="path"/> lies below <paramref name="basePath"/> ("" for the base itself), or null.</summary>
    private static string? Below(string path, string basePath)
        => path.Equals(basePath, StringComparison.Ordinal) ? string.Empty
            : path.StartsWith(basePath + "/", StringComparison.Ordinal) ? path[basePath.Length..]
            : null;
}
