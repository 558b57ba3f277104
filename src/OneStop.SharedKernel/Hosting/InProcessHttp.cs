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
public sealed class LocalPipeline : IStartupFilter
{
    private RequestDelegate? pipeline;

    public RequestDelegate Pipeline => pipeline ?? throw new InvalidOperationException("The host has not built its request pipeline yet.");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(rest => pipeline = rest);
        next(app);
    };
}

/// <summary>
/// An <see cref="HttpMessageHandler"/> that runs a request through <see cref="LocalPipeline"/> and
/// buffers the answer, behaving as a socket would: cancellation gives up at once, an aborted or
/// short response is an <see cref="IOException"/>, an unhandled error is a 500.
/// </summary>
public abstract class InProcessHttpHandler(LocalPipeline local, IHttpContextFactory contexts) : HttpMessageHandler
{
    /// <summary>Lets a caller mark its requests (the exchange marks the gateway's own calls).</summary>
    protected virtual void AddFeatures(IFeatureCollection features)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        var requestFeature = new HttpRequestFeature
        {
            Protocol = "HTTP/1.1", Scheme = uri.Scheme, Method = request.Method.Method, PathBase = string.Empty,
            Path = PathString.FromUriComponent(uri.AbsolutePath).Value ?? "/", QueryString = uri.Query, RawTarget = uri.PathAndQuery,
            Body = request.Content is null ? Stream.Null : await request.Content.ReadAsStreamAsync(cancellationToken),
        };
        requestFeature.Headers.Host = uri.Authority;
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            requestFeature.Headers.Append(name, new StringValues(values.ToArray()));
        }

        // Content-Length is computed on demand, so it is not among the headers enumerated above;
        // without it (or chunking) a request has no body as far as the server is concerned.
        if (request.Content?.Headers.ContentLength is { } contentLength)
        {
            requestFeature.Headers.ContentLength = contentLength;
        }

        // IHttpContextFactory.Create and Dispose reset IHttpContextAccessor's current context. In the
        // caller's flow that would take the caller's own HttpContext away (a page signing a person in
        // after a registry check, say), so the inner request lives in a flow of its own.
        Task<HttpResponseMessage> work;
        using (ExecutionContext.SuppressFlow())
        {
            work = Task.Run(() => ExecuteAsync(request, requestFeature, cancellationToken), CancellationToken.None);
        }

        // A provider deaf to cancellation is left to finish on its own; the caller stops waiting, as over a socket.
        return await work.WaitAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> ExecuteAsync(HttpRequestMessage request, HttpRequestFeature requestFeature, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
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
        AddFeatures(features);

        features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(request.Content is not null));

        var context = contexts.Create(features);
        try
        {
            await RunAsync(context, response);
            if (lifetime.WasAborted || response.Headers.ContentLength is { } length && length != buffer.Length && request.Method != HttpMethod.Head)
            {
                throw new IOException("The in-process answer broke off.");
            }

            var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length),
            };
            foreach (var (name, values) in response.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                {
                    message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                }
            }

            await response.CompleteAsync();
            return message;
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
            await local.Pipeline(context);
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
