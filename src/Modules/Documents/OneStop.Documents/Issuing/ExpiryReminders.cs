using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents.Contracts;
using OneStop.Documents.Data;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Documents.Issuing;

/// <summary>When a licence's holder is reminded that it expires: 90 days before (the earliest many licences may be renewed), then 30, then 7.</summary>
internal static class ReminderRules
{
    public static readonly int[] DaysBefore = [90, 30, 7];

    /// <summary>The reminder due for a licence ending at <paramref name="validUntil"/> (the smallest stage already reached), or null when none is due yet or it has ended.</summary>
    public static int? DueStage(DateTime validUntil, DateTime now)
    {
        var left = validUntil - now;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        int? due = null;
        foreach (var days in DaysBefore)
        {
            if (left <= TimeSpan.FromDays(days))
            {
                due = days;
            }
        }

        return due;
    }

    /// <summary>Whole days left, counted up: a licence ending in 29 days and 2 hours has 30 days left.</summary>
    public static int DaysLeft(DateTime validUntil, DateTime now) => (int)Math.Ceiling((validUntil - now).TotalDays);
}

/// <summary>
/// Tells the others, once per stage, that an active licence is about to expire; licensing tells the holder and offers the
/// renewal. A licence already renewed (a later licence of the same kind for the same holder) is not reminded of.
/// </summary>
internal sealed class ExpiryReminders : IRecurringJob
{
    public const int Batch = 500;

    public string Name => "documents-expiry-reminders";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public TimeSpan MaxRunTime => TimeSpan.FromMinutes(10);

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => RunOnceAsync(scopedServices.GetRequiredService<DocumentsDbContext>(), scopedServices.GetRequiredService<TimeProvider>(), cancellationToken);

    /// <summary>One pass: the reminders due now, in the same transaction as the record that they were sent. Returns how many.</summary>
    public static async Task<int> RunOnceAsync(DocumentsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(ReminderRules.DaysBefore[0]);
        var last = ReminderRules.DaysBefore[^1];
        var candidates = await db.Documents
            .Where(d => d.Kind == DocumentKind.Licence && d.Status == DocumentStatus.Active && d.ValidUntil > now && d.ValidUntil <= horizon
                && (d.RemindedDaysBefore == null || d.RemindedDaysBefore > last)
                && !db.Documents.Any(r => r.Kind == DocumentKind.Licence && r.LicenceCode == d.LicenceCode && r.HolderCitizenId == d.HolderCitizenId
                    && r.HolderJuristicId == d.HolderJuristicId && r.Status != DocumentStatus.Revoked && r.ValidUntil > d.ValidUntil))
            .OrderBy(d => d.ValidUntil).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var document in candidates)
        {
            var until = document.ValidUntil!.Value;
            if (ReminderRules.DueStage(until, now) is not { } stage || (document.RemindedDaysBefore is { } reminded && reminded <= stage))
            {
                continue;
            }

            document.RemindedDaysBefore = stage;
            db.AddIntegrationEvent(new DocumentExpiring(document.Number, document.ApplicationId, document.LicenceCode, document.AgencyCode, document.HolderCitizenId,
                document.HolderJuristicId, until, ReminderRules.DaysLeft(until, now)), clock);
            sent++;
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }
}
