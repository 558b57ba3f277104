using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Jobs;

namespace OneStop.SharedKernel.Messaging;

/// <summary>Tuning for <see cref="OutboxDispatcher"/> (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node owns a claimed message before another node may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 50;

    public int MaxAttempts { get; set; } = 10;
}

/// <summary>
/// Delivers outbox messages of every module to the registered handlers, at least once.
/// Each message is claimed with a conditional UPDATE (a lease) that only one node can win, on
/// SQLite and PostgreSQL alike, so several nodes can dispatch the same outbox without double work.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
{
    private static readonly System.Reflection.MethodInfo DeliverMethod =
        typeof(OutboxDispatcher).GetMethod(nameof(DeliverAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    /// <summary>This node's name in the lease column.</summary>
    public string NodeId { get; } = $"{Environment.MachineName[..Math.Min(50, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Dispatches what is due now in every module; returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        using var scope = scopes.CreateScope();
        foreach (var (module, db) in scope.ServiceProvider.ModuleContexts())
        {
            delivered += await DispatchModuleAsync(module, db, cancellationToken);
        }

        return delivered;
    }

    private async Task<int> DispatchModuleAsync(string module, ModuleDbContext db, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.Attempts < settings.MaxAttempts && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Sequence)
            .Select(m => m.Sequence)
            .Take(settings.BatchSize)
            .ToListAsync(ct);

        var delivered = 0;
        foreach (var sequence in due)
        {
            now = clock.GetUtcNow().UtcDateTime;
            var leaseEnd = now + settings.Lease;
            var claimed = await db.OutboxMessages
                .Where(m => m.Sequence == sequence && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, NodeId).SetProperty(m => m.LockedUntil, leaseEnd), ct);
            if (claimed != 1)
            {
                continue; // another node won this one
            }

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Sequence == sequence, ct);
            try
            {
                await DeliverToHandlersAsync(message, ct);
                var done = clock.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => m.Sequence == sequence && m.LockedBy == NodeId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, done), ct);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, ex, module, message.Id, message.Type);
                var attempts = message.Attempts + 1;
                var retryAt = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                await db.OutboxMessages.Where(m => m.Sequence == sequence && m.LockedBy == NodeId)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.Attempts, attempts)
                            .SetProperty(m => m.LastError, error)
                            .SetProperty(m => m.LockedUntil, retryAt),
                        ct);
            }
        }

        return delivered;
    }

    // 10 s, 20 s, 40 s ... capped at ten minutes.
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(600, 10 * Math.Pow(2, attempts - 1)));

    private async Task DeliverToHandlersAsync(OutboxMessage message, CancellationToken ct)
    {
        var type = IntegrationEventTypes.Resolve(message.Type)
            ?? throw new InvalidOperationException($"Unknown integration event type '{message.Type}'.");
        var integrationEvent = JsonSerializer.Deserialize(message.Payload, type, IntegrationEventTypes.JsonOptions)
            ?? throw new InvalidOperationException($"Empty payload for message {message.Id}.");
        using var scope = scopes.CreateScope();
        await (Task)DeliverMethod.MakeGenericMethod(type).Invoke(null, [scope.ServiceProvider, message.Id, integrationEvent, ct])!;
    }

    private static async Task DeliverAsync<TEvent>(IServiceProvider services, Guid messageId, TEvent integrationEvent, CancellationToken ct)
        where TEvent : IIntegrationEvent
    {
        foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            await handler.HandleAsync(messageId, integrationEvent, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering outbox message {MessageId} ({Type}) of module {Module} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string module, Guid messageId, string type);
}

/// <summary>
/// Delivers the outbox every poll interval, on one node at a time (each message is also claimed with a
/// lease of its own, so a node that dies mid-delivery leaves nothing lost).
/// </summary>
internal sealed class OutboxJob(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options) : IRecurringJob
{
    public string Name => "outbox";

    public TimeSpan Interval => options.Value.PollInterval;

    public TimeSpan MaxRunTime => options.Value.Lease;

    public bool Enabled => options.Value.Enabled;

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) => dispatcher.DispatchPendingAsync(cancellationToken);
}

/// <summary>Registration of the outbox machinery.</summary>
public static class OutboxRegistration
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddSingleton<OutboxDispatcher>();
        services.AddRecurringJob<OutboxJob>();
        return services;
    }

    /// <summary>Registers a consumer of <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        IntegrationEventTypes.NameOf(typeof(TEvent));
        return services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
    }
}
