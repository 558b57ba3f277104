using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;
using OneStop.SharedKernel.Identifiers;
using OneStop.Testing;
using static OneStop.Licensing.Tests.Http.Api;

namespace OneStop.Licensing.Tests.Seeding;

/// <summary>The <c>licensing seed</c> command, with the real catalogue and agency directory.</summary>
public sealed class SeedApplicationsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_TwoHundred_RowsAreConsistentAndTheApiServesThem()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await LicensingModule.RunCommandAsync(factory.Services, ["seed", "--applications", "200", "--seed", "7"], output, error));
        Assert.Contains("200 applications", output.ToString(), StringComparison.Ordinal);

        var (applications, licences, tasks, events) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LicensingDbContext>();
            return (await db.Applications.AsNoTracking().ToListAsync(Ct), await db.Licences.AsNoTracking().ToListAsync(Ct),
                await db.Tasks.AsNoTracking().ToListAsync(Ct), await db.Events.AsNoTracking().ToListAsync(Ct));
        });
        Assert.Equal(200, applications.Count);
        Assert.All(applications, a => Assert.True(ThaiCitizenId.TryParse(a.ApplicantCitizenId, out _), a.ApplicantCitizenId));
        Assert.All(applications.Where(a => a.JuristicId is not null), a => Assert.True(JuristicPersonId.TryParse(a.JuristicId, out _), a.JuristicId));
        Assert.Equal(200, applications.Select(a => a.Number).Distinct().Count());
        Assert.All(applications, a => Assert.InRange(licences.Count(l => l.ApplicationId == a.Id), 1, 3));
        Assert.All(licences, l => Assert.Contains(tasks, t => t.LicenceRequestId == l.Id && t.ApplicationId == l.ApplicationId));
        Assert.All(applications, a => Assert.Contains(events, e => e.ApplicationId == a.Id && e.Kind == ApplicationEventKind.Created));
        Assert.All(applications.Where(a => a.Status != ApplicationStatus.Draft), a => Assert.Contains(events, e => e.ApplicationId == a.Id && e.Kind == ApplicationEventKind.Submitted));
        Assert.True(new[] { ApplicationStatus.Draft, ApplicationStatus.InReview, ApplicationStatus.ActionRequired, ApplicationStatus.Completed }
            .All(s => applications.Any(a => a.Status == s)), "every status is seeded");

        // The applicant's status query and list.
        var mine = applications.First(a => a.JuristicId is null && a.Status == ApplicationStatus.InReview);
        using var citizen = factory.CreateClientAsCitizen(mine.ApplicantCitizenId);
        using var view = await citizen.GetAsync(Url($"/api/licensing/applications/{mine.Id}"), Ct);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("in-review", (await view.JsonAsync()).GetProperty("status").GetString());
        using var list = await citizen.GetAsync(Url("/api/licensing/applications"), Ct);
        Assert.Contains((await list.JsonAsync()).EnumerateArray(), a => a.GetProperty("id").GetGuid() == mine.Id);

        // An officer's queue holds the open task of its office.
        var open = tasks.First(t => t.Status == ReviewTaskStatus.Open);
        using var officer = factory.CreateClientAsOfficer(open.AgencyCode, open.OfficeCode, open.Role);
        using var queue = await officer.GetAsync(Url("/api/licensing/tasks"), Ct);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains((await queue.JsonAsync()).EnumerateArray(), t => t.GetProperty("id").GetGuid() == open.Id);

        // A seeded draft is complete: it submits as is.
        var draft = applications.First(a => a.JuristicId is null && a.Status == ApplicationStatus.Draft);
        using var drafter = factory.CreateClientAsCitizen(draft.ApplicantCitizenId);
        using var submit = await drafter.PostAsJsonAsync(Url($"/api/licensing/applications/{draft.Id}/submit"), new { declaration = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal("in-review", (await submit.JsonAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("seed", "--applications", "0")]
    [InlineData("seed", "--applications", "many")]
    [InlineData("seed", "--applications", "10", "--colour", "red")]
    [InlineData("grow", "--applications", "10")]
    public async Task Seed_BadArguments_ExitsTwoWithAMessage(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await LicensingModule.RunCommandAsync(factory.Services, args, output, error));
        Assert.Contains("usage: licensing seed", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
