namespace OneStop.SharedKernel.Messaging;

/// <summary>
/// A fact one module publishes for others, written to the publisher's outbox in the same transaction
/// as the change. Records in a module's Contracts project implement it.
/// </summary>
public interface IIntegrationEvent;

/// <summary>
/// Consumes one kind of integration event. Delivery is at least once: a consumer that changes data
/// wraps its work in <see cref="InboxExtensions.ConsumeOnceAsync"/> so a redelivery does nothing.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(Guid messageId, TEvent integrationEvent, CancellationToken cancellationToken);
}
