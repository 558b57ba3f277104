using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OneStop.SharedKernel.Hosting;

/// <summary>
/// The site's public address (<c>Platform:PublicOrigin</c>, e.g. <c>https://onestop.example.go.th</c>):
/// the only origin put in links that leave the site (e-mails, QR codes). A request's Host header is
/// never used for them, since anyone can forge it and have a victim mailed a link to another site.
/// </summary>
public sealed class PublicOrigin
{
    public const string Key = "Platform:PublicOrigin";

    /// <summary>Development's default: where <c>dotnet run</c> serves the site (launchSettings.json).</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    private PublicOrigin(Uri origin) => Value = origin.GetLeftPart(UriPartial.Authority);

    /// <summary>Scheme, host and port, with no trailing slash.</summary>
    public string Value { get; }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with "/") on this site.</summary>
    public string Link(string pathAndQuery) => Value + pathAndQuery;

    /// <summary>
    /// Reads and checks the setting. Outside Development and tests a missing or malformed one stops
    /// start-up: a production node must not guess its own address.
    /// </summary>
    public static PublicOrigin From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
            {
                return new PublicOrigin(new Uri(DevelopmentDefault));
            }

            throw new InvalidOperationException(
                $"Set {Key} to the site's public address (for example https://onestop.example.go.th; see docs/operations.md): links in e-mails are made from it.");
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{Key} must be a scheme and a host (and port), such as https://onestop.example.go.th, not '{configured}'.");
        }

        return new PublicOrigin(uri);
    }
}

public static class PublicOriginRegistration
{
    /// <summary>Registers the checked <see cref="PublicOrigin"/>, failing start-up when production lacks it.</summary>
    public static IServiceCollection AddPublicOrigin(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
        => services.AddSingleton(PublicOrigin.From(configuration, environment));
}
