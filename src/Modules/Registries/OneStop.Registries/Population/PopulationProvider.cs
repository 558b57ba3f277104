using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Registries.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Registries.Population;

/// <summary>A person as the population service answers (service <c>persons</c>).</summary>
internal sealed record PersonRecord(
    string CitizenId, string TitleTh, string TitleEn, string GivenNameTh, string FamilyNameTh, string GivenNameEn, string FamilyNameEn,
    string Gender, DateOnly BirthDate, string Nationality, string Status, HouseRecord House, IdCardRecord? IdCard);

/// <summary>The house registration with its members.</summary>
internal sealed record HouseRecord(string HouseId, RegisteredAddress Address, IReadOnlyList<HouseMember> Members);

internal sealed record HouseMember(string CitizenId, string NameTh, string NameEn);

/// <summary>The ID card; the laser code is not disclosed (only the card check uses it).</summary>
internal sealed record IdCardRecord(DateOnly IssuedOn, DateOnly? ExpiresOn);

/// <summary>Only valid or invalid: a failed check never says which field was wrong.</summary>
internal sealed record CardCheckResult(bool Valid);

internal static class PopulationProvider
{
    /// <summary>A card check in the manner of DOPA's CheckCardByLaser.</summary>
    /// <param name="CitizenId">13-digit citizen ID.</param>
    /// <param name="FirstName">Thai given name.</param>
    /// <param name="LastName">Thai family name.</param>
    /// <param name="BirthDate">Birth date, Buddhist Era, YYYYMMDD.</param>
    /// <param name="Laser">Laser code from the back of the card (dashes allowed).</param>
    // Public (inside an internal class) because .NET 10's validation generator skips internal types.
    public sealed record CardCheckRequest(
        [property: Required] string CitizenId,
        [property: Required, StringLength(100)] string FirstName,
        [property: Required, StringLength(100)] string LastName,
        [property: Required, StringLength(8, MinimumLength = 8)] string BirthDate,
        [property: Required, StringLength(20)] string Laser);

    public static RouteGroupBuilder MapPopulationProvider(this RouteGroupBuilder group)
    {
        DisclosedSubjects.Declares(group.MapGet("/population/persons/{citizenId}", GetPersonAsync).WithName("Registries_Persons_Get").WithSummary("A person in the population registry"));
        group.MapPost("/population/card-check", CheckCardAsync).WithName("Registries_CardCheck").WithSummary("Check an ID card: valid or invalid only");
        return group;
    }

    private static async Task<Results<Ok<PersonRecord>, ProblemHttpResult>> GetPersonAsync(string citizenId, RegistriesDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (!ThaiCitizenId.TryParse(citizenId, out var id))
        {
            return ApiProblems.Invalid("citizenId", ThaiCitizenId.Describe(ThaiCitizenId.Check(citizenId)));
        }

        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.CitizenId == id.Value, ct);
        if (person is null)
        {
            return ApiProblems.NotFound($"No person with citizen ID {id.Value}.");
        }

        var members = await db.Persons.AsNoTracking().Where(p => p.HouseId == person.HouseId).OrderBy(p => p.BirthDate)
            .Select(p => new HouseMember(p.CitizenId, p.TitleTh + p.GivenNameTh + " " + p.FamilyNameTh, p.TitleEn + " " + p.GivenNameEn + " " + p.FamilyNameEn))
            .ToListAsync(ct);
        DisclosedSubjects.Declare(response, members.Select(m => m.CitizenId));
        var card = person.CardIssuedOn is { } issued ? new IdCardRecord(issued, person.CardExpiresOn) : null;
        return TypedResults.Ok(new PersonRecord(
            person.CitizenId, person.TitleTh, person.TitleEn, person.GivenNameTh, person.FamilyNameTh, person.GivenNameEn, person.FamilyNameEn,
            person.Gender.ToString(), person.BirthDate, person.Nationality, person.Status.ToString(),
            new HouseRecord(person.HouseId, person.Address, members), card));
    }

    private static async Task<Ok<CardCheckResult>> CheckCardAsync(CardCheckRequest request, RegistriesDbContext db, TimeProvider clock, CancellationToken ct)
        => TypedResults.Ok(new CardCheckResult(await CardCheck.IsValidAsync(db, request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct)));
}

/// <summary>The card-check rule: every field must match a living person's current card.</summary>
internal static class CardCheck
{
    public static async Task<bool> IsValidAsync(RegistriesDbContext db, PopulationProvider.CardCheckRequest request, DateOnly today, CancellationToken ct)
    {
        if (!ThaiCitizenId.TryParse(request.CitizenId, out var id) || !ThaiDates.TryParseDopaDate(request.BirthDate, out var birth))
        {
            return false;
        }

        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.CitizenId == id.Value, ct);
        return person is not null
            && person.Status == SyntheticData.LifeStatus.Alive
            && person.GivenNameTh == request.FirstName.Trim()
            && person.FamilyNameTh == request.LastName.Trim()
            && person.BirthDate == birth
            && person.LaserCode is not null
            && string.Equals(person.LaserCode, request.Laser.Replace("-", string.Empty, StringComparison.Ordinal).Trim(), StringComparison.OrdinalIgnoreCase)
            && (person.CardExpiresOn is null || person.CardExpiresOn >= today);
    }
}
