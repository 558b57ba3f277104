using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Registries.Data;
using OneStop.Registries.Seeding;
using OneStop.SyntheticData;
using OneStop.Testing;

namespace OneStop.Registries.Tests.Seeding;

public sealed class RegistriesSinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Contents(
        IReadOnlySet<string> Persons, IReadOnlySet<string> Companies, IReadOnlySet<(string JuristicId, string CitizenId)> Directors, int Traders);

    [Fact]
    public async Task Sink_IsTheRegistriesOwnAndFedTheDemoData()
    {
        var contents = await ReadAsync();
        Assert.Superset(RegistryTestData.Demo.Citizens.Select(c => c.CitizenId.Value).ToHashSet(), (HashSet<string>)contents.Persons);
        Assert.Superset(RegistryTestData.Demo.Companies.Select(c => c.JuristicId.Value).ToHashSet(), (HashSet<string>)contents.Companies);
    }

    [Fact]
    public async Task StoreAsync_SameSetTwice_AddsNothingTheSecondTime()
    {
        var set = new SyntheticDataGenerator(42).Generate(50, 10);
        await StoreAsync(set);
        var once = await ReadAsync();

        await StoreAsync(set);
        var twice = await ReadAsync();

        Assert.Equal(once.Persons.Count, twice.Persons.Count);
        Assert.Equal(once.Companies.Count, twice.Companies.Count);
        Assert.Equal(once.Directors.Count, twice.Directors.Count);
        Assert.Equal(once.Traders, twice.Traders);
        Assert.True(once.Persons.SetEquals(twice.Persons));
        Assert.True(once.Companies.SetEquals(twice.Companies));
    }

    [Fact]
    public async Task StoreAsync_BiggerSetFromTheSameSeed_AddsOnlyTheNewRecords()
    {
        var before = await ReadAsync();
        var bigger = new SyntheticDataGenerator(42).Generate(80, 16);
        var newPersons = bigger.Citizens.Select(c => c.CitizenId.Value).Where(id => !before.Persons.Contains(id)).ToList();
        var newCompanies = bigger.Companies.Where(c => !before.Companies.Contains(c.JuristicId.Value)).ToList();
        Assert.NotEmpty(newPersons);
        Assert.NotEmpty(newCompanies);

        await StoreAsync(bigger);
        var after = await ReadAsync();

        Assert.Equal(before.Persons.Count + newPersons.Count, after.Persons.Count);
        Assert.True(after.Persons.SetEquals(before.Persons.Concat(bigger.Citizens.Select(c => c.CitizenId.Value))));
        Assert.Equal(before.Companies.Count + newCompanies.Count, after.Companies.Count);
        Assert.True(after.Companies.SetEquals(before.Companies.Concat(bigger.Companies.Select(c => c.JuristicId.Value))));
        Assert.Equal(before.Directors.Count + newCompanies.Sum(c => c.Directors.Count), after.Directors.Count);
        Assert.True(after.Traders >= before.Traders);
    }

    [Fact]
    public async Task StoreAsync_RecordAlreadyPresent_IsLeftAsItIs()
    {
        var citizenId = RegistryTestData.DocumentedCitizenIds[5];
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<RegistriesDbContext>();
            var person = await db.Persons.SingleAsync(p => p.CitizenId == citizenId);
            person.GivenNameEn = "Changed";
            return await db.SaveChangesAsync();
        });

        await StoreAsync(new SyntheticDataGenerator(42).Generate(50, 10));

        var name = await app.WithScopeAsync(s => s.GetRequiredService<RegistriesDbContext>().Persons
            .Where(p => p.CitizenId == citizenId).Select(p => p.GivenNameEn).SingleAsync());
        Assert.Equal("Changed", name);
    }

    private Task<bool> StoreAsync(SyntheticDataSet set)
        => app.WithScopeAsync(async s =>
        {
            var sink = Assert.Single(s.GetServices<ISyntheticDataSink>().OfType<RegistriesSink>());
            await sink.StoreAsync(set, TestContext.Current.CancellationToken);
            return true;
        });

    private Task<Contents> ReadAsync()
        => app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<RegistriesDbContext>();
            var persons = await db.Persons.Select(p => p.CitizenId).ToListAsync();
            var companies = await db.Companies.Select(c => c.JuristicId).ToListAsync();
            var directors = await db.Directors.Select(d => new { d.JuristicId, d.CitizenId }).ToListAsync();
            var traders = await db.Traders.CountAsync();
            return new Contents(
                persons.ToHashSet(StringComparer.Ordinal),
                companies.ToHashSet(StringComparer.Ordinal),
                directors.Select(d => (d.JuristicId, d.CitizenId)).ToHashSet(),
                traders);
        });
}
