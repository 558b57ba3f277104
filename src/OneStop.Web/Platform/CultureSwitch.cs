using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using OneStop.SharedKernel.Http;

namespace OneStop.Web.Platform;

/// <summary>Remembers the chosen language in the standard culture cookie.</summary>
internal static class CultureSwitch
{
    public static void MapCultureSwitch(this WebApplication app)
        => app.MapPost("/culture", SetCulture).ExcludeFromDescription();

    private static IResult SetCulture(HttpContext context, [FromForm] string culture, [FromForm] string? returnUrl)
    {
        if (!PlatformSetup.SupportedCultures.Any(c => c.Name == culture))
        {
            return TypedResults.Problem(statusCode: 400, title: "Unsupported language.", detail: "Choose 'th' or 'en'.");
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = LocalUrl.OrElse(returnUrl, "/");
        return TypedResults.LocalRedirect(target);
    }
}
