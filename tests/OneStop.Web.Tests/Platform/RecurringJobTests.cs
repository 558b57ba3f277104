using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.SharedKernel.Jobs;
using OneStop.Testing;
using OneStop.Web.Data;

namespace OneStop.Web.Tests.Platform;

/// <summary>A recurring job runs on one node at a time, when due, and another node takes over the lease of one that died.</summary>
public sealed class RecurringJobTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed class Job(string name) : IRecurringJob
    {
        public string Name => name;

        public TimeSpan Interval => TimeSpan.FromHours(1);

        public TimeSpan MaxRunTime => TimeSpan.FromMinutes(5);

        public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private async Task SetAsync(string name, DateTime lastRunAt, DateTime leasedUntil)
        => await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            db.JobLeases.Add(new JobLease { Name = name, LastRunAt = lastRunAt, LeasedUntil = leasedUntil, Holder = "a node that died" });
            return await db.SaveChangesAsync();
        });

    private Task<bool> TryTakeAsync(IRecurringJob job)
        => app.WithScopeAsync(s => s.GetRequiredService<JobLeases<PlatformDbContext>>().TryTakeAsync(job, CancellationToken.None));

    [Fact]
    public async Task ADueJob_IsTakenByOneNodeOfMany()
    {
        var job = new Job($"test.due-{Guid.NewGuid():N}");
        await SetAsync(job.Name, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2));

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => TryTakeAsync(job))));

        Assert.Single(taken, t => t);
    }

    [Fact]
    public async Task AJobThatRanJustNow_IsNotDue_UntilItsIntervalHasPassed()
    {
        var job = new Job($"test.ran-{Guid.NewGuid():N}");
        await SetAsync(job.Name, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2));
        Assert.True(await TryTakeAsync(job));
        await app.WithScopeAsync(async s => { await s.GetRequiredService<JobLeases<PlatformDbContext>>().ReleaseAsync(job, CancellationToken.None); return 0; });

        Assert.False(await TryTakeAsync(job));
    }

    [Fact]
    public async Task ALiveLease_IsNotTaken_ALapsedOne_IsTakenOver()
    {
        var held = new Job($"test.held-{Guid.NewGuid():N}");
        var lapsed = new Job($"test.lapsed-{Guid.NewGuid():N}");
        await SetAsync(held.Name, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(4));
        await SetAsync(lapsed.Name, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-1));

        Assert.False(await TryTakeAsync(held));
        Assert.True(await TryTakeAsync(lapsed));
    }

    [Fact]
    public async Task AJobNeverSeenBefore_GetsItsRow_AndIsFirstDueAnIntervalLater()
    {
        var job = new Job($"test.new-{Guid.NewGuid():N}");

        var first = await TryTakeAsync(job);

        Assert.False(first);
        var row = await app.WithScopeAsync(s => s.GetRequiredService<PlatformDbContext>().JobLeases.SingleAsync(l => l.Name == job.Name));
        Assert.InRange(row.LastRunAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
    }

    [Fact]
    public void TheModulesJobs_AreRegistered()
    {
        var names = app.Services.GetServices<IRecurringJob>().Select(j => j.Name).ToList();

        Assert.Contains("outbox", names);
        Assert.Contains("identity.housekeeping", names);
        Assert.Contains("exchange.message-log-retention", names);
    }
}
