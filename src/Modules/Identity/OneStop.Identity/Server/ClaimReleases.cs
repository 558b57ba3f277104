using OneStop.Identity.Data;

namespace OneStop.Identity.Server;

/// <summary>
/// Every release of a person's claims to a client is recorded (which claims, to whom, how, when):
/// the person consented to it or uses a first-party service, and can later see it.
/// </summary>
internal sealed class ClaimReleases(DigitalIdDbContext db, TimeProvider clock)
{
    public const string IdToken = "id_token";
    public const string UserInfo = "userinfo";

    public async Task RecordAsync(Guid accountId, string clientId, string channel, IEnumerable<string> claims, CancellationToken cancellationToken)
    {
        var released = string.Join(' ', claims.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (released.Length == 0)
        {
            return; // nothing personal left the provider (the subject identifier alone is not recorded)
        }

        db.ClaimReleases.Add(new ClaimRelease
        {
            AccountId = accountId, ClientId = clientId, Channel = channel, Claims = released, At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class ClaimRelease
{
    public long Id { get; set; }

    public Guid AccountId { get; set; }

    public required string ClientId { get; set; }

    public required string Channel { get; set; }

    /// <summary>Claim names, space-separated.</summary>
    public required string Claims { get; set; }

    public DateTime At { get; set; }
}
