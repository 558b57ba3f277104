using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace OneStop.Identity.Server;

/// <summary>
/// Authenticator assurance (NIST SP 800-63B) as <c>acr</c> values, and how a sign-in's <c>amr</c>
/// methods reach them. Identity assurance (IAL) travels separately, as verified claims.
/// </summary>
internal static class Assurance
{
    public const string Aal1 = "urn:onestop:aal:1";
    public const string Aal2 = "urn:onestop:aal:2";
    public const string Aal2PhishingResistant = "urn:onestop:aal:2:phishing-resistant";

    /// <summary>Advertised in discovery, weakest first.</summary>
    public static readonly string[] Supported = [Aal1, Aal2, Aal2PhishingResistant];

    /// <summary>Values other federations use for the same levels, accepted in <c>acr_values</c>.</summary>
    private static readonly Dictionary<string, int> Aliases = new(StringComparer.Ordinal)
    {
        [Aal1] = 1, [Aal2] = 2, [Aal2PhishingResistant] = 3,
        ["http://idmanagement.gov/ns/assurance/aal/1"] = 1,
        ["http://idmanagement.gov/ns/assurance/aal/2"] = 2,
        ["http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true"] = 3,
        ["1"] = 1, ["2"] = 2,
    };

    /// <summary>Authentication methods (RFC 8176) a sign-in may record.</summary>
    public static class Methods
    {
        public const string Password = "pwd";
        public const string OneTimePassword = "otp";
        public const string HardwareKey = "hwk";
        public const string MultiFactor = "mfa";
        // NIST SP 800-63B calls recovery codes look-up secrets; RFC 8176 has no value for them.
        public const string RecoveryCode = "lookup";
    }

    /// <summary>The level a sign-in reached: 1 = AAL1, 2 = AAL2, 3 = AAL2 phishing-resistant.</summary>
    public static int LevelOf(IEnumerable<string> methods)
    {
        var set = methods.ToHashSet(StringComparer.Ordinal);
        if (set.Contains(Methods.HardwareKey))
        {
            return 3; // a passkey with user verification: two factors bound to the origin
        }

        return set.Contains(Methods.Password) && (set.Contains(Methods.OneTimePassword) || set.Contains(Methods.RecoveryCode)) ? 2 : 1;
    }

    public static int LevelOf(ClaimsPrincipal principal) => LevelOf(principal.FindAll(OpenIddictConstants.Claims.AuthenticationMethodReference).Select(c => c.Value));

    public static string AcrOf(int level) => Supported[Math.Clamp(level, 1, 3) - 1];

    /// <summary>
    /// The level a client demands, 1 when it asks nothing; null when it demands, as essential, only
    /// levels this provider does not know (OpenID Connect Core 5.5.1.1: it must then fail).
    /// <c>acr_values</c> are alternatives the client would accept, so the weakest recognised one counts;
    /// an essential <c>acr</c> in the <c>claims</c> parameter is a requirement, so when both are given
    /// the stronger demand wins and a voluntary weaker value can never lower an essential one.
    /// </summary>
    public static int? Required(OpenIddictRequest request)
    {
        var voluntary = request.GetAcrValues().Select(v => Aliases.TryGetValue(v, out var level) ? level : 0).Where(l => l > 0).DefaultIfEmpty(1).Min();
        if (request.GetParameter(OpenIddictConstants.Parameters.Claims)?.ToString() is not { Length: > 0 } claims || FromClaimsParameter(claims) is not { } essential)
        {
            return voluntary;
        }

        var known = essential.Where(l => l > 0).ToList();
        return known.Count == 0 ? null : Math.Max(voluntary, known.Min());
    }

    /// <summary>The levels of an essential <c>acr</c> in the <c>claims</c> parameter (0 for an unknown value); null when none is essential.</summary>
    private static List<int>? FromClaimsParameter(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id_token", out var idToken)
                && idToken.ValueKind == JsonValueKind.Object && idToken.TryGetProperty("acr", out var acr) && acr.ValueKind == JsonValueKind.Object
                && acr.TryGetProperty("essential", out var essential) && essential.ValueKind == JsonValueKind.True)
            {
                var values = acr.TryGetProperty("values", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : "")
                    : acr.TryGetProperty("value", out var one) && one.ValueKind == JsonValueKind.String ? [one.GetString()!] : [];
                return [.. values.Select(v => Aliases.TryGetValue(v, out var level) ? level : 0)];
            }
        }
        catch (JsonException)
        {
            // A malformed claims parameter demands nothing we can understand.
        }

        return null;
    }
}
