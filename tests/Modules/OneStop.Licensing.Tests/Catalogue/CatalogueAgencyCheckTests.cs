using OneStop.Agencies.Contracts;
using OneStop.Licensing.Catalogue;

namespace OneStop.Licensing.Tests.Catalogue;

public sealed class CatalogueAgencyCheckTests
{
    [Fact]
    public async Task AgencyMissingFromTheAgenciesModule_StopsStartUpNamingFileAndLine()
    {
        var catalogue = new LicenceCatalogue(CatalogueFiles.Load(CatalogueFiles.Valid()));
        var directory = new Directory("03006000", "21043000");
        var check = new CatalogueAgencyCheck(catalogue, directory, new AgencyNames());

        var exception = await Assert.ThrowsAsync<CatalogueException>(() => check.SeedReferenceDataAsync(TestContext.Current.CancellationToken));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("licences/food-shop.yaml", error.At.File);
        Assert.Contains("Unknown agency '21007000'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownAgencies_AreRememberedForTheirNames()
    {
        var catalogue = new LicenceCatalogue(CatalogueFiles.Load(CatalogueFiles.Valid()));
        var names = new AgencyNames();
        var check = new CatalogueAgencyCheck(catalogue, new Directory("03006000", "21043000", "21007000"), names);

        await check.SeedReferenceDataAsync(TestContext.Current.CancellationToken);

        Assert.Equal("03006000", names.Find("03006000")?.Code);
        Assert.Equal("Agency 21043000", names.Find("21043000")?.NameEn);
    }

    private sealed class Directory(params string[] codes) : IAgencyDirectory
    {
        public Task<AgencySummary?> FindAgencyAsync(string code, CancellationToken cancellationToken)
            => Task.FromResult(codes.Contains(code) ? new AgencySummary(code, null, $"หน่วยงาน {code}", $"Agency {code}", AgencyKind.Department, null) : null);

        public Task<OfficeSummary?> FindOfficeAsync(string code, CancellationToken cancellationToken) => Task.FromResult<OfficeSummary?>(null);

        public Task<OfficeSummary?> RouteAsync(string agencyCode, string provinceCode, string? districtCode, CancellationToken cancellationToken)
            => Task.FromResult<OfficeSummary?>(null);
    }
}
