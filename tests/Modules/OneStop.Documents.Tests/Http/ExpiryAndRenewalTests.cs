using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Testing;

namespace OneStop.Documents.Tests.Http;

/// <summary>Reminders before a licence ends, and a renewal that takes over from the licence it renews.</summary>
public sealed class ExpiryAndRenewalTests(DocumentsAppFactory factory) : IClassFixture<DocumentsAppFactory>
{
    // Holders of their own, so other tests' licences neither count nor count as renewals.
    private const string Reminded = "1999900770013";
    private const string Renewer = "1999900770021";

    private Task<int> RunRemindersAsync(TimeSpan later)
        => factory.WithScopeAsync(sp => ExpiryReminders.RunOnceAsync(sp.GetRequiredService<DocumentsDbContext>(), new ShiftedClock(later), TestContext.Current.CancellationToken));

    private Task<List<IssuedDocument>> LicencesOfAsync(string holder)
        => factory.WithScopeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Documents.AsNoTracking()
            .Where(d => d.HolderCitizenId == holder && d.Kind == DocumentKind.Licence).OrderBy(d => d.IssuedAt).ToListAsync());

    private async Task<List<DocumentExpiring>> RemindersOfAsync(IEnumerable<string> numbers)
        => (await factory.OutboxAsync<DocumentExpiring>()).Where(e => numbers.Contains(e.Number)).ToList();

    [Fact]
    public async Task AHolder_IsRemindedNinetyThirtyAndSevenDaysBefore_OnceEach()
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application, holder: Reminded);
        var licences = await LicencesOfAsync(Reminded);
        Assert.Equal(2, licences.Count); // both last 12 months
        var numbers = licences.Select(l => l.Number).ToList();
        var year = licences[0].ValidUntil!.Value - DateTime.UtcNow;

        await RunRemindersAsync(year - TimeSpan.FromDays(100));
        Assert.Empty(await RemindersOfAsync(numbers)); // not yet

        await RunRemindersAsync(year - TimeSpan.FromDays(60));
        await RunRemindersAsync(year - TimeSpan.FromDays(59)); // a later run the same month sends nothing more
        var first = await RemindersOfAsync(numbers);
        Assert.Equal(2, first.Count);
        Assert.All(first, e =>
        {
            Assert.Equal(application, e.ApplicationId);
            Assert.Equal(Reminded, e.HolderCitizenId);
            Assert.InRange(e.DaysLeft, 59, 61);
        });
        Assert.Equal([DocumentsAppFactory.Food, DocumentsAppFactory.Liquor], first.Select(e => e.LicenceCode!).Order(StringComparer.Ordinal).ToArray());

        await RunRemindersAsync(year - TimeSpan.FromDays(20));
        await RunRemindersAsync(year - TimeSpan.FromDays(3));
        await RunRemindersAsync(year + TimeSpan.FromDays(1)); // ended: no reminder after the end
        var all = await RemindersOfAsync(numbers);
        Assert.Equal(6, all.Count);
        Assert.Equal(2, all.Count(e => e.DaysLeft is >= 59 and <= 61));
        Assert.Equal(2, all.Count(e => e.DaysLeft is 20 or 21));
        Assert.Equal(2, all.Count(e => e.DaysLeft is 3 or 4));
        Assert.All(await LicencesOfAsync(Reminded), l => Assert.Equal(7, l.RemindedDaysBefore));
    }

    [Fact]
    public async Task ARenewal_StartsWhenTheLicenceItRenewsEnds_AndThatOneIsRemindedOfNoMore()
    {
        var first = Guid.NewGuid();
        await factory.ApproveAndPayAsync(first, holder: Renewer);
        var renewal = Guid.NewGuid();
        await factory.ApproveAndPayAsync(renewal, holder: Renewer, renewalOf: first);

        var licences = await LicencesOfAsync(Renewer);
        Assert.Equal(4, licences.Count);
        foreach (var code in new[] { DocumentsAppFactory.Liquor, DocumentsAppFactory.Food })
        {
            var old = licences.Single(l => l.ApplicationId == first && l.LicenceCode == code);
            var renewed = licences.Single(l => l.ApplicationId == renewal && l.LicenceCode == code);
            Assert.Equal(old.ValidUntil, renewed.ValidFrom); // no day lost, no day twice
            Assert.Equal(old.ValidUntil!.Value.AddMonths(12), renewed.ValidUntil);
        }

        // The renewed licences are not reminded of; the renewals are, in their turn.
        var year = licences[0].ValidUntil!.Value - DateTime.UtcNow;
        await RunRemindersAsync(year - TimeSpan.FromDays(30));
        Assert.Empty(await RemindersOfAsync(licences.Where(l => l.ApplicationId == first).Select(l => l.Number)));
        await RunRemindersAsync(year + year - TimeSpan.FromDays(30));
        Assert.Equal(2, (await RemindersOfAsync(licences.Where(l => l.ApplicationId == renewal).Select(l => l.Number))).Count);
    }

    [Fact]
    public async Task MyLicences_OffersTheRenewal_FromNinetyDaysBeforeTheEnd()
    {
        const string holder = "1999900770030";
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application, holder: holder);
        var liquor = (await factory.DocumentsOfAsync(application))[DocumentsAppFactory.Liquor];
        await factory.WithScopeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Documents.Where(d => d.Number == liquor)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ValidUntil, DateTime.UtcNow.AddDays(20).AddHours(-1))));

        using var client = factory.CreateClientAsCitizen(holder);
        var page = await client.GetStringAsync(new Uri("/Documents", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains($"href=\"/Licensing/Applications/{application}/Renew/{DocumentsAppFactory.Liquor}\"", page, StringComparison.Ordinal);
        Assert.Contains("ใบอนุญาตนี้จะหมดอายุใน 20 วัน", page, StringComparison.Ordinal);
        // The food premises licence has a year left: nothing to renew yet.
        Assert.DoesNotContain($"/Renew/{DocumentsAppFactory.Food}", page, StringComparison.Ordinal);
    }
}
