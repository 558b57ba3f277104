using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;

namespace OneStop.Agencies.Directory;

/// <summary>An agency in a listing.</summary>
internal sealed record AgencyListItem(string Code, string? Abbreviation, string NameTh, string NameEn, AgencyKind Kind, LocalGovernmentKind? LocalGovernmentKind, string? ParentCode);

/// <summary>An agency with its parent, sub-agencies and office count.</summary>
internal sealed record AgencyDetails(
    string Code, string? Abbreviation, string NameTh, string NameEn, AgencyKind Kind, LocalGovernmentKind? LocalGovernmentKind,
    string? ProvinceCode, AgencyListItem? Parent, IReadOnlyList<AgencyListItem> Children, int OfficeCount);

/// <summary>An office of an agency.</summary>
internal sealed record OfficeDto(string Code, string AgencyCode, string NameTh, string NameEn, string Level, string ProvinceCode, string? DistrictCode);

/// <summary>Reads of the agency directory shared by the JSON endpoints and the pages.</summary>
internal sealed class AgencyQueries(AgenciesDbContext db)
{
    public async Task<IReadOnlyList<AgencyListItem>> ListAsync(AgencyKind? kind, string? search, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // runs as SQL upper(); no .NET culture is involved
            query = query.Where(a => a.NameTh.Contains(search.Trim()) || a.NameEn.ToUpper().Contains(term)
                || (a.Abbreviation != null && a.Abbreviation.ToUpper().Contains(term)) || a.Code == search.Trim());
#pragma warning restore CA1304, CA1311, CA1862
        }

        return await query.OrderBy(a => a.Code).Select(a => new AgencyListItem(a.Code, a.Abbreviation, a.NameTh, a.NameEn, a.Kind, a.LocalGovernmentKind, a.ParentCode)).ToListAsync(ct);
    }

    public async Task<AgencyDetails?> FindAsync(string code, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null)
        {
            return null;
        }

        var related = await db.Agencies.AsNoTracking()
            .Where(a => a.ParentCode == code || a.Code == agency.ParentCode)
            .OrderBy(a => a.Code)
            .Select(a => new AgencyListItem(a.Code, a.Abbreviation, a.NameTh, a.NameEn, a.Kind, a.LocalGovernmentKind, a.ParentCode))
            .ToListAsync(ct);
        var offices = await db.Offices.CountAsync(o => o.AgencyCode == code, ct);
        return new AgencyDetails(
            agency.Code, agency.Abbreviation, agency.NameTh, agency.NameEn, agency.Kind, agency.LocalGovernmentKind, agency.ProvinceCode,
            related.SingleOrDefault(a => a.Code == agency.ParentCode), [.. related.Where(a => a.ParentCode == code)], offices);
    }

    public Task<List<OfficeDto>> OfficesAsync(string? agencyCode, string? provinceCode, string? districtCode, CancellationToken ct)
    {
        var query = db.Offices.AsNoTracking();
        if (agencyCode is not null)
        {
            query = query.Where(o => o.AgencyCode == agencyCode);
        }

        if (provinceCode is not null)
        {
            query = query.Where(o => o.ProvinceCode == provinceCode);
        }

        if (districtCode is not null)
        {
            query = query.Where(o => o.DistrictCode == districtCode);
        }

        return query.OrderBy(o => o.Code)
            .Select(o => new OfficeDto(o.Code, o.AgencyCode, o.NameTh, o.NameEn, o.Level.ToString(), o.ProvinceCode, o.DistrictCode))
            .ToListAsync(ct);
    }
}

/// <summary>
/// The Agencies contract for other modules. Every application view names its agencies and offices and every new
/// application routes each licence, while the directory only changes when it is seeded: the answers are held in
/// memory for a few minutes so that a busy page does not ask the database the same thing on every request.
/// </summary>
internal sealed class AgencyDirectory(AgenciesDbContext db, IMemoryCache cache) : IAgencyDirectory
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    public Task<AgencySummary?> FindAgencyAsync(string code, CancellationToken cancellationToken)
        => CachedAsync(("agency", code), () => db.Agencies.AsNoTracking().Where(a => a.Code == code)
            .Select(a => new AgencySummary(a.Code, a.Abbreviation, a.NameTh, a.NameEn, a.Kind, a.ParentCode))
            .SingleOrDefaultAsync(cancellationToken));

    public Task<OfficeSummary?> FindOfficeAsync(string code, CancellationToken cancellationToken)
        => CachedAsync(("office", code), () => db.Offices.AsNoTracking().Where(o => o.Code == code)
            .Select(o => new OfficeSummary(o.Code, o.AgencyCode, o.NameTh, o.NameEn, o.ProvinceCode, o.DistrictCode))
            .SingleOrDefaultAsync(cancellationToken));

    public Task<OfficeSummary?> RouteAsync(string agencyCode, string provinceCode, string? districtCode, CancellationToken cancellationToken)
        => CachedAsync(("route", agencyCode, provinceCode, districtCode), () => FindRouteAsync(agencyCode, provinceCode, districtCode, cancellationToken));

    /// <summary>A found answer is kept; "not there" is asked again next time, since seeding may be under way.</summary>
    private async Task<T?> CachedAsync<T>(object key, Func<Task<T?>> read)
        where T : class
    {
        if (cache.TryGetValue(key, out T? known))
        {
            return known;
        }

        var found = await read();
        if (found is not null)
        {
            cache.Set(key, found, Fresh);
        }

        return found;
    }

    private async Task<OfficeSummary?> FindRouteAsync(string agencyCode, string provinceCode, string? districtCode, CancellationToken cancellationToken)
    {
        var agency = agencyCode;
        if (agencyCode == AgencyCodes.AnyLocalGovernment)
        {
            // Which municipality or SAO covers a place needs the DLA's boundaries, which the directory does not hold:
            // Bangkok's districts go to the BMA, elsewhere the province's first local government listed, else the DLA's stand-in.
            agency = await db.Agencies.AsNoTracking()
                .Where(a => a.Kind == AgencyKind.LocalGovernment && a.ProvinceCode == provinceCode)
                .OrderBy(a => a.LocalGovernmentKind == LocalGovernmentKind.Pao).ThenBy(a => a.Code)
                .Select(a => a.Code).FirstOrDefaultAsync(cancellationToken) ?? agencyCode;
        }

        var offices = await db.Offices.AsNoTracking()
            .Where(o => o.AgencyCode == agency && (o.Level == OfficeLevel.Headquarters || o.ProvinceCode == provinceCode))
            .OrderBy(o => o.Code)
            .Select(o => new { o.Level, o.DistrictCode, Summary = new OfficeSummary(o.Code, o.AgencyCode, o.NameTh, o.NameEn, o.ProvinceCode, o.DistrictCode) })
            .ToListAsync(cancellationToken);
        return (offices.FirstOrDefault(o => o.Level == OfficeLevel.District && o.DistrictCode == districtCode && districtCode is not null)
            ?? offices.FirstOrDefault(o => o.Level == OfficeLevel.Province)
            ?? offices.FirstOrDefault(o => o.Level == OfficeLevel.Headquarters))?.Summary;
    }
}
