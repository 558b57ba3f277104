using System.Globalization;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Server;
using OneStop.SharedKernel;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Clients;

/// <summary>
/// An operator registers an agency's system or portal as a client of the Digital ID, without editing
/// the database: <c>identity add-client</c> (docs/identity.md). A system authenticates with a public key
/// (private_key_jwt, preferred) or a secret; a portal that signs people in names its redirect URIs and
/// always uses PKCE; a resource server that introspects tokens is registered under its audience.
/// </summary>
internal static class RegisterClient
{
    public sealed record Request(
        string? ClientId, string? DisplayName, string? DisplayNameTh, string? JwksJson, string? Secret,
        IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Scopes, bool Introspection);

    /// <summary>Scopes an operator may grant; those a person must consent to need a redirect URI.</summary>
    private static readonly HashSet<string> PersonScopes = [.. OidcServer.ExtraScopes.AboutAPerson];

    internal sealed class Handler(IOpenIddictApplicationManager applications)
    {
        public async Task<Result<string>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 100 || request.ClientId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                return Error.Invalid("client-id", "Give --client-id: up to 100 characters, no spaces.");
            }

            if (await applications.FindByClientIdAsync(request.ClientId, cancellationToken) is not null)
            {
                return Error.Conflict("client.exists", $"A client '{request.ClientId}' exists already.");
            }

            if (string.IsNullOrWhiteSpace(request.DisplayName))
            {
                return Error.Invalid("name", "Give --name: the name people see on the consent page (in English; --name-th in Thai).");
            }

            if ((request.JwksJson is null) == (request.Secret is null))
            {
                return Error.Invalid("jwks", "Give exactly one of --jwks FILE (the client's public keys; preferred) or --secret-env VARIABLE.");
            }

            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = request.ClientId, ClientType = ClientTypes.Confidential, DisplayName = request.DisplayName,
                ConsentType = ConsentTypes.Explicit,
            };
            if (!string.IsNullOrWhiteSpace(request.DisplayNameTh))
            {
                descriptor.DisplayNames[CultureInfo.GetCultureInfo("th")] = request.DisplayNameTh;
            }

            if (request.JwksJson is { } jwks)
            {
                if (Keys(jwks) is not { } set)
                {
                    return Error.Invalid("jwks", "The key file must be a JSON Web Key Set of public keys only (no \"d\").");
                }

                descriptor.JsonWebKeySet = set;
            }
            else if (request.Secret!.Length < 32)
            {
                return Error.Invalid("secret", "A client secret must be at least 32 characters (openssl rand -base64 32).");
            }
            else
            {
                descriptor.ClientSecret = request.Secret;
            }

            descriptor.Permissions.Add(Permissions.Endpoints.Token);
            descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
            foreach (var scope in request.Scopes.Distinct(StringComparer.Ordinal))
            {
                if (scope != OidcServer.ExtraScopes.Exchange && !PersonScopes.Contains(scope))
                {
                    return Error.Invalid("scope", $"Unknown scope '{scope}': use exchange, profile, email, address, offline_access, pid, companies or agency.");
                }

                if (PersonScopes.Contains(scope) && request.RedirectUris.Count == 0)
                {
                    return Error.Invalid("scope", $"The scope '{scope}' is about a person: it needs --redirect-uri, where the person comes back after consenting.");
                }

                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }

            if (request.Scopes.Contains(OidcServer.ExtraScopes.Exchange))
            {
                descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
            }

            foreach (var uri in request.RedirectUris)
            {
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Fragment.Length > 0
                    || !(parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)))
                {
                    return Error.Invalid("redirect-uri", $"'{uri}' is not a redirect URI: https (http only on loopback), absolute, no fragment.");
                }

                descriptor.RedirectUris.Add(parsed);
            }

            if (request.RedirectUris.Count > 0)
            {
                foreach (var permission in new[]
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.PushedAuthorization, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                })
                {
                    descriptor.Permissions.Add(permission);
                }

                if (request.Scopes.Contains(Scopes.OfflineAccess))
                {
                    descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
                }

                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }

            if (request.Introspection)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
            }

            await applications.CreateAsync(descriptor, cancellationToken);
            return request.ClientId;
        }

        private static JsonWebKeySet? Keys(string json)
        {
            try
            {
                var set = new JsonWebKeySet(json);
                return set.Keys.Count > 0 && set.Keys.All(k => string.IsNullOrEmpty(k.D) && k.Kty is "EC" or "RSA") ? set : null;
            }
            catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
