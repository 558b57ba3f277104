using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Registries.Data;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Registries.Juristic;

/// <summary>A juristic person as the juristic service answers (service <c>companies</c>).</summary>
internal sealed record CompanyRecord(
    string JuristicId, string NameTh, string NameEn, string Kind, DateOnly RegisteredOn, string Status, long CapitalSatang,
    RegisteredAddress Address, IReadOnlyList<DirectorRecord> Directors, IReadOnlyList<string> Objectives);

/// <summary>A director, identified by citizen ID, and whether they may sign for the company.</summary>
internal sealed record DirectorRecord(string CitizenId, string NameTh, string NameEn, bool MaySign);

/// <summary>An importer/exporter as the trade service answers (service <c>traders</c>).</summary>
internal sealed record TraderRecord(string JuristicId, string NameTh, string NameEn, string CustomsStatus, DateOnly RegisteredOn, IReadOnlyList<string> PermittedGoods);

internal static class JuristicProvider
{
    public static RouteGroupBuilder MapJuristicProvider(this RouteGroupBuilder group)
    {
        DisclosedSubjects.Declares(group.MapGet("/juristic/companies/{juristicId}", GetCompanyAsync).WithName("Registries_Companies_Get").WithSummary("A juristic person in the DBD registry"));
        return group;
    }

    public static RouteGroupBuilder MapTradeProvider(this RouteGroupBuilder group)
    {
        group.MapGet("/trade/traders/{juristicId}", GetTraderAsync).WithName("Registries_Traders_Get").WithSummary("An importer/exporter registered with Customs");
        return group;
    }

    private static async Task<Results<Ok<CompanyRecord>, ProblemHttpResult>> GetCompanyAsync(string juristicId, RegistriesDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (!JuristicPersonId.TryParse(juristicId, out var id))
        {
            return ApiProblems.Invalid("juristicId", JuristicPersonId.Describe(JuristicPersonId.Check(juristicId)));
        }

        var company = await db.Companies.AsNoTracking().Include(c => c.Directors).SingleOrDefaultAsync(c => c.JuristicId == id.Value, ct);
        if (company is null)
        {
            return ApiProblems.NotFound($"No juristic person with ID {id.Value}.");
        }

        var ids = company.Directors.Select(d => d.CitizenId).ToList();
        var names = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.CitizenId))
            .ToDictionaryAsync(p => p.CitizenId, p => (Th: p.TitleTh + p.GivenNameTh + " " + p.FamilyNameTh, En: p.TitleEn + " " + p.GivenNameEn + " " + p.FamilyNameEn), ct);
        var directors = company.Directors.OrderBy(d => d.CitizenId)
            .Select(d => new DirectorRecord(d.CitizenId, names.GetValueOrDefault(d.CitizenId).Th ?? string.Empty, names.GetValueOrDefault(d.CitizenId).En ?? string.Empty, d.MaySign))
            .ToList();
        DisclosedSubjects.Declare(response, directors.Select(d => d.CitizenId));
        return TypedResults.Ok(new CompanyRecord(
            company.JuristicId, company.NameTh, company.NameEn, company.Kind.ToString(), company.RegisteredOn, company.Status.ToString(),
            company.CapitalSatang, company.Address, directors, company.Objectives));
    }

    private static async Task<Results<Ok<TraderRecord>, ProblemHttpResult>> GetTraderAsync(string juristicId, RegistriesDbContext db, CancellationToken ct)
    {
        if (!JuristicPersonId.TryParse(juristicId, out var id))
        {
            return ApiProblems.Invalid("juristicId", JuristicPersonId.Describe(JuristicPersonId.Check(juristicId)));
        }

        var trader = await (from t in db.Traders.AsNoTracking()
                            join c in db.Companies.AsNoTracking() on t.JuristicId equals c.JuristicId
                            where t.JuristicId == id.Value
                            select new { t, c.NameTh, c.NameEn }).SingleOrDefaultAsync(ct);
        return trader is null
            ? ApiProblems.NotFound($"{id.Value} is not registered with Customs as a trader.")
            : TypedResults.Ok(new TraderRecord(trader.t.JuristicId, trader.NameTh, trader.NameEn, trader.t.CustomsStatus.ToString(), trader.t.RegisteredOn, trader.t.PermittedGoods));
    }
}
