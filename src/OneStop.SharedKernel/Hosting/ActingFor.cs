using System.Security.Claims;
using System.Text.Json;

namespace OneStop.SharedKernel.Hosting;

/// <summary>The company a signed-in person acts for, as the Digital ID released it to the platform (scope <c>companies</c>).</summary>
public static class ActingFor
{
    /// <summary>The juristic ID acted for, when it is one of the person's companies; null when they act for themselves.</summary>
    public static string? JuristicId(ClaimsPrincipal user)
        => Company(user) is { } company ? company.JuristicId : null;

    /// <summary>The name of the company acted for, for the page header; null when they act for themselves.</summary>
    public static string? CompanyName(ClaimsPrincipal user) => Company(user)?.Name;

    private static (string JuristicId, string Name)? Company(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var actFor = user.FindFirst(PlatformClient.ActForClaim)?.Value;
        var companies = user.FindFirst(PlatformClient.CompaniesClaim)?.Value;
        if (string.IsNullOrEmpty(actFor) || string.IsNullOrEmpty(companies))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(companies);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(actFor, out var company) && company.ValueKind == JsonValueKind.Object
                && company.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } text
                ? (actFor, text)
                : null;
        }
        catch (JsonException)
        {
            return null; // not the Digital ID's shape: act for nobody rather than guess
        }
    }
}
