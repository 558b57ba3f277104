using OneStop.SyntheticData;

namespace OneStop.Web.Commands;

/// <summary>
/// Demo people and companies for a fresh installation (<c>DemoData:Enabled</c>), from the same
/// generator as the <c>seed</c> command, handed to every module that stores synthetic data.
/// </summary>
internal static class DemoData
{
    public static async Task SeedDemoPeopleAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        if (!configuration.GetValue("DemoData:Enabled", false))
        {
            return;
        }

        using var scope = services.CreateScope();
        var sinks = scope.ServiceProvider.GetServices<ISyntheticDataSink>().ToList();
        if (sinks.Count == 0)
        {
            return;
        }

        var data = new SyntheticDataGenerator(configuration.GetValue("DemoData:Seed", 42))
            .Generate(configuration.GetValue("DemoData:Citizens", 200), configuration.GetValue("DemoData:Companies", 50));
        foreach (var sink in sinks)
        {
            await sink.StoreAsync(data, cancellationToken);
        }
    }
}
