using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Notifications.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notification");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientSubject).HasMaxLength(Notification.MaxRecipientLength);
        builder.Property(n => n.RecipientEmail).HasMaxLength(Notification.MaxEmailLength);
        builder.Property(n => n.Language).HasMaxLength(2);
        builder.Property(n => n.TemplateKey).HasMaxLength(100);
        builder.Property(n => n.DedupeKey).HasMaxLength(Notification.MaxDedupeKeyLength);
        builder.Property(n => n.SubjectTh).HasMaxLength(Notification.MaxRenderedSubjectLength);
        builder.Property(n => n.SubjectEn).HasMaxLength(Notification.MaxRenderedSubjectLength);
        builder.Property(n => n.EmailStatus).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.EmailError).HasMaxLength(2000);
        // The database, not a read before the write, keeps concurrent duplicates out.
        builder.HasIndex(n => new { n.RecipientSubject, n.DedupeKey }).IsUnique();
        builder.HasIndex(n => new { n.RecipientSubject, n.CreatedAt });
        builder.HasIndex(n => new { n.EmailStatus, n.CreatedAt });
    }
}
