using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Data;
using OneStop.Payments.Contracts;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Documents.Issuing;

/// <summary>Signs every receipt Payments issues, as the collecting agency; an invoice settled without money (nothing owed) has none.</summary>
internal sealed class ReceiptDocuments(DocumentsDbContext db, IssueDocument issue, TimeProvider clock) : IIntegrationEventHandler<InvoicePaid>
{
    public Task HandleAsync(Guid messageId, InvoicePaid integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent is not { ReceiptNumber: { Length: > 0 and <= 20 } number, PayerCitizenId: { Length: 13 }, CollectedBy: { Length: > 0 } collectedBy })
        {
            return Task.CompletedTask;
        }

        return db.ConsumeOnceAsync(messageId, nameof(ReceiptDocuments), clock, async ct =>
        {
            if (!await db.Documents.AnyAsync(d => d.Number == number, ct))
            {
                await issue.ReceiptAsync(integrationEvent, collectedBy, ct);
                await db.SaveChangesAsync(ct);
            }
        }, cancellationToken);
    }
}
