using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Identity.Clients;

/// <summary>
/// <c>identity add-client --client-id ID --name NAME [--name-th NAME] (--jwks FILE | --secret-env VARIABLE)
/// [--scope S]... [--redirect-uri URI]... [--introspection]</c>: the secret is read from an environment
/// variable, so that it stays out of the shell's history and the process list.
/// </summary>
internal static class ClientCommands
{
    public const string Usage = "identity add-client --client-id ID --name NAME [--name-th NAME] (--jwks FILE | --secret-env VARIABLE) [--scope S]... [--redirect-uri URI]... [--introspection]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is not ["add-client", ..])
        {
            await error.WriteLineAsync("usage: " + Usage);
            return 2;
        }

        string? clientId = null, name = null, nameTh = null, jwksFile = null, secretVariable = null;
        List<string> scopes = [], redirects = [];
        var introspection = false;
        for (var i = 1; i < args.Count; i++)
        {
            string Next() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--client-id": clientId = Next(); break;
                    case "--name": name = Next(); break;
                    case "--name-th": nameTh = Next(); break;
                    case "--jwks": jwksFile = Next(); break;
                    case "--secret-env": secretVariable = Next(); break;
                    case "--scope": scopes.Add(Next()); break;
                    case "--redirect-uri": redirects.Add(Next()); break;
                    case "--introspection": introspection = true; break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync(ex.Message + Environment.NewLine + "usage: " + Usage);
                return 2;
            }
        }

        string? jwks = null;
        if (jwksFile is not null)
        {
            if (!File.Exists(jwksFile))
            {
                await error.WriteLineAsync($"No key file at {Path.GetFullPath(jwksFile)}.");
                return 2;
            }

            jwks = await File.ReadAllTextAsync(jwksFile);
        }

        var secret = secretVariable is null ? null : Environment.GetEnvironmentVariable(secretVariable);
        if (secretVariable is not null && string.IsNullOrEmpty(secret))
        {
            await error.WriteLineAsync($"The environment variable {secretVariable} is empty.");
            return 2;
        }

        using var scope = services.CreateScope();
        var result = await ActivatorUtilities.CreateInstance<RegisterClient.Handler>(scope.ServiceProvider)
            .HandleAsync(new RegisterClient.Request(clientId, name, nameTh, jwks, secret, redirects, scopes, introspection), CancellationToken.None);
        if (result.Error is { } problem)
        {
            await error.WriteLineAsync(problem.Field is null ? problem.Message : $"--{problem.Field}: {problem.Message}");
            return 1;
        }

        await output.WriteLineAsync($"client {result.Value} registered");
        return 0;
    }
}
