using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Http;

namespace OneStop.Agencies.Directory;

internal static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencyEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("Agencies_Agencies_List").WithSummary("Agencies, optionally filtered by kind or a search term");
        group.MapGet("/{code}", GetAsync).WithName("Agencies_Agencies_Get").WithSummary("One agency with its parent and sub-agencies");
        group.MapGet("/{code}/offices", ListAgencyOfficesAsync).WithName("Agencies_Offices_ListByAgency").WithSummary("Offices of an agency, optionally in one province");
        group.MapGet("/offices", ListOfficesAsync).WithName("Agencies_Offices_List").WithSummary("Offices in a province or district");
        group.MapGet("/roles", ListRolesAsync).WithName("Agencies_Roles_List").WithSummary("Officer roles");
        group.MapGet("/provinces", ListProvinces).WithName("Agencies_Provinces_List").WithSummary("The 77 provinces");
        group.MapGet("/provinces/{code}/districts", ListDistricts).WithName("Agencies_Districts_List").WithSummary("Districts of a province");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AgencyListItem>>, ProblemHttpResult>> ListAsync(
        AgencyQueries queries, [Description("Ministry, Department, LocalGovernment, ...")] AgencyKind? kind,
        [Description("Part of a Thai or English name, an abbreviation or a code")] string? q, CancellationToken ct)
    {
        // Enum binding accepts any number; only the named kinds are meaningful.
        if (kind is { } k && !Enum.IsDefined(k))
        {
            return ApiProblems.Invalid("kind", $"Unknown kind; use one of {string.Join(", ", Enum.GetNames<AgencyKind>())}.");
        }

        return TypedResults.Ok(await queries.ListAsync(kind, q, ct));
    }

    private static async Task<Results<Ok<AgencyDetails>, ProblemHttpResult>> GetAsync(string code, AgencyQueries queries, CancellationToken ct)
        => await queries.FindAsync(code, ct) is { } agency ? TypedResults.Ok(agency) : ApiProblems.NotFound($"No agency with code '{code}'.");

    private static async Task<Results<Ok<List<OfficeDto>>, ProblemHttpResult>> ListAgencyOfficesAsync(
        string code, [Description("Two-digit province code")] string? province, AgencyQueries queries, AgenciesDbContext db, CancellationToken ct)
    {
        if (!await db.Agencies.AnyAsync(a => a.Code == code, ct))
        {
            return ApiProblems.NotFound($"No agency with code '{code}'.");
        }

        if (province is not null && ThaiGeography.FindProvince(province) is null)
        {
            return ApiProblems.Invalid("province", $"'{province}' is not a province code.");
        }

        return TypedResults.Ok(await queries.OfficesAsync(code, province, null, ct));
    }

    private static async Task<Results<Ok<List<OfficeDto>>, ProblemHttpResult>> ListOfficesAsync(
        [Description("Two-digit province code")] string? province, [Description("Four-digit district code")] string? district,
        AgencyQueries queries, CancellationToken ct)
    {
        if (province is null && district is null)
        {
            return ApiProblems.Invalid("province", "Give a province or a district.");
        }

        if (province is not null && ThaiGeography.FindProvince(province) is null)
        {
            return ApiProblems.Invalid("province", $"'{province}' is not a province code.");
        }

        if (district is not null && ThaiGeography.FindDistrict(district) is null)
        {
            return ApiProblems.Invalid("district", $"'{district}' is not a district code.");
        }

        return TypedResults.Ok(await queries.OfficesAsync(null, province, district, ct));
    }

    private static async Task<Ok<List<OfficerRoleDto>>> ListRolesAsync(AgenciesDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.OfficerRoles.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new OfficerRoleDto(r.Code, r.NameTh, r.NameEn, r.DescriptionTh, r.DescriptionEn)).ToListAsync(ct));

    private static Ok<IReadOnlyList<Province>> ListProvinces() => TypedResults.Ok(ThaiGeography.Provinces);

    private static Results<Ok<IReadOnlyList<District>>, ProblemHttpResult> ListDistricts(string code)
        => ThaiGeography.FindProvince(code) is null
            ? ApiProblems.NotFound($"No province with code '{code}'.")
            : TypedResults.Ok(ThaiGeography.DistrictsOf(code));
}

/// <summary>An officer role.</summary>
internal sealed record OfficerRoleDto(string Code, string NameTh, string NameEn, string DescriptionTh, string DescriptionEn);
