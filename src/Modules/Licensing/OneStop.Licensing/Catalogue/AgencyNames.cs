using System.Collections.Concurrent;
using OneStop.Agencies.Contracts;

namespace OneStop.Licensing.Catalogue;

/// <summary>
/// Names of the catalogue's agencies, read once from the Agencies module when the host starts
/// (<see cref="CatalogueAgencyCheck"/>), so that listing a hundred licences does not ask it a hundred times.
/// </summary>
internal sealed class AgencyNames
{
    private readonly ConcurrentDictionary<string, AgencySummary> known = new(StringComparer.Ordinal);

    public void Remember(AgencySummary agency) => known[agency.Code] = agency;

    public AgencySummary? Find(string code) => known.GetValueOrDefault(code);

    /// <summary>The agency's name in the current language; the code when the agency is not known (never expected after start-up).</summary>
    public string NameOf(string code) => Find(code) is { } agency ? SharedKernel.Bilingual.Pick(agency.NameTh, agency.NameEn) : code;
}
