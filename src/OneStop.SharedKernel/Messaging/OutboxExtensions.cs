using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;

namespace OneStop.SharedKernel.Messaging;

/// <summary>Writing events to the outbox and consuming them once through the inbox.</summary>
public static class InboxExtensions
{
    /// <summary>
    /// Adds an integration event to the module's outbox; it is stored by the same
    /// <c>SaveChanges</c> as the change that raised it, or not at all.
    /// </summary>
    public static void AddIntegrationEvent(this ModuleDbContext db, IIntegrationEvent integrationEvent, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        ArgumentNullException.ThrowIfNull(clock);
        db.OutboxMessages.Add(OutboxMessage.Create(integrationEvent, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Runs <paramref name="work"/> and records the message in the consumer's inbox in one transaction.
    /// Returns false, doing nothing, when this consumer has already processed the message.
    /// </summary>
    public static async Task<bool> ConsumeOnceAsync(
        this ModuleDbContext db, Guid messageId, string consumer, TimeProvider clock,
        Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work(cancellationToken);
        db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken))
            {
                // Another node consumed the same message concurrently; its work stands, ours is rolled back.
                return false;
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
