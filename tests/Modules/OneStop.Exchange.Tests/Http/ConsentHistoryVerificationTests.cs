using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>
/// Editing a consent behind the history's back is found by <c>exchange verify-log</c>. The app is this
/// class's own: each test alters its data and puts it back.
/// </summary>
public sealed class ConsentHistoryVerificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Scholarship = "TH/GOV/DEMO/scholarship";

    private Task<ConsentHistoryVerification> VerifyAsync()
        => app.WithScopeAsync(s => s.GetRequiredService<IConsentHistoryVerifier>().VerifyAsync(default));

    /// <summary>A consent granted and, when asked, withdrawn through the API.</summary>
    private async Task<Guid> ConsentAsync(bool withdraw)
    {
        var citizen = app.CreateClientAsCitizen(ThirdDocumentedCitizen);
        var granted = await citizen.PostAsJsonAsync("/api/exchange/consents", new { client = Scholarship, service = Persons, purpose = "Verify " + Guid.NewGuid().ToString("N")[..6], days = 30 });
        granted.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        if (withdraw)
        {
            (await citizen.PostAsync(new Uri($"/api/exchange/consents/{id}/withdraw", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }

        return id;
    }

    /// <summary>Applies an edit, returns what verification says, and undoes the edit.</summary>
    private async Task<string?> ProblemAfterAsync(Guid id, Func<IQueryable<Consent>, Task<int>> edit)
    {
        var original = await app.WithDbAsync(db => db.Consents.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(1, await app.WithDbAsync(db => edit(db.Consents.Where(c => c.Id == id))));
        var problem = (await VerifyAsync()).Problem;
        await app.WithDbAsync(async db =>
        {
            await db.Consents.Where(c => c.Id == id).ExecuteDeleteAsync();
            db.Consents.Add(original);
            return await db.SaveChangesAsync();
        });
        return problem;
    }

    [Fact]
    public async Task Consents_GrantedAndWithdrawnThroughTheApi_Verify()
    {
        await ConsentAsync(withdraw: false);
        await ConsentAsync(withdraw: true);

        var result = await VerifyAsync();

        Assert.True(result.Intact, result.Problem);
        Assert.True(result.Events >= 3);
        Assert.True(result.Consents >= 2);
    }

    [Fact]
    public async Task WithdrawnConsent_QuietlyRevived_IsNamed()
    {
        var id = await ConsentAsync(withdraw: true);

        var problem = await ProblemAfterAsync(id, c => c.ExecuteUpdateAsync(u => u.SetProperty(x => x.WithdrawnAt, (DateTime?)null)));

        Assert.Equal($"consent {id} differs from its history: it was withdrawn, but no longer shows it", problem);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Consent_ExtendedOrRedirected_IsNamed()
    {
        var id = await ConsentAsync(withdraw: false);

        var extended = await ProblemAfterAsync(id, c => c.ExecuteUpdateAsync(u => u.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddYears(5))));
        var redirected = await ProblemAfterAsync(id, c => c.ExecuteUpdateAsync(u => u.SetProperty(x => x.ClientId, DemoClient)));

        Assert.StartsWith($"consent {id} differs from its history: its grant", extended, StringComparison.Ordinal);
        Assert.StartsWith($"consent {id} differs from its history: its grant", redirected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_WithdrawnWithoutAnEvent_OrAddedWithoutOne_IsNamed()
    {
        var id = await ConsentAsync(withdraw: false);

        var withdrawn = await ProblemAfterAsync(id, c => c.ExecuteUpdateAsync(u => u.SetProperty(x => x.WithdrawnAt, DateTime.UtcNow)));
        await app.AddConsentAsync(ThirdDocumentedCitizen, DemoClient, Persons, DateTime.UtcNow.AddDays(1));
        var added = (await VerifyAsync()).Problem;

        Assert.Equal($"consent {id} differs from its history: it is marked withdrawn, but no withdrawal was recorded", withdrawn);
        Assert.Contains("differs from its history: it has no grant event", added, StringComparison.Ordinal);
        await app.WithDbAsync(db => db.Consents.Where(c => c.DataSubject == ThirdDocumentedCitizen && c.ClientId == DemoClient).ExecuteDeleteAsync());
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Consent_DeletedFromTheTable_IsNamed()
    {
        var id = await ConsentAsync(withdraw: false);

        var problem = await ProblemAfterAsync(id, c => c.ExecuteDeleteAsync());

        Assert.StartsWith($"consent {id} is in the history (event ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Consent_WithASecondGrantOrWithdrawal_IsNamedNotThrown(bool withdrawal)
    {
        var (kind, named) = withdrawal ? (ConsentEventKind.Withdrawn, "withdrawal") : (ConsentEventKind.Granted, "grant");
        var id = await ConsentAsync(withdraw: true);
        var first = await app.WithDbAsync(db => db.ConsentEvents.AsNoTracking().SingleAsync(e => e.ConsentId == id && e.Kind == kind));
        // A well-chained duplicate, as two requests at once used to write: only the count gives it away.
        var duplicate = await app.WithDbAsync(async db =>
        {
            var last = await db.ConsentEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
            var e = new ConsentEvent
            {
                Sequence = last.Sequence + 1, ConsentId = id, Kind = kind, At = first.At, DataSubject = first.DataSubject, ClientId = first.ClientId,
                ServiceId = first.ServiceId, Purpose = first.Purpose, ExpiresAt = first.ExpiresAt, PreviousHash = last.Hash, Hash = string.Empty,
            };
            e.Hash = DataSubjects.Consents.HashOf(e);
            db.ConsentEvents.Add(e);
            await db.SaveChangesAsync();
            return e.Sequence;
        });

        var result = await VerifyAsync();
        await app.WithDbAsync(db => db.ConsentEvents.Where(e => e.Sequence == duplicate).ExecuteDeleteAsync());

        Assert.Equal($"consent {id} differs from its history: it has 2 {named} events ({first.Sequence}, {duplicate}), not one", result.Problem);
        Assert.True((await VerifyAsync()).Intact);
    }
}
