using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.SharedKernel.Messaging;

/// <summary>An integration event waiting in a module's outbox.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>Monotonic order of writing, so events leave in the order they were raised.</summary>
    public long Sequence { get; init; }

    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTime OccurredAt { get; init; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>The dispatcher node holding the lease, and until when.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    internal static OutboxMessage Create(IIntegrationEvent integrationEvent, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = IntegrationEventTypes.NameOf(integrationEvent.GetType()),
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), IntegrationEventTypes.JsonOptions),
        OccurredAt = now,
    };
}

/// <summary>Marks an integration event consumed by one consumer, so redelivery is ignored.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTime ProcessedAt { get; init; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(m => m.Sequence);
        builder.HasIndex(m => m.Id).IsUnique();
        builder.Property(m => m.Type).HasMaxLength(300);
        builder.Property(m => m.LockedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.ProcessedAt, m.Sequence });
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox");
        builder.HasKey(m => new { m.MessageId, m.Consumer });
        builder.Property(m => m.Consumer).HasMaxLength(200);
    }
}
