using System.Security.Claims;

namespace OneStop.SharedKernel.Hosting;

/// <summary>
/// Who acts: a person proved by the Digital ID, for themselves or for the company they act for. Applications, invoices
/// and documents belong to a person, or to a company whoever acts for it.
/// </summary>
public sealed record Party(string CitizenId, string? JuristicId)
{
    /// <summary>The signed-in person with a verified citizen ID, acting for the company they chose if any; null otherwise.</summary>
    public static Party? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(Claims.CitizenId)?.Value is { Length: > 0 } pid ? new Party(pid, ActingFor.JuristicId(user)) : null;
    }

    /// <summary>Whether something of this person (<paramref name="citizenId"/>) or company (<paramref name="juristicId"/>) is theirs.</summary>
    public bool Owns(string citizenId, string? juristicId) => juristicId is { } company ? company == JuristicId : citizenId == CitizenId;
}
