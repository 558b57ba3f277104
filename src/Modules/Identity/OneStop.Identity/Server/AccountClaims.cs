using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Accounts;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using PlatformClaims = OneStop.SharedKernel.Hosting.Claims;

namespace OneStop.Identity.Server;

/// <summary>What the provider knows about a person beyond the account row: companies, the company acted for, agency roles.</summary>
internal sealed record Related(IReadOnlyList<CompanyClaim> Companies, string? ActFor, IReadOnlyList<string> AgencyRoles, IReadOnlyList<string> PlatformRoles);

/// <summary>What the provider says about a person, by scope: in ID tokens and at the UserInfo endpoint.</summary>
internal static class AccountClaims
{
    /// <summary>The identity OpenIddict signs in: subject, session facts and the claims the scopes allow.</summary>
    public static ClaimsIdentity For(Account account, ClaimsPrincipal session, IReadOnlyCollection<string> scopes, Related related)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        var methods = session.FindAll(Claims.AuthenticationMethodReference).Select(c => c.Value).Distinct().ToArray();
        identity.SetClaim(Claims.AuthenticationContextReference, Assurance.AcrOf(Assurance.LevelOf(methods)));
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. methods]);
        if (session.FindFirst(Claims.AuthenticationTime)?.Value is { } authTime)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationTime, authTime, ClaimValueTypes.Integer64));
        }

        foreach (var (type, value) in Released(account, scopes, related with { ActFor = session.FindFirst(OidcServer.ExtraClaims.ActFor)?.Value }))
        {
            if (value is JsonElement json)
            {
                identity.SetClaim(type, json);
            }
            else
            {
                identity.AddClaim(new Claim(type, (string)value)); // roles come one claim each
            }
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject or Claims.AuthenticationContextReference or Claims.AuthenticationMethodReference or Claims.AuthenticationTime or OidcServer.ExtraClaims.ActFor
                => [Destinations.AccessToken, Destinations.IdentityToken],
            // Personal data goes to the ID token (which the client asked for) and never into access tokens,
            // which resource servers and logs see.
            _ => [Destinations.IdentityToken],
        });
        return identity;
    }

    /// <summary>The claims about <paramref name="account"/> that <paramref name="scopes"/> release.</summary>
    public static IEnumerable<(string Type, object Value)> Released(Account account, IReadOnlyCollection<string> scopes, Related related)
    {
        var (companies, actFor, agencyRoles, platformRoles) = related;
        if (scopes.Contains(Scopes.Roles))
        {
            foreach (var role in platformRoles)
            {
                yield return (Claims.Role, role);
            }
        }

        if (scopes.Contains(OidcServer.ExtraScopes.Agency) && account.Kind == AccountKind.Officer && account.AgencyCode is { } agency)
        {
            yield return (OidcServer.ExtraClaims.AgencyCode, agency);
            if (account.OfficeCode is { } office)
            {
                yield return (OidcServer.ExtraClaims.OfficeCode, office);
            }

            // Space-separated, as OAuth writes scopes: a JWT claim of one element would otherwise lose its array.
            yield return (OidcServer.ExtraClaims.AgencyRoles, string.Join(' ', agencyRoles));
        }

        if (scopes.Contains(OidcServer.ExtraScopes.Companies))
        {
            // An object keyed by juristic-person ID (JWT claims of one element would otherwise lose their array).
            yield return (OidcServer.ExtraClaims.Companies, JsonSerializer.SerializeToElement(companies.ToDictionary(c => c.JuristicId, c => new { name = c.Name, role = c.Role })));
            // The company the person chose to act for in this session, if they still may.
            if (actFor is not null && companies.Any(c => c.JuristicId == actFor))
            {
                yield return (OidcServer.ExtraClaims.ActFor, actFor);
            }
        }

        if (scopes.Contains(Scopes.Email) && account.Email is { } email)
        {
            yield return (Claims.Email, email);
            yield return (Claims.EmailVerified, JsonSerializer.SerializeToElement(account.EmailConfirmed));
        }

        if (scopes.Contains(OidcServer.ExtraScopes.Pid) && account.CitizenId is { } pid)
        {
            yield return (PlatformClaims.CitizenId, pid);
        }

        if (scopes.Contains(Scopes.Profile))
        {
            var name = string.Join(' ', new[] { account.GivenName, account.FamilyName }.Where(n => !string.IsNullOrEmpty(n)));
            foreach (var (type, value) in new (string, string?)[]
            {
                (Claims.Name, name.Length > 0 ? name : account.Email),
                (OidcServer.ExtraClaims.Title, account.Title),
                (Claims.GivenName, account.GivenName),
                (Claims.FamilyName, account.FamilyName),
                (OidcServer.ExtraClaims.GivenNameEn, account.GivenNameEn),
                (OidcServer.ExtraClaims.FamilyNameEn, account.FamilyNameEn),
                (Claims.Birthdate, account.BirthDate),
                (Claims.Gender, account.Gender),
            })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    yield return (type, value);
                }
            }
        }

        if (scopes.Contains(Scopes.Address) && account.Address is { } address)
        {
            yield return (Claims.Address, JsonSerializer.SerializeToElement(new Dictionary<string, string?>
            {
                ["formatted"] = address, ["region"] = account.Province, ["postal_code"] = account.PostalCode, ["country"] = "TH",
            }));
        }

        // OpenID Connect for Identity Assurance: which claims were verified, under which framework, at which level.
        if (account.IdentityLevel == IdentityLevels.Ial2 && (scopes.Contains(OidcServer.ExtraScopes.Pid) || scopes.Contains(Scopes.Profile)))
        {
            var verified = new Dictionary<string, string?>();
            if (scopes.Contains(OidcServer.ExtraScopes.Pid))
            {
                verified[PlatformClaims.CitizenId] = account.CitizenId;
            }

            if (scopes.Contains(Scopes.Profile))
            {
                verified[Claims.GivenName] = account.GivenName;
                verified[Claims.FamilyName] = account.FamilyName;
                verified[Claims.Birthdate] = account.BirthDate;
            }

            yield return (OidcServer.ExtraClaims.VerifiedClaims, JsonSerializer.SerializeToElement(new
            {
                verification = new
                {
                    trust_framework = IdentityLevels.TrustFramework,
                    assurance_level = account.IdentityLevel,
                    time = account.ProofedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    evidence = new[] { new { type = "electronic_record", record = new { type = "population_register", source = new { name = "DOPA card check via the government data exchange" } } } },
                },
                claims = verified,
            }));
        }
    }
}
