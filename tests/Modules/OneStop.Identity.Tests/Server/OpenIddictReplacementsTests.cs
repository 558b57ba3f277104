using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStop.Identity.Server;
using OneStop.Testing;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Tests.Server;

/// <summary>
/// The pieces of OpenIddict the Digital ID replaced for speed (IndexedDispatcher, EndpointByPath,
/// EntityServices), compared with OpenIddict's own on the app's real configuration, so that an
/// upgrade of OpenIddict cannot make them drift apart silently.
/// </summary>
public sealed class OpenIddictReplacementsTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The OpenIddict release the replacements were last compared with, line by line.</summary>
    private const string CheckedAgainst = "7.8.0";

    private OpenIddictServerOptions Configured => app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;

    [Fact]
    public void OpenIddict_IsTheReleaseTheReplacementsWereCheckedAgainst()
    {
        var version = typeof(OpenIddictServerOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        // When this fails after an upgrade: read OpenIddict's dispatcher (OpenIddictServerDispatcher), its
        // InferEndpointType handler and its manager registrations of the new release against ours, then
        // change CheckedAgainst. The other tests here compare behaviour; this one makes sure someone reads.
        Assert.Equal(CheckedAgainst, version);
    }

    [Fact]
    public async Task IndexedDispatcher_RunsWhatOpenIddictsDispatcherRuns_ForEveryEvent()
    {
        var configured = Configured;
        var events = configured.Handlers.Select(d => d.ContextType).Distinct().ToList();
        Assert.True(events.Count > 30, $"only {events.Count} events configured");

        foreach (var type in events)
        {
            var ours = await RunAsync(type, configured.Handlers, indexed: true);
            var openIddicts = await RunAsync(type, configured.Handlers, indexed: false);

            Assert.True(openIddicts.SequenceEqual(ours), $"{type.Name}: OpenIddict runs [{string.Join(", ", openIddicts)}], ours [{string.Join(", ", ours)}]");
            Assert.NotEmpty(ours);
        }
    }

    [Fact]
    public async Task EndpointByPath_FindsEveryConfiguredEndpoint_AsOpenIddictDoes()
    {
        var configured = Configured;
        var uris = new[]
        {
            configured.AuthorizationEndpointUris, configured.PushedAuthorizationEndpointUris, configured.TokenEndpointUris,
            configured.UserInfoEndpointUris, configured.EndSessionEndpointUris, configured.RevocationEndpointUris,
            configured.IntrospectionEndpointUris, configured.JsonWebKeySetEndpointUris, configured.ConfigurationEndpointUris,
            configured.DeviceAuthorizationEndpointUris, configured.EndUserVerificationEndpointUris,
        }.SelectMany(list => list).ToList();
        Assert.True(uris.Count >= 9);

        foreach (var uri in uris)
        {
            foreach (var variant in new[] { uri.OriginalString, uri.OriginalString.ToUpperInvariant(), uri.OriginalString + "/", uri.OriginalString + "x", uri.OriginalString + "//" })
            {
                var request = new Uri(new Uri("http://localhost/"), variant);
                var ours = await InferAsync(new EndpointByPath(), configured, request);
                var openIddicts = await InferAsync(new OpenIddictServerHandlers.InferEndpointType(), configured, request);
                Assert.True(openIddicts == ours, $"{request}: OpenIddict says {openIddicts}, ours {ours}");
            }
        }
    }

    [Fact]
    public void EntityServices_ResolveTheManagersOfTheEntitiesOpenIddictsEntityFrameworkStoresUse()
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;

        // UseEntityFrameworkCore() makes these the default entities; EntityServices binds the untyped managers to them.
        Assert.IsType<ClientManager<OpenIddictEntityFrameworkCoreApplication>>(services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>());
        Assert.IsType<OpenIddictAuthorizationManager<OpenIddictEntityFrameworkCoreAuthorization>>(services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictAuthorizationManager>());
        Assert.IsType<OpenIddictScopeManager<OpenIddictEntityFrameworkCoreScope>>(services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictScopeManager>());
        Assert.IsType<OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>>(services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictTokenManager>());
    }

    private static async Task<OpenIddictServerEndpointType> InferAsync(IOpenIddictServerHandler<ProcessRequestContext> handler, OpenIddictServerOptions options, Uri request)
    {
        var context = new ProcessRequestContext(new OpenIddictServerTransaction { Options = options, Logger = NullLogger.Instance })
        {
            BaseUri = new Uri("http://localhost/"),
            RequestUri = request,
        };
        await handler.HandleAsync(context);
        return context.EndpointType;
    }

    /// <summary>
    /// Dispatches one event through a dispatcher whose handlers are the configured ones (same events, same
    /// order) recording their position instead of doing their work; filters are left out, as they are
    /// shared code that both dispatchers call the same way (IndexedDispatcherTests).
    /// </summary>
    private static async Task<List<int>> RunAsync(Type eventType, IReadOnlyList<OpenIddictServerHandlerDescriptor> configured, bool indexed)
    {
        var ran = new List<int>();
        var recording = configured.Select((d, i) => (OpenIddictServerHandlerDescriptor)typeof(OpenIddictReplacementsTests)
            .GetMethod(nameof(Recorder), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(d.ContextType)
            .Invoke(null, [i, d.Order, ran])!).ToList();
        var services = new ServiceCollection().AddLogging();
        services.Configure<OpenIddictServerOptions>(o =>
        {
            o.Handlers.Clear();
            o.Handlers.AddRange(recording);
        });
        services.AddSingleton<ServerHandlerIndex>();
        if (indexed)
        {
            services.AddScoped<IOpenIddictServerDispatcher, IndexedDispatcher>();
        }
        else
        {
            services.AddScoped<IOpenIddictServerDispatcher, OpenIddictServerDispatcher>();
        }

        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();
        var context = Activator.CreateInstance(eventType, new OpenIddictServerTransaction { Options = new OpenIddictServerOptions(), Logger = NullLogger.Instance })!;
        var dispatch = typeof(IOpenIddictServerDispatcher).GetMethod(nameof(IOpenIddictServerDispatcher.DispatchAsync))!.MakeGenericMethod(eventType);
        await (ValueTask)dispatch.Invoke(scope.ServiceProvider.GetRequiredService<IOpenIddictServerDispatcher>(), [context])!;
        return ran;
    }

    private static OpenIddictServerHandlerDescriptor Recorder<TContext>(int position, int order, List<int> ran) where TContext : BaseContext
        => OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseInlineHandler(_ => { ran.Add(position); return ValueTask.CompletedTask; })
            .SetOrder(order)
            .Build();
}
