using Microsoft.Extensions.DependencyInjection;
using OneStop.Licensing.Contracts;
using OneStop.Testing;

namespace OneStop.Licensing.Tests.Http;

/// <summary>The contract as another module gets it from the host.</summary>
public sealed class LicenceCatalogueServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Catalogue_FromTheHost_QuotesFeesAndSlaByChannel()
    {
        var catalogue = app.Services.GetRequiredService<ILicenceCatalogue>();
        var hotel = catalogue.FindLicence("hotel-licence")!;
        var answers = new Dictionary<string, Answer> { ["rooms"] = new NumberAnswer(20) };

        var quote = catalogue.QuoteFees(hotel, answers, Channel.Counter);

        Assert.Equal(2_000_000 + (20 * 8_000), quote.TotalSatang);
        Assert.Equal(45, catalogue.SlaDays(hotel, Channel.Online));
        Assert.Equal(hotel.SlaWorkingDays, catalogue.SlaDays(hotel, Channel.Counter));
        Assert.Contains(hotel.Workflow, s => s.RoleCode == "approver");
        Assert.NotEmpty(catalogue.FindBusinessType("small-hotel")!.Questions);
    }
}
