using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Identity.Server;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Tests.Server;

public sealed class IndexedDispatcherTests
{
    private readonly List<string> ran = [];

    [Fact]
    public async Task Runs_the_handlers_of_the_event_in_their_order_and_no_others()
    {
        await using var services = Services(
            Handler<ProcessRequestContext>("first", 1),
            Handler<ProcessErrorContext>("other event", 2),
            Handler<ProcessRequestContext>("second", 3));

        await Dispatch(services, new ProcessRequestContext(Transaction()));

        Assert.Equal(["first", "second"], ran);
    }

    [Fact]
    public async Task Skips_a_handler_whose_filter_says_no()
    {
        await using var services = Services(
            Handler<ProcessRequestContext>("filtered out", 1, filtered: true),
            Handler<ProcessRequestContext>("runs", 2));

        await Dispatch(services, new ProcessRequestContext(Transaction()));

        Assert.Equal(["runs"], ran);
    }

    [Fact]
    public async Task Stops_after_a_handler_rejects_the_request()
    {
        await using var services = Services(
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
                .UseInlineHandler(context => { ran.Add("rejects"); context.Reject("invalid_request"); return ValueTask.CompletedTask; })
                .SetOrder(1).Build(),
            Handler<ProcessRequestContext>("never", 2));

        var context = new ProcessRequestContext(Transaction());
        await Dispatch(services, context);

        Assert.Equal(["rejects"], ran);
        Assert.True(context.IsRejected);
    }

    [Fact]
    public async Task Stops_after_a_handler_handles_the_request()
    {
        await using var services = Services(
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
                .UseInlineHandler(context => { ran.Add("handles"); context.HandleRequest(); return ValueTask.CompletedTask; })
                .SetOrder(1).Build(),
            Handler<ProcessRequestContext>("never", 2));

        await Dispatch(services, new ProcessRequestContext(Transaction()));

        Assert.Equal(["handles"], ran);
    }

    private static async Task Dispatch<TContext>(ServiceProvider services, TContext context) where TContext : BaseContext
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictServerDispatcher>().DispatchAsync(context);
    }

    private OpenIddictServerHandlerDescriptor Handler<TContext>(string name, int order, bool filtered = false) where TContext : BaseContext
    {
        var builder = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseInlineHandler(_ => { ran.Add(name); return ValueTask.CompletedTask; })
            .SetOrder(order);
        return (filtered ? builder.AddFilter<Never>() : builder).Build();
    }

    private static ServiceProvider Services(params OpenIddictServerHandlerDescriptor[] handlers)
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<OpenIddictServerOptions>(o =>
        {
            o.Handlers.Clear(); // only the test's own, not OpenIddict's built-in handlers
            o.Handlers.AddRange(handlers);
        });
        services.AddSingleton<Never>();
        services.AddSingleton<ServerHandlerIndex>();
        services.AddScoped<IOpenIddictServerDispatcher, IndexedDispatcher>();
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static OpenIddictServerTransaction Transaction()
        => new() { Options = new OpenIddictServerOptions(), Logger = NullLogger.Instance };

    private sealed class Never : IOpenIddictServerHandlerFilter<BaseContext>
    {
        public ValueTask<bool> IsActiveAsync(BaseContext context) => ValueTask.FromResult(false);
    }
}
