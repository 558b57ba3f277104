using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Licensing.Seeding;

/// <summary><c>licensing seed --applications N [--seed N]</c>: synthetic applications for load tests (see <see cref="SeedApplications"/>).</summary>
internal static class SeedCommand
{
    public const string Usage = "licensing seed --applications N [--seed N]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (Parse(args) is not { } request)
        {
            await error.WriteLineAsync(ParseError(args) + Environment.NewLine + "usage: " + Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SeedApplications.Handler>().HandleAsync(request, CancellationToken.None);
        if (!result.IsSuccess)
        {
            await error.WriteLineAsync(result.Error!.Message);
            return 1;
        }

        var s = result.Value!;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"seed {request.Seed}: {s.Applications} applications, {s.Licences} licences, {s.Tasks} review tasks, {s.Events} events, {s.Documents} documents in {s.Took.TotalSeconds:F1} s ({s.Applications / Math.Max(s.Took.TotalSeconds, 0.001):F0} applications/s)"));
        return 0;
    }

    internal static SeedApplications.Request? Parse(IReadOnlyList<string> args) => ParseError(args) is null ? Read(args) : null;

    private static string? ParseError(IReadOnlyList<string> args)
    {
        try
        {
            Read(args);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    private static SeedApplications.Request Read(IReadOnlyList<string> args)
    {
        if (args is not ["seed", ..])
        {
            throw new ArgumentException(args.Count == 0 ? "Name a licensing command." : $"Unknown licensing command '{args[0]}'.");
        }

        int? applications = null;
        var seed = 42;
        for (var i = 1; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--applications": applications = Number(args[i], value, 1, SeedApplications.MaxApplications); break;
                case "--seed": seed = Number(args[i], value, 0, int.MaxValue); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }

            i++;
        }

        return new SeedApplications.Request(applications ?? throw new ArgumentException("Say how many: --applications N."), seed);
    }

    private static int Number(string name, string value, int min, int max)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}."));
}
