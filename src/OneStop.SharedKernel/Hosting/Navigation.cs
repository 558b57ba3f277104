using Microsoft.Extensions.DependencyInjection;

namespace OneStop.SharedKernel.Hosting;

/// <summary>A link in the site navigation that a module contributes, in Thai and English.</summary>
public sealed record NavigationItem(string Path, string LabelTh, string LabelEn, int Order = 100)
{
    public string Label(string twoLetterLanguage) => twoLetterLanguage == "th" ? LabelTh : LabelEn;
}

public static class NavigationRegistration
{
    public static IServiceCollection AddNavigation(this IServiceCollection services) => services;

    /// <summary>Adds a module's entry to the site navigation.</summary>
    public static IServiceCollection AddNavigationItem(this IServiceCollection services, NavigationItem item)
        => services.AddSingleton(item);
}
