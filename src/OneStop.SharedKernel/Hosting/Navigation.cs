using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.SharedKernel.Hosting;

/// <summary>A link in the site navigation that a module contributes, in Thai and English.</summary>
public sealed record NavigationItem(string Path, string LabelTh, string LabelEn, int Order = 100)
{
    /// <summary>Who sees the link (for example only officers); everyone when null.</summary>
    public Func<ClaimsPrincipal, bool>? ShownTo { get; init; }

    public string Label(string twoLetterLanguage) => twoLetterLanguage == "th" ? LabelTh : LabelEn;

    public bool IsShownTo(ClaimsPrincipal user) => ShownTo is null || ShownTo(user);
}

/// <summary>
/// A number beside a navigation link for the signed-in person, such as their unread notifications. It is
/// asked on every page a signed-in person opens, so it must be one cheap, indexed query.
/// </summary>
public interface INavigationBadge
{
    /// <summary>The navigation link it belongs to.</summary>
    string Path { get; }

    /// <summary>The number to show, or 0 for none.</summary>
    Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>What the number means, read out after it (e.g. "unread").</summary>
    string Meaning(string twoLetterLanguage);
}

public static class NavigationRegistration
{
    public static IServiceCollection AddNavigation(this IServiceCollection services) => services;

    /// <summary>Adds a module's entry to the site navigation.</summary>
    public static IServiceCollection AddNavigationItem(this IServiceCollection services, NavigationItem item)
        => services.AddSingleton(item);

    /// <summary>Adds a number beside a navigation entry (scoped: it may read the module's database).</summary>
    public static IServiceCollection AddNavigationBadge<TBadge>(this IServiceCollection services)
        where TBadge : class, INavigationBadge
        => services.AddScoped<INavigationBadge, TBadge>();
}
