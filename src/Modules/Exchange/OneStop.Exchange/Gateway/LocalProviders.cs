using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using OneStop.Exchange.Contracts;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// Where a provider URL points: a relative URL (<c>/providers/...</c>) is a provider hosted by this
/// node and is called in process; an absolute http(s) URL is called over the network.
/// </summary>
internal static class ProviderUrls
{
    /// <summary>The authority in-process requests carry; it never resolves, so nothing leaves the process by accident.</summary>
    public const string LocalAuthority = "onestop.local";

    public static bool IsLocal(string url)
        // "/providers/..." parses as an absolute file: URI on Unix, so look at the scheme.
        => !(Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps));
}

/// <summary>Marks a request made in process by the gateway, so the gateway refuses to be called from within itself.</summary>
internal sealed class LocalCallFeature
{
    public static readonly LocalCallFeature Instance = new();
}

/// <summary>A provider's answer, read whole (at most <see cref="GatewayLimits.MaxResponseBody"/> bytes).</summary>
internal sealed record ProviderAnswer(int Status, IEnumerable<KeyValuePair<string, StringValues>> Headers, byte[] Body);

/// <summary>
/// Calls providers: those hosted by this node straight through its own pipeline (no HttpClient, no
/// header conversions either way), the others over the network. Either way a broken answer is an
/// <see cref="IOException"/>, an unreachable provider an <see cref="HttpRequestException"/>, and an answer
/// too large an <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class ProviderClient(LocalPipeline local, IHttpClientFactory httpClients, GatewayLimits limits)
{
    private static readonly Action<IFeatureCollection> MarkLocalCall = static features => features.Set(LocalCallFeature.Instance);

    /// <summary>Sends a request to <paramref name="url"/>; headers named <c>Content-*</c> travel with the body, and are dropped without one.</summary>
    public Task<ProviderAnswer> SendAsync(string method, string url, IHeaderDictionary headers, byte[]? body, CancellationToken ct)
        => ProviderUrls.IsLocal(url) ? SendLocalAsync(method, url, headers, body, ct) : SendRemoteAsync(method, url, headers, body, ct);

    private async Task<ProviderAnswer> SendLocalAsync(string method, string url, IHeaderDictionary headers, byte[]? body, CancellationToken ct)
    {
        if (body is null)
        {
            foreach (var name in headers.Keys.Where(IsContentHeader).ToList())
            {
                headers.Remove(name);
            }
        }
        else
        {
            headers.ContentLength = body.Length;
        }

        var answer = await local.SendAsync(new LocalRequest(method, new Uri($"http://{ProviderUrls.LocalAuthority}/{url.TrimStart('/')}"))
        {
            Headers = headers, Body = body is null ? null : new MemoryStream(body, writable: false), AddFeatures = MarkLocalCall,
        }, ct);
        return answer.Body.Count > limits.MaxResponseBody
            ? throw new InvalidDataException("Response too large.")
            : new ProviderAnswer(answer.StatusCode, answer.Headers, answer.Body.ToArray());
    }

    private async Task<ProviderAnswer> SendRemoteAsync(string method, string url, IHeaderDictionary headers, byte[]? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in headers)
        {
            if (IsContentHeader(name))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await httpClients.CreateClient(ExchangeNames.ProviderHttpClient).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var responseBody = await ReadLimitedAsync(response, ct);
        var responseHeaders = response.Headers.Concat(response.Content.Headers).Select(h => KeyValuePair.Create(h.Key, new StringValues(h.Value.ToArray()))).ToList();
        return new ProviderAnswer((int)response.StatusCode, responseHeaders, responseBody);
    }

    private static bool IsContentHeader(string name) => name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        switch (response.Content.Headers.ContentLength)
        {
            case { } length when length > limits.MaxResponseBody:
                throw new InvalidDataException("Response too large.");
            case not null:
                // The usual case: read in one piece, no chunks to join (an answer shorter than its length
                // fails in the handler, as an IOException).
                return await response.Content.ReadAsByteArrayAsync(ct);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await ExchangeGateway.ReadAtMostAsync(stream, limits.MaxResponseBody, () => new InvalidDataException("Response too large."), ct);
    }
}

/// <summary>
/// Modules of this node calling the exchange as consumers, in process: they pass the gateway's
/// checks and the message log exactly as a remote consumer on loopback would.
/// </summary>
internal sealed class LocalConsumerHandler(LocalPipeline local) : InProcessHttpHandler(local);
