using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Exchange.DataSubjects;

/// <summary>
/// One read of my data: which agency's system, which record, when, for what and on what legal basis;
/// <paramref name="Incidental"/> when I was named in someone else's record (a member of their house, a
/// director of their company). The purpose and message ID of such a read are that other person's matter
/// (a case number, an application) and are not shown to me: both are null.
/// </summary>
internal sealed record PersonalDataReadDto(DateTime Time, string Client, string ClientName, string Service, string ServiceTitle, string? Purpose, string LegalBasis, string? XRoadId, bool Incidental);

/// <summary>Data subjects see who read their data through the exchange.</summary>
internal static class PersonalDataReads
{
    public static RouteGroupBuilder MapPersonalDataReads(this RouteGroupBuilder group)
    {
        group.MapGet("/my-data-reads", ListAsync).WithName("Exchange_MyDataReads_List")
            .WithSummary("Who read my personal data through the exchange (signed-in citizen)")
            .RequireAuthorization(Policies.Citizen);
        return group;
    }

    private static async Task<Ok<List<PersonalDataReadDto>>> ListAsync(ClaimsPrincipal user, ExchangeDbContext db, int? take, CancellationToken ct)
        => TypedResults.Ok(await ListForAsync(db, user.FindFirstValue(Claims.CitizenId)!, take ?? 100, ct));

    /// <summary>The latest reads of <paramref name="pid"/>'s data, newest first.</summary>
    public static Task<List<PersonalDataReadDto>> ListForAsync(ExchangeDbContext db, string pid, int take, CancellationToken ct)
        => db.PersonalDataReads.AsNoTracking().Where(r => r.DataSubject == pid)
            .OrderByDescending(r => r.Time).ThenByDescending(r => r.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(r => new PersonalDataReadDto(r.Time, r.Client, r.ClientName, r.Service, r.ServiceTitle, r.Incidental ? null : r.Purpose, r.LegalBasis, r.Incidental ? null : r.XRoadId, r.Incidental))
            .ToListAsync(ct);
}
