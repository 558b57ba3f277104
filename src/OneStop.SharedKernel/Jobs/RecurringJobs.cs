using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneStop.SharedKernel.Jobs;

/// <summary>
/// Work a module does on a schedule (housekeeping, archiving, delivering the outbox). With several
/// nodes on one database, each run happens on one node only: the node that takes the job's lease.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Unique among jobs, up to 100 characters: the lease's key.</summary>
    string Name { get; }

    /// <summary>How long after a run ends the next one is due.</summary>
    TimeSpan Interval { get; }

    /// <summary>How long one run may take before another node may take the job over (the holder is presumed dead).</summary>
    TimeSpan MaxRunTime { get; }

    /// <summary>Whether the job runs at all on this node's configuration.</summary>
    bool Enabled => true;

    /// <summary>One run, with a scope of its own.</summary>
    Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

/// <summary>Takes and gives back job leases; <see cref="TryTakeAsync"/> is a single conditional UPDATE, so two nodes never both win.</summary>
public sealed class JobLeases<TContext>(TContext db, TimeProvider clock)
    where TContext : DbContext, IJobLeaseContext
{
    /// <summary>A lease that ended long ago (a plain UTC date: PostgreSQL's timestamptz takes no DateTime.MinValue of unknown kind).</summary>
    private static readonly DateTime NeverLeased = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string Holder = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>True when this node may run the job now: it is due and no live lease is held by another node.</summary>
    public async Task<bool> TryTakeAsync(IRecurringJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await TakeAsync(job, cancellationToken))
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == job.Name, cancellationToken))
        {
            return false; // not due, or another node runs it
        }

        // The job's first start anywhere: it is first due one interval from now, as a timer would be.
        db.JobLeases.Add(new JobLease { Name = job.Name, LastRunAt = clock.GetUtcNow().UtcDateTime, LeasedUntil = NeverLeased });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node added it at the same moment: the row is there, which is all that matters.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return false;
    }

    private async Task<bool> TakeAsync(IRecurringJob job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dueBefore = now - job.Interval;
        var until = now + job.MaxRunTime;
        return await db.JobLeases
            .Where(l => l.Name == job.Name && l.LeasedUntil <= now && l.LastRunAt <= dueBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.LeasedUntil, until), cancellationToken) == 1;
    }

    /// <summary>Records the run's end and frees the lease.</summary>
    public async Task ReleaseAsync(IRecurringJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.JobLeases.Where(l => l.Name == job.Name && l.Holder == Holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastRunAt, now).SetProperty(l => l.LeasedUntil, now), cancellationToken);
    }
}

/// <summary>Runs every registered <see cref="IRecurringJob"/> when it is due and this node takes its lease.</summary>
internal sealed partial class RecurringJobsService<TContext>(
    IEnumerable<IRecurringJob> jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecurringJobsService<TContext>> logger) : BackgroundService
    where TContext : DbContext, IJobLeaseContext
{
    /// <summary>How often a node looks whether a job is due.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var enabled = jobs.Where(j => j.Enabled).ToList();
        if (enabled.Count == 0)
        {
            return;
        }

        // A job is looked at once per interval, at most once a minute: an hourly job costs the
        // database a lease query a minute, not one a second.
        var nextLook = enabled.ToDictionary(j => j, _ => DateTimeOffset.MinValue);
        using var timer = new PeriodicTimer(enabled.Select(j => j.Interval).Append(Tick).Min(), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var job in enabled)
            {
                var now = clock.GetUtcNow();
                if (now < nextLook[job])
                {
                    continue;
                }

                nextLook[job] = now + (job.Interval < LongestWait ? job.Interval : LongestWait);
                await RunIfDueAsync(scopes, job, logger, stoppingToken);
            }
        }
    }

    /// <summary>The longest a due job waits for a node to notice it.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    /// <summary>One look at one job: takes the lease if the job is due, runs it, gives the lease back. True when it ran.</summary>
    public static async Task<bool> RunIfDueAsync(IServiceScopeFactory scopes, IRecurringJob job, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases<TContext>>();
            if (!await leases.TryTakeAsync(job, cancellationToken))
            {
                return false;
            }

            try
            {
                await using var work = scopes.CreateAsyncScope();
                await job.RunAsync(work.ServiceProvider, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, job.Name, job.Interval);
            }
            finally
            {
                await leases.ReleaseAsync(job, CancellationToken.None);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease's database is down: nothing ran, the next tick tries again.
            LogLeaseFailed(logger, ex, job.Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recurring job {Job} failed; it is due again in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring job {Job}: its lease could not be read or taken")]
    private static partial void LogLeaseFailed(ILogger logger, Exception exception, string job);
}

public static class RecurringJobRegistration
{
    /// <summary>Runs the registered jobs on this node, with their leases in <typeparamref name="TContext"/> (the platform's database).</summary>
    public static IServiceCollection AddRecurringJobs<TContext>(this IServiceCollection services)
        where TContext : DbContext, IJobLeaseContext
    {
        services.AddScoped<JobLeases<TContext>>();
        services.AddHostedService<RecurringJobsService<TContext>>();
        return services;
    }

    /// <summary>A module's job (a singleton: it keeps no state between runs, the lease row does).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services)
        where TJob : class, IRecurringJob
        => services.AddSingleton<IRecurringJob, TJob>();
}
