namespace OneStop.Notifications.Data;

/// <summary>
/// One message to one person: the in-app copy, rendered in both languages when it was sent (a template
/// changed later does not rewrite what people were told), and the state of its e-mail.
/// </summary>
internal sealed class Notification
{
    public const int MaxDedupeKeyLength = 200;
    public const int MaxRecipientLength = 100;
    public const int MaxEmailLength = 320;
    public const int MaxRenderedSubjectLength = 1000;

    public Guid Id { get; init; }

    /// <summary>The recipient's account subject (<c>sub</c>).</summary>
    public required string RecipientSubject { get; init; }

    public string? RecipientEmail { get; init; }

    /// <summary>The recipient's language, which the e-mail starts in.</summary>
    public required string Language { get; init; }

    public required string TemplateKey { get; init; }

    /// <summary>Unique per recipient: a repeat of the same notification finds this row instead of adding one.</summary>
    public required string DedupeKey { get; init; }

    public required string SubjectTh { get; init; }

    public required string BodyTh { get; init; }

    public required string SubjectEn { get; init; }

    public required string BodyEn { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }

    public EmailStatus EmailStatus { get; set; }

    /// <summary>Tries to send the e-mail so far, successful or not.</summary>
    public int EmailAttempts { get; set; }

    public DateTime? EmailSentAt { get; set; }

    public string? EmailError { get; set; }
}
