using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.SharedKernel.Data;

namespace OneStop.Web.Platform;

/// <summary>Ready only while every module's database answers.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var (module, db) in services.ModuleContexts())
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"The database of module '{module}' does not answer.");
            }
        }

        return HealthCheckResult.Healthy();
    }
}
