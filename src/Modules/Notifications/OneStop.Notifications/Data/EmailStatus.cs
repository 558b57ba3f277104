namespace OneStop.Notifications.Data;

/// <summary>Where a notification's e-mail is.</summary>
internal enum EmailStatus
{
    /// <summary>The recipient has no e-mail address: in-app only.</summary>
    None,

    /// <summary>Waiting in the outbox.</summary>
    Queued,

    /// <summary>Accepted by the mail server.</summary>
    Sent,

    /// <summary>The last try failed; the outbox tries again with a growing delay until its attempts run out.</summary>
    Failed,
}
