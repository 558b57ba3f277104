using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;

namespace OneStop.Exchange.DataSubjects;

/// <summary>
/// Verifies the consent history end to end: the events' hash chain, and that each consent the gateway
/// relies on is exactly what its events say (nobody un-withdrew it, extended it, or added or removed
/// one without an event).
/// </summary>
internal sealed class ConsentHistoryVerifier(ExchangeDbContext db) : IConsentHistoryVerifier
{
    public async Task<ConsentHistoryVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var events = await db.ConsentEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().ToListAsync(cancellationToken);
        return new ConsentHistoryVerification(events.Count, consents.Count, Problem(events, consents));
    }

    /// <summary>The first thing wrong with the history or the consents, or null.</summary>
    private static string? Problem(IReadOnlyList<ConsentEvent> events, IReadOnlyList<Consent> consents)
    {
        if (Consents.FirstBrokenEvent(events) is { } broken)
        {
            return $"event {broken} breaks the hash chain (altered, removed or inserted)";
        }

        var byConsent = events.ToLookup(e => e.ConsentId);
        foreach (var consent in consents.OrderBy(c => c.Id))
        {
            if (Mismatch(consent, byConsent[consent.Id].ToList()) is { } mismatch)
            {
                return $"consent {consent.Id} differs from its history: {mismatch}";
            }
        }

        var known = consents.Select(c => c.Id).ToHashSet();
        return events.FirstOrDefault(e => !known.Contains(e.ConsentId)) is { } orphan
            ? $"consent {orphan.ConsentId} is in the history (event {orphan.Sequence}) but has been deleted"
            : null;
    }

    private static string? Mismatch(Consent consent, List<ConsentEvent> history)
    {
        var grants = history.Where(e => e.Kind == ConsentEventKind.Granted).ToList();
        var withdrawals = history.Where(e => e.Kind == ConsentEventKind.Withdrawn).ToList();
        if (grants.Count == 0)
        {
            return "it has no grant event";
        }

        // Written by concurrent requests before they were told apart, or inserted: either way not one history.
        if (grants.Count > 1 || withdrawals.Count > 1)
        {
            var (kind, events) = grants.Count > 1 ? ("grant", grants) : ("withdrawal", withdrawals);
            return $"it has {events.Count} {kind} events ({string.Join(", ", events.Select(e => e.Sequence))}), not one";
        }

        var granted = grants[0];
        if (granted.At != consent.GrantedAt || granted.ExpiresAt != consent.ExpiresAt || granted.DataSubject != consent.DataSubject
            || granted.ClientId != consent.ClientId || granted.ServiceId != consent.ServiceId || granted.Purpose != consent.Purpose)
        {
            return "its grant (person, system, service, purpose, time or expiry) is not the one recorded";
        }

        var withdrawn = withdrawals.Select(e => (DateTime?)e.At).FirstOrDefault();
        return withdrawn == consent.WithdrawnAt ? null
            : withdrawn is null ? "it is marked withdrawn, but no withdrawal was recorded"
            : "it was withdrawn, but no longer shows it";
    }
}
