using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using OneStop.Exchange.Contracts;
using OneStop.SharedKernel.Hosting;
using OneStop.SyntheticData;

namespace OneStop.Web.Commands;

/// <summary>
/// Commands of the same program, run instead of the web server:
/// <c>dotnet run --project src/OneStop.Web -- seed --citizens 10000 --companies 2000 --seed 42 [--out data/synthetic]</c>.
/// </summary>
internal static class ProgramCommands
{
    private static readonly string[] Names = ["seed", "exchange", "identity", "licensing"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        try
        {
            return args[0] switch
            {
                "seed" => await SeedAsync(services, SeedOptions.Parse(args.AsSpan(1))),
                "exchange" when args is [_, "verify-log"] => await VerifyLogAsync(services),
                "exchange" when args is [_, "verify-log", "--witness", var file] => await CheckWitnessAsync(services, file),
                "exchange" when args is [_, "export-witness", "--out", var file] => await ExportWitnessAsync(services, file),
                "exchange" when args is [_, "archive-log", ..] => await ArchiveLogAsync(services, args.AsSpan(2).ToArray()),
                "identity" => await Identity.IdentityModule.RunCommandAsync(services, args[1..], Console.Out, Console.Error),
                "licensing" => await LicensingAsync(services, args[1..]),
                _ => throw new CommandLineException($"Unknown command: {string.Join(' ', args)}."),
            };
        }
        catch (CommandLineException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: seed [--citizens N] [--companies N] [--seed N] [--out DIR] | exchange verify-log [--witness FILE] | exchange export-witness --out FILE | exchange archive-log [--older-than-days N] | " + Identity.IdentityModule.CommandUsage);
            return 2;
        }
    }

    private static async Task<int> SeedAsync(IServiceProvider services, SeedOptions options)
    {
        var started = TimeProvider.System.GetTimestamp();
        var data = new SyntheticDataGenerator(options.Seed).Generate(options.Citizens, options.Companies);
        Directory.CreateDirectory(options.Out);
        await WriteJsonLinesAsync(Path.Combine(options.Out, "citizens.jsonl"), data.Citizens);
        await WriteJsonLinesAsync(Path.Combine(options.Out, "companies.jsonl"), data.Companies);

        using var scope = services.CreateScope();
        var sinks = scope.ServiceProvider.GetServices<ISyntheticDataSink>().ToList();
        foreach (var sink in sinks)
        {
            await sink.StoreAsync(data, CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {options.Seed}: {data.Citizens.Count} citizens, {data.Companies.Count} companies written to {Path.GetFullPath(options.Out)} and stored by {sinks.Count} module(s) in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s"));
        return 0;
    }

    /// <summary>Licensing's commands route reviews through the agency directory: its reference data is seeded first, as at start-up.</summary>
    private static async Task<int> LicensingAsync(IServiceProvider services, string[] args)
    {
        await services.SeedModulesAsync(services.GetRequiredService<IConfiguration>());
        return await Licensing.LicensingModule.RunCommandAsync(services, args, Console.Out, Console.Error);
    }

    /// <summary>
    /// Verifies the exchange's message log and the consent history; exit code 1 names the first altered
    /// record, event or consent.
    /// </summary>
    private static async Task<int> VerifyLogAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var log = await NotThrowingAsync("message log", () => scope.ServiceProvider.GetRequiredService<IMessageLogVerifier>().VerifyAsync(CancellationToken.None));
        if (log is not null)
        {
            Console.WriteLine(log.Intact
                ? string.Create(CultureInfo.InvariantCulture, $"message log intact: {log.Records} records verified (hash chain and ES256 signatures)")
                : string.Create(CultureInfo.InvariantCulture, $"message log ALTERED: record {log.FirstAlteredSequence} fails verification: {log.Problem} ({log.Records} records before it verified)"));
        }

        var consents = await NotThrowingAsync("consent history", () => scope.ServiceProvider.GetRequiredService<IConsentHistoryVerifier>().VerifyAsync(CancellationToken.None));
        if (consents is not null)
        {
            Console.WriteLine(consents.Intact
                ? string.Create(CultureInfo.InvariantCulture, $"consent history intact: {consents.Events} events, {consents.Consents} consents agree with them")
                : $"consent history ALTERED: {consents.Problem}");
        }

        return log is { Intact: true } && consents is { Intact: true } ? 0 : 1;
    }

    /// <summary>
    /// Runs one verification. Whatever the database holds, an auditor gets an answer naming what could
    /// not be verified and a failing exit code, never a stack trace instead of the other checks.
    /// </summary>
    private static async Task<T?> NotThrowingAsync<T>(string what, Func<Task<T>> verify)
        where T : class
    {
        try
        {
            return await verify();
        }
#pragma warning disable CA1031 // any failure is an answer here: the data cannot be verified
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.WriteLine($"{what} NOT VERIFIED: the verification failed ({ex.GetType().Name}: {ex.Message})");
            return null;
        }
    }

    /// <summary>Writes a witness of the log (checkpoints, head, archives, public keys) to keep outside.</summary>
    private static async Task<int> ExportWitnessAsync(IServiceProvider services, string file)
    {
        using var scope = services.CreateScope();
        await File.WriteAllTextAsync(file, await scope.ServiceProvider.GetRequiredService<IMessageLogArchiver>().ExportWitnessAsync(CancellationToken.None));
        Console.WriteLine($"witness written to {Path.GetFullPath(file)}: keep it outside this system");
        return 0;
    }

    /// <summary>Verifies the log, then checks it against a witness exported earlier.</summary>
    private static async Task<int> CheckWitnessAsync(IServiceProvider services, string file)
    {
        if (!File.Exists(file))
        {
            throw new CommandLineException($"No witness file {file}.");
        }

        var verified = await VerifyLogAsync(services);
        using var scope = services.CreateScope();
        var problem = await scope.ServiceProvider.GetRequiredService<IMessageLogArchiver>().CheckWitnessAsync(await File.ReadAllTextAsync(file), CancellationToken.None);
        Console.WriteLine(problem is null ? "the log agrees with the witness" : $"the log DISAGREES with the witness: {problem}");
        return problem is null ? verified : 1;
    }

    /// <summary>Moves records older than the retention period (or <c>--older-than-days N</c>) into an archive file.</summary>
    private static async Task<int> ArchiveLogAsync(IServiceProvider services, string[] options)
    {
        DateTime? olderThan = options switch
        {
            [] => null,
            ["--older-than-days", var n] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var days) => DateTime.UtcNow.AddDays(-days),
            _ => throw new CommandLineException($"Unknown options: {string.Join(' ', options)}."),
        };
        using var scope = services.CreateScope();
        var archiver = scope.ServiceProvider.GetRequiredService<IMessageLogArchiver>();
        var result = await archiver.ArchiveAsync(olderThan, CancellationToken.None);
        Console.WriteLine(result.Records > 0
            ? string.Create(CultureInfo.InvariantCulture, $"archived {result.Records} message-log records to {result.File}")
            : $"nothing archived: {result.Note}");
        return 0;
    }

    private static readonly JsonSerializerOptions JsonLines = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Thai),
    };

    private static async Task WriteJsonLinesAsync<T>(string path, IEnumerable<T> items)
    {
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        foreach (var item in items)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(item, JsonLines));
        }
    }

    internal sealed record SeedOptions(int Citizens, int Companies, int Seed, string Out)
    {
        public static SeedOptions Parse(ReadOnlySpan<string> args)
        {
            var options = new SeedOptions(1000, 200, 42, Path.Combine("data", "synthetic"));
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (i + 1 >= args.Length)
                {
                    throw new CommandLineException($"{name} needs a value.");
                }

                var value = args[++i];
                options = name switch
                {
                    "--citizens" => options with { Citizens = Count(name, value, 1_000_000) },
                    "--companies" => options with { Companies = Count(name, value, 200_000) },
                    "--seed" => options with { Seed = Count(name, value, int.MaxValue) },
                    "--out" => options with { Out = value },
                    _ => throw new CommandLineException($"Unknown option {name}."),
                };
            }

            return options;
        }

        private static int Count(string name, string value, int max)
            => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max
                ? n
                : throw new CommandLineException($"{name} must be a whole number from 0 to {max}.");
    }
}

internal sealed class CommandLineException(string message) : Exception(message);
