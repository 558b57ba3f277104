using System.Security.Claims;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Server;

/// <summary>What a provider session remembers beyond who the person is: how and when they signed in, and whom they act for.</summary>
internal static class Sessions
{
    /// <summary>Claims a re-issued or refreshed session cookie must keep, or the session would lose its assurance level.</summary>
    public static List<Claim> Kept(ClaimsPrincipal? session, bool keepActFor = true)
        => session?.Claims.Where(c => c.Type is Claims.AuthenticationMethodReference or Claims.AuthenticationTime
            || (keepActFor && c.Type == OidcServer.ExtraClaims.ActFor)).ToList() ?? [];
}
