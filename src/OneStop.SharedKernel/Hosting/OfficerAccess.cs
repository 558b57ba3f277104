using System.Security.Claims;

namespace OneStop.SharedKernel.Hosting;

/// <summary>
/// An agency officer as the Digital ID released them to the platform (scope <c>agency</c>): the agency and
/// office they work for and their roles there. Modules check work against it: an officer sees and decides
/// only their own agency's work, and only in the roles they hold.
/// </summary>
public sealed record Officer(string AgencyCode, string? OfficeCode, IReadOnlySet<string> Roles)
{
    /// <summary>The signed-in officer, or null for anyone who is not one.</summary>
    public static Officer? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirst(Claims.AgencyCode)?.Value is not { Length: > 0 } agency)
        {
            return null;
        }

        // One space-separated claim, as the Digital ID writes it (or several claims, as other providers may).
        var roles = user.FindAll(Claims.AgencyRoles).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return new Officer(agency, user.FindFirst(Claims.OfficeCode)?.Value is { Length: > 0 } office ? office : null, roles);
    }

    /// <summary>Whether this officer may act in <paramref name="role"/> on work of <paramref name="agencyCode"/>.</summary>
    public bool May(string role, string agencyCode) => Roles.Contains(role) && string.Equals(AgencyCode, agencyCode, StringComparison.Ordinal);
}

/// <summary>How a signed-in person is named in records (history lines, who refunded or revoked).</summary>
public static class SignedIn
{
    /// <summary>The name claim, else the user name, else the subject.</summary>
    public static string NameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst("name")?.Value ?? user.Identity?.Name ?? SubjectOf(user);
    }

    /// <summary>The signed-in account's subject (the <c>sub</c> claim, or the name identifier of a cookie sign-in).</summary>
    public static string SubjectOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(Claims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("A signed-in user without a subject.");
    }
}
