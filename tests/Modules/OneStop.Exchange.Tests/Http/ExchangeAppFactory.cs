using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Testing;

namespace OneStop.Exchange.Tests.Http;

/// <summary>
/// The app with test providers the exchange can forward to (<c>/test-provider/slow</c>, <c>/fail</c>,
/// <c>/drop</c>, <c>/count</c>, <c>/headers</c>, <c>/discloses</c>, <c>/crowd</c>), registered with relative URLs and so called in process as the registries are;
/// absolute URLs go to the real network, so that a closed loopback port fails as it would in production.
/// </summary>
public class ExchangeAppFactory : AppFactory
{
    public const string SlowProvider = "/test-provider/slow";
    public const string FailingProvider = "/test-provider/fail";
    public const string CountingProvider = "/test-provider/count";
    public const string DroppingProvider = "/test-provider/drop";
    public const string HeaderEchoProvider = "/test-provider/headers";
    public const string DisclosingProvider = "/test-provider/discloses";
    public const string CrowdProvider = "/test-provider/crowd";
    public const string RawTargetProvider = "/test-provider/raw";
    public const string BodyEchoProvider = "/test-provider/echo-body";
    public const string XRoadHeadersProvider = "/test-provider/xroad-headers";

    private readonly ConcurrentQueue<string> countedCalls = new();

    /// <summary>Paths (below <see cref="CountingProvider"/>) of the calls the counting provider received.</summary>
    public IReadOnlyCollection<string> CountedCalls => countedCalls;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter>(new TestProviders(countedCalls));
    }

    private sealed class TestProviders(ConcurrentQueue<string> calls) : IStartupFilter
    {
        /// <summary>A synthetic citizen ID: the twelve digits given and their check digit.</summary>
        private static string CitizenId(long twelveDigits)
        {
            var digits = twelveDigits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = digits.Select((d, i) => (d - '0') * (13 - i)).Sum();
            return digits + ((11 - (sum % 11)) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Deaf to the aborted request, as a stuck provider is.
            app.Map(SlowProvider, slow => slow.Run(async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None);
                await context.Response.WriteAsync("too late", CancellationToken.None);
            }));
            app.Map(FailingProvider, fail => fail.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.Headers["X-Provider-Trace"] = "trace-500";
                return context.Response.WriteAsync("provider bug");
            }));
            app.Map(DroppingProvider, drop => drop.Run(async context =>
            {
                context.Response.ContentLength = 1000;
                await context.Response.WriteAsync("the first bytes");
                await context.Response.Body.FlushAsync();
                context.Abort();
            }));
            app.Map(CountingProvider, count => count.Run(context =>
            {
                calls.Enqueue(context.Request.Path.Value ?? string.Empty);
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("""{"counted":true}""");
            }));
            // Answers with the request's headers, one "name: value" per line, names in lower case.
            app.Map(HeaderEchoProvider, echo => echo.Run(context => context.Response.WriteAsync(string.Join('\n',
                context.Request.Headers.Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}")))));
            // Declares the people its answer discloses, with a malformed entry, a bad checksum and a repeat among them.
            app.Map(DisclosingProvider, disclose => disclose.Run(context =>
            {
                context.Response.Headers.Append(ExchangeProviderHeaders.DataSubjects, "1999900000021, not-an-id,1999900000022");
                context.Response.Headers.Append(ExchangeProviderHeaders.DataSubjects, "1999900001036,1999900000021");
                return context.Response.WriteAsync("{}");
            }));
            // Discloses one person more than the exchange records for one answer.
            app.Map(CrowdProvider, crowd => crowd.Run(context =>
            {
                context.Response.Headers[ExchangeProviderHeaders.DataSubjects] = string.Join(',', Enumerable.Range(0, 1001).Select(i => CitizenId(199980000000 + i)));
                return context.Response.WriteAsync("{}");
            }));
            // Answers with the request target as it arrived, undecoded.
            app.Map(RawTargetProvider, raw => raw.Run(context =>
                context.Response.WriteAsync(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty)));
            app.Map(BodyEchoProvider, echo => echo.Run(async context =>
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Request.Body.CopyToAsync(context.Response.Body);
            }));
            // Sets X-Road headers of its own: one that only the two systems know, and ones the exchange owns.
            app.Map(XRoadHeadersProvider, headers => headers.Run(context =>
            {
                context.Response.Headers["X-Road-Custom-Answer"] = "from-provider";
                context.Response.Headers["X-Road-Error"] = "Forged.ByProvider";
                context.Response.Headers["X-Road-Id"] = "forged-id";
                return context.Response.WriteAsync("{}");
            }));
            next(app);
        };
    }
}
