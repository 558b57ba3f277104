using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Primitives;

namespace OneStop.SharedKernel.Hosting;

public static class InProcessHttp
{
    /// <summary>Captures the request pipeline for <see cref="InProcessHttpHandler"/>s (once, however many modules ask).</summary>
    public static IServiceCollection AddLocalPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<LocalPipeline>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, LocalPipeline>(sp => sp.GetRequiredService<LocalPipeline>()));
        return services;
    }
}

/// <summary>
/// Captures the host's whole request pipeline when it is built, so that modules of this node can call each
/// other's HTTP endpoints without a second trip through sockets and Kestrel. The call still passes
/// every middleware (the provider's own token check included), as an HTTP call would.
/// </summary>
public sealed class LocalPipeline(IHttpContextFactory contexts) : IStartupFilter
{
    private RequestDelegate? pipeline;

    public RequestDelegate Pipeline => pipeline ?? throw new InvalidOperationException("The host has not built its request pipeline yet.");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(rest => pipeline = rest);
        next(app);
    };

    /// <summary>
    /// Runs a request through the pipeline and buffers the answer, behaving as a socket would:
    /// cancellation gives up at once, an aborted or short response is an <see cref="IOException"/>,
    /// an unhandled error is a 500.
    /// </summary>
    public async Task<LocalResponse> SendAsync(LocalRequest request, CancellationToken cancellationToken)
    {
        // IHttpContextFactory.Create and Dispose reset IHttpContextAccessor's current context. In the
        // caller's flow that would take the caller's own HttpContext away (a page signing a person in
        // after a registry check, say), so the inner request lives in a flow of its own.
        Task<LocalResponse> work;
        using (ExecutionContext.SuppressFlow())
        {
            work = Task.Run(() => ExecuteAsync(request, cancellationToken), CancellationToken.None);
        }

        // A provider deaf to cancellation is left to finish on its own; the caller stops waiting, as over a socket.
        return await work.WaitAsync(cancellationToken);
    }

    private async Task<LocalResponse> ExecuteAsync(LocalRequest request, CancellationToken cancellationToken)
    {
        var uri = request.Address;
        var requestFeature = new HttpRequestFeature
        {
            Protocol = "HTTP/1.1", Scheme = uri.Scheme, Method = request.Method, PathBase = string.Empty,
            Path = PathString.FromUriComponent(uri.AbsolutePath).Value ?? "/", QueryString = uri.Query, RawTarget = uri.PathAndQuery,
            Headers = request.Headers, Body = request.Body ?? Stream.Null,
        };
        requestFeature.Headers.Host = uri.Authority;

        var buffer = new MemoryStream();
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var response = new BufferedResponseFeature();
        var lifetime = new Lifetime(aborted);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(requestFeature);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        features.Set<IHttpRequestLifetimeFeature>(lifetime);
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = Guid.NewGuid().ToString("N"), RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback,
        });
        features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(request.Body is not null));
        request.AddFeatures?.Invoke(features);

        var context = contexts.Create(features);
        try
        {
            await RunAsync(context, response);
            if (lifetime.WasAborted || response.Headers.ContentLength is { } length && length != buffer.Length && !HttpMethods.IsHead(request.Method))
            {
                throw new IOException("The in-process answer broke off.");
            }

            await response.CompleteAsync();
            return new LocalResponse(response.StatusCode, response.Headers, new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        finally
        {
            contexts.Dispose(context);
        }
    }

    private async Task RunAsync(HttpContext context, BufferedResponseFeature response)
    {
        try
        {
            await Pipeline(context);
        }
        catch (Exception) when (!response.HasStarted)
        {
            // What a server does with an error that nothing handled.
            response.Headers.Clear();
            response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        await response.StartAsync();
    }

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }

    private sealed class Lifetime(CancellationTokenSource source) : IHttpRequestLifetimeFeature
    {
        public bool WasAborted { get; private set; }

        public CancellationToken RequestAborted { get; set; } = source.Token;

        public void Abort()
        {
            WasAborted = true;
            source.Cancel();
        }
    }

    /// <summary>Runs OnStarting callbacks once the provider is done (the answer is buffered, so headers may change until then) and OnCompleted ones after.</summary>
    private sealed class BufferedResponseFeature : HttpResponseFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> starting = new();
        private readonly Stack<(Func<object, Task> Callback, object State)> completed = new();
        private bool started;

        public override bool HasStarted => started;

        public override void OnStarting(Func<object, Task> callback, object state) => starting.Push((callback, state));

        public override void OnCompleted(Func<object, Task> callback, object state) => completed.Push((callback, state));

        public async Task StartAsync()
        {
            while (starting.TryPop(out var entry))
            {
                await entry.Callback(entry.State);
            }

            started = true;
        }

        public async Task CompleteAsync()
        {
            while (completed.TryPop(out var entry))
            {
                await entry.Callback(entry.State);
            }
        }
    }
}

/// <summary>A request for <see cref="LocalPipeline"/>: its method, absolute address, headers and body (null when it has none).</summary>
public sealed class LocalRequest(string method, Uri address)
{
    public string Method { get; } = method;

    public Uri Address { get; } = address;

    public IHeaderDictionary Headers { get; init; } = new HeaderDictionary();

    public Stream? Body { get; init; }

    /// <summary>Lets a caller mark its requests (the exchange marks the gateway's own calls).</summary>
    public Action<IFeatureCollection>? AddFeatures { get; init; }
}

/// <summary>The buffered answer to a <see cref="LocalRequest"/>.</summary>
public sealed record LocalResponse(int StatusCode, IHeaderDictionary Headers, ArraySegment<byte> Body);

/// <summary>An <see cref="HttpMessageHandler"/> over <see cref="LocalPipeline"/>, for code that speaks <see cref="HttpClient"/>.</summary>
public abstract class InProcessHttpHandler(LocalPipeline local) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var inner = new LocalRequest(request.Method.Method, request.RequestUri ?? throw new InvalidOperationException("The request has no address."))
        {
            Body = request.Content is null ? null : await request.Content.ReadAsStreamAsync(cancellationToken),
        };
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            inner.Headers.Append(name, new StringValues(values.ToArray()));
        }

        // Content-Length is computed on demand, so it is not among the headers enumerated above;
        // without it (or chunking) a request has no body as far as the server is concerned.
        if (request.Content?.Headers.ContentLength is { } contentLength)
        {
            inner.Headers.ContentLength = contentLength;
        }

        var answer = await local.SendAsync(inner, cancellationToken);
        var message = new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { RequestMessage = request, Content = new ByteArrayContent(answer.Body.Array!, answer.Body.Offset, answer.Body.Count) };
        foreach (var (name, values) in answer.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return message;
    }
}
