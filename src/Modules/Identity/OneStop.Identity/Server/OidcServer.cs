using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Data;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Server;

/// <summary>The OpenID Connect provider: endpoints, flows, keys and the platform's own rules on top of OpenIddict.</summary>
internal static class OidcServer
{
    public const string AuthorizePath = "/connect/authorize";

    /// <summary>How long a pushed authorization request's request_uri works.</summary>
    public static readonly TimeSpan PushedRequestLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Scopes clients may ask for; one per ThaiD claim group, plus the exchange for agency systems.</summary>
    public static class ExtraScopes
    {
        public const string Pid = "pid";
        public const string Companies = SharedKernel.Hosting.PlatformClient.CompaniesScope;
        public const string Exchange = SharedKernel.Hosting.OAuthScopes.Exchange;
        public const string Agency = SharedKernel.Hosting.PlatformClient.AgencyScope;

        /// <summary>The scopes that release something about a person, which the person consents to (and which need a redirect URI).</summary>
        public static readonly IReadOnlyList<string> AboutAPerson =
            [Scopes.Profile, Scopes.Email, Scopes.Address, Scopes.OfflineAccess, Pid, Companies, Agency];
    }

    /// <summary>Claims beyond OIDC's standard ones, named as ThaiD names them.</summary>
    public static class ExtraClaims
    {
        public const string Title = "title";
        public const string GivenNameEn = "given_name_en";
        public const string FamilyNameEn = "family_name_en";
        public const string Companies = SharedKernel.Hosting.PlatformClient.CompaniesClaim;
        public const string ActFor = SharedKernel.Hosting.PlatformClient.ActForClaim;
        public const string AgencyCode = SharedKernel.Hosting.Claims.AgencyCode;
        public const string OfficeCode = SharedKernel.Hosting.Claims.OfficeCode;
        public const string AgencyRoles = SharedKernel.Hosting.Claims.AgencyRoles;
        public const string VerifiedClaims = "verified_claims";
    }

    public static IServiceCollection AddOidcServer(this IServiceCollection services, WebApplicationBuilder builder)
    {
        services.AddSingleton<ServerKeys>();
        services.AddSingleton<KnownClients>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyOptions>();
        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<DigitalIdDbContext>();
                o.ReplaceApplicationManager(typeof(ClientManager<>));
                o.ReplaceApplicationStore<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication, ClientStore>(ServiceLifetime.Scoped);
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetPushedAuthorizationEndpointUris("connect/par")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                o.RequireProofKeyForCodeExchange();
                o.RegisterScopes([Scopes.OpenId, Scopes.Roles, OidcServer.ExtraScopes.Exchange, .. OidcServer.ExtraScopes.AboutAPerson]);
                o.RegisterClaims(Claims.Subject, Claims.Name, Claims.GivenName, Claims.FamilyName, Claims.Birthdate, Claims.Gender,
                    Claims.Address, Claims.Email, Claims.EmailVerified, Claims.AuthenticationContextReference, Claims.AuthenticationMethodReference,
                    Claims.AuthenticationTime, SharedKernel.Hosting.Claims.CitizenId, ExtraClaims.Title, ExtraClaims.GivenNameEn,
                    ExtraClaims.FamilyNameEn, ExtraClaims.Companies, ExtraClaims.ActFor, ExtraClaims.AgencyCode, ExtraClaims.OfficeCode,
                    ExtraClaims.AgencyRoles, ExtraClaims.VerifiedClaims, Claims.Role);
                // Agency systems and relying parties check access tokens with the published keys (JWKS), so
                // access tokens are signed JWTs, not encrypted ones. Codes and refresh tokens stay encrypted.
                o.DisableAccessTokenEncryption();
                // A refresh token works once: a second use revokes the whole grant (reuse detection).
                o.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(10));
                o.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                o.AddEventHandler<HandleConfigurationRequestContext>(h => h.UseInlineHandler(AdvertiseAssurance).SetOrder(int.MaxValue - 100_000));
                o.AddEventHandler<ApplyConfigurationResponseContext>(h => h.UseInlineHandler(AdvertiseClaimsParameter).SetOrder(int.MinValue + 100_000));
                o.AddEventHandler<HandleTokenRequestContext>(h => h.UseSingletonHandler<ClientCredentialsGrant>().SetOrder(int.MinValue + 100_000));
                o.AddEventHandler<ApplyTokenResponseContext>(h => h.UseInlineHandler(ScopeNotAllowedIsInvalidScope).SetOrder(int.MinValue + 100_000));
                o.AddEventHandler<ApplyPushedAuthorizationResponseContext>(h => h.UseInlineHandler(ScopeNotAllowedIsInvalidScope).SetOrder(int.MinValue + 100_000));
                // OpenIddict answers a scope the client may not use with a local 400 page; the authorization
                // endpoint checks it instead and sends invalid_scope back to the client (RFC 6749 4.1.2.1).
                o.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateScopePermissions.Descriptor);
                // Scopes are checked against each client's permissions (ValidateScopePermissions), which only
                // ever name registered scopes; the second check against the scope table would cost a database
                // context on every token request for nothing.
                o.DisableScopeValidation();
                o.AddEventHandler(RejectReplayedAssertions.Descriptor);
                o.AddEventHandler(IntrospectionByAudienceOnly.Descriptor);
                o.AddEventHandler(StandardClientAssertions.AcceptStandardForm);
                o.AddEventHandler(StandardClientAssertions.TypeAsAssertion);
                o.RemoveEventHandler(OpenIddictServerHandlers.InferEndpointType.Descriptor);
                o.AddEventHandler(EndpointByPath.Descriptor);
                o.AddEventHandler<GenerateTokenContext>(h => h.UseInlineHandler(KeepMachineTokensOutOfTheStore)
                    .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 1));
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                // Development and tests run on plain HTTP on loopback; production sits behind TLS
                // (Identity:AllowPlainHttp lets a loopback benchmark run in production mode).
                if (builder.Configuration.GetValue("Identity:AllowPlainHttp", !builder.Environment.IsProduction()))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });

        services.AddDirectEntityServices();
        services.AddSingleton<ServerHandlerIndex>();
        services.Replace(ServiceDescriptor.Scoped<IOpenIddictServerDispatcher, IndexedDispatcher>());

        services.PostConfigure<OpenIddictServerOptions>(o =>
        {
            // Only S256: the plain method gives no protection against an intercepted code.
            o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
            // A pushed request is used at once by a browser (RFC 9126 section 2.2 suggests 5 to 600 seconds); OpenIddict's default is an hour.
            o.RequestTokenLifetime = PushedRequestLifetime;
        });
        return services;
    }

    /// <summary>
    /// The claims parameter is read (an essential acr in it is enforced, Assurance.Required), so discovery
    /// says so; OpenIddict, which does not read it itself, always advertises false.
    /// </summary>
    private static ValueTask AdvertiseClaimsParameter(ApplyConfigurationResponseContext context)
    {
        if (context.Response.Error is null)
        {
            context.Response[Metadata.ClaimsParameterSupported] = true;
        }

        return ValueTask.CompletedTask;
    }

    private static ValueTask AdvertiseAssurance(HandleConfigurationRequestContext context)
    {
        context.Metadata[Metadata.AcrValuesSupported] = Parameter(Assurance.Supported);
        context.Metadata["verified_claims_supported"] = true;
        context.Metadata["trust_frameworks_supported"] = Parameter([Accounts.IdentityLevels.TrustFramework]);
        context.Metadata["evidence_supported"] = Parameter(["electronic_record"]);
        context.Metadata["claims_in_verified_claims_supported"] = Parameter([SharedKernel.Hosting.Claims.CitizenId, Claims.GivenName, Claims.FamilyName, Claims.Birthdate]);
        context.Metadata["ui_locales_supported"] = Parameter(["th", "en"]);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A scope the client was never granted is <c>invalid_scope</c>, as RFC 6749 section 5.2 says (and
    /// RFC 9126 for pushed authorization requests); OpenIddict's own permission check answers <c>invalid_request</c>.
    /// </summary>
    private static ValueTask ScopeNotAllowedIsInvalidScope(BaseContext context)
    {
        if (context.Transaction.Response is { } response && response.Error == Errors.InvalidRequest
            && response.ErrorUri?.EndsWith(ScopeNotAllowedErrorId, StringComparison.Ordinal) == true)
        {
            response.Error = Errors.InvalidScope;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>OpenIddict's error identifier for "This client application is not allowed to use the specified scope."</summary>
    private const string ScopeNotAllowedErrorId = "ID2051";

    private static OpenIddictParameter Parameter(string[] values) => new(JsonSerializer.SerializeToElement(values));

    /// <summary>
    /// Tokens issued to machines (client credentials) are short-lived JWTs that nothing needs to look
    /// up, so they are not written to the token table: issuing one costs no database write.
    /// </summary>
    private static ValueTask KeepMachineTokensOutOfTheStore(GenerateTokenContext context)
    {
        if (context.TokenType == TokenTypeIdentifiers.AccessToken && context.Request?.IsClientCredentialsGrantType() == true)
        {
            context.CreateTokenEntry = false;
            context.PersistTokenPayload = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Agency systems sign in as themselves: the subject is the client, scopes as granted to it.</summary>
internal sealed class ClientCredentialsGrant : IOpenIddictServerHandler<HandleTokenRequestContext>
{
    public ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType())
        {
            return ValueTask.CompletedTask;
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, context.ClientId);
        identity.SetScopes(context.Request.GetScopes());
        identity.SetResources(Audiences.For(context.Request.GetScopes(), forAPerson: false));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Puts the configured (or generated) keys into the server's options.</summary>
internal sealed class ServerKeyOptions(ServerKeys keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in keys.SigningKeys)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256));
        }

        foreach (var key in keys.EncryptionKeys)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
