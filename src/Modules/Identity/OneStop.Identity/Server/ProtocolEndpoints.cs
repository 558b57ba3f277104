using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OneStop.Identity.Accounts;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Server;

/// <summary>
/// The endpoints OpenIddict hands to the platform (passthrough): authorization (sign-in, step-up,
/// consent), UserInfo and end-session. OpenIddict has already validated the protocol parameters.
/// </summary>
internal static class ProtocolEndpoints
{
    /// <summary>Set when a client demanded a fresh sign-in (prompt=login): the time it was demanded.</summary>
    public const string LoginRequestedCookie = "identity.login_requested";

    /// <summary>Set by the consent page when the person allowed: the client allowed (answers prompt=consent once).</summary>
    public const string ConsentGivenCookie = "identity.consent_given";

    /// <summary>Set by the consent page when the person refused: the client refused.</summary>
    public const string ConsentDeniedCookie = "identity.consent_denied";

    /// <summary>The provider's own session cookie (ASP.NET Core Identity's application scheme, as a constant for attributes).</summary>
    public const string SessionScheme = "Identity.Application";

    public const string SignInPage = "/Identity/Account/SignIn";

    /// <summary>OpenID Connect Unmet Authentication Requirements 1.0: an essential acr this provider cannot satisfy.</summary>
    public const string UnmetAuthenticationRequirements = "unmet_authentication_requirements";
    public const string ConsentPage = "/Identity/Account/Consent";

    public static IEndpointRouteBuilder MapProtocolEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OidcServer.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    /// <summary>The first requested scope the client has no permission for (openid and offline_access are governed otherwise).</summary>
    private static async Task<string?> ScopeNotPermittedAsync(IOpenIddictApplicationManager applications, object application, OpenIddictRequest request, CancellationToken ct)
    {
        foreach (var scope in request.GetScopes())
        {
            if (scope is not (Scopes.OpenId or Scopes.OfflineAccess) && !await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, ct))
            {
                return scope;
            }
        }

        return null;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, UserManager<Account> users, IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations, ClaimReleases releases, ActingForCompanies acting, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass an authorization request.");
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted) ?? throw new InvalidOperationException("OpenIddict passed an unknown client.");
        if (await ScopeNotPermittedAsync(applications, application, request, http.RequestAborted) is { } refused)
        {
            // Before anyone signs in: the client asked for something it may never have.
            return Refuse(Errors.InvalidScope, $"This client may not ask for the scope '{refused}'.");
        }

        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var now = clock.GetUtcNow();
        if (Assurance.Required(request) is not { } required)
        {
            return Refuse(UnmetAuthenticationRequirements, "None of the essential acr values asked for is one this provider can reach (see acr_values_supported).");
        }

        var returnUrl = http.Request.PathBase + http.Request.Path + QueryOf(http.Request);

        if (!IsFreshEnough(http, session, request, required, now))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The person must sign in (again, or with a stronger authenticator).");
            }

            if (request.HasPromptValue(PromptValues.Login))
            {
                http.Response.Cookies.Append(LoginRequestedCookie, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromMinutes(30) });
            }

            return Results.Redirect($"{SignInPage}?ReturnUrl={Uri.EscapeDataString(returnUrl)}&Level={required}");
        }

        http.Response.Cookies.Delete(LoginRequestedCookie);
        var account = await users.GetUserAsync(session.Principal!);
        if (account is null || await users.IsLockedOutAsync(account))
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.Redirect($"{SignInPage}?ReturnUrl={Uri.EscapeDataString(returnUrl)}&Level={required}");
        }

        if (account.PasswordChangeRequired)
        {
            // An administrator chose this password: the officer chooses their own before any application signs them in.
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.InteractionRequired, "The person must choose their own password first.")
                : Results.Redirect($"{Areas.Identity.Pages.Account.PasswordModel.Path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var applicationId = await applications.GetIdAsync(application);
        var subject = account.Id.ToString();
        var scopes = request.GetScopes();
        var existing = await authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes).ToListAsync();
        // prompt=consent asks the person again even when they allowed this client before (OIDC Core 3.1.2.1).
        var consentAskedFor = request.HasPromptValue(PromptValues.Consent);
        if (consentAskedFor && http.Request.Cookies[ConsentGivenCookie] == request.ClientId)
        {
            http.Response.Cookies.Delete(ConsentGivenCookie);
            consentAskedFor = false;
        }

        if (consentAskedFor || (existing.Count == 0 && await applications.GetConsentTypeAsync(application) == ConsentTypes.Explicit))
        {
            if (http.Request.Cookies[ConsentDeniedCookie] == request.ClientId)
            {
                http.Response.Cookies.Delete(ConsentDeniedCookie);
                return Refuse(Errors.AccessDenied, "The person did not allow this application to sign them in.");
            }

            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.ConsentRequired, "The person has not allowed this application yet.");
            }

            return Results.Redirect($"{ConsentPage}?ClientId={Uri.EscapeDataString(request.ClientId!)}&Scope={Uri.EscapeDataString(string.Join(' ', scopes))}&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        // The consent just given is spent by this code: a later prompt=consent must ask again.
        http.Response.Cookies.Delete(ConsentGivenCookie);
        var identity = AccountClaims.For(account, session.Principal!, scopes, await RelatedAsync(users, acting, account, scopes, null, http.RequestAborted));
        identity.SetResources(Audiences.For(scopes, forAPerson: true));
        if (existing.Count == 0)
        {
            // The lasting record that the person allowed this client these scopes (listed on Connections).
            await authorizations.CreateAsync(new ClaimsPrincipal(identity), subject, applicationId!, AuthorizationTypes.Permanent, scopes);
        }

        // This sign-in's own chain of tokens: a replayed code or refresh token revokes this chain only,
        // not the person's sessions on their other devices, which share the permanent authorization.
        var chain = await authorizations.CreateAsync(new ClaimsPrincipal(identity), subject, applicationId!, AuthorizationTypes.AdHoc, scopes);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(chain));
        await releases.RecordAsync(account.Id, request.ClientId!, ClaimReleases.IdToken, identity.Claims.Select(c => c.Type).Where(t => t is not (Claims.Subject or Claims.AuthenticationContextReference or Claims.AuthenticationMethodReference or Claims.AuthenticationTime) && !t.StartsWith("oi_", StringComparison.Ordinal)), http.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Whether the current sign-in satisfies the request: present, recent enough, strong enough.</summary>
    private static bool IsFreshEnough(HttpContext http, AuthenticateResult session, OpenIddictRequest request, int required, DateTimeOffset now)
    {
        if (!session.Succeeded)
        {
            return false;
        }

        var authTime = long.TryParse(session.Principal.FindFirst(Claims.AuthenticationTime)?.Value, out var seconds) ? seconds : 0;
        if (request.MaxAge is { } maxAge && authTime + maxAge < now.ToUnixTimeSeconds())
        {
            return false;
        }

        if (request.HasPromptValue(PromptValues.Login)
            && !(long.TryParse(http.Request.Cookies[LoginRequestedCookie], out var requestedAt) && authTime >= requestedAt))
        {
            return false;
        }

        return Assurance.LevelOf(session.Principal) >= required;
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<Account> users, ClaimReleases releases, ActingForCompanies acting)
    {
        var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        // A machine's token (client credentials) has the client as its subject, not an account's id.
        var account = Guid.TryParse(token.Principal?.GetClaim(Claims.Subject), out var subject) ? await users.FindByIdAsync(subject.ToString()) : null;
        if (token.Principal is null || account is null)
        {
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token does not belong to a person.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var scopes = token.Principal.GetScopes();
        var claims = new Dictionary<string, object> { [Claims.Subject] = account.Id.ToString() };
        var related = await RelatedAsync(users, acting, account, scopes, token.Principal.GetClaim(OidcServer.ExtraClaims.ActFor), http.RequestAborted);
        foreach (var (type, value) in AccountClaims.Released(account, scopes, related))
        {
            claims[type] = value;
        }

        var client = token.Principal.GetPresenters().FirstOrDefault() ?? token.Principal.GetClaim(Claims.ClientId) ?? "";
        await releases.RecordAsync(account.Id, client, ClaimReleases.UserInfo, claims.Keys.Where(k => k != Claims.Subject), http.RequestAborted);
        return Results.Json(claims);
    }

    /// <summary>Reads only what the scopes will release.</summary>
    private static async Task<Related> RelatedAsync(UserManager<Account> users, ActingForCompanies acting, Account account, IReadOnlyCollection<string> scopes, string? actFor, CancellationToken ct)
        => new(
            scopes.Contains(OidcServer.ExtraScopes.Companies) ? await acting.ClaimsOfAsync(account.Id, ct) : [],
            actFor,
            scopes.Contains(OidcServer.ExtraScopes.Agency) ? await OfficerAccounts.RolesOfAsync(users, account) : [],
            scopes.Contains(Scopes.Roles) ? await PlatformRoles.OfAsync(users, account) : []);

    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        // OpenIddict sends the person back to the client's registered post_logout_redirect_uri, if it gave one.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description)
        => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>The request as a query string, also when the client posted it, so that the sign-in page can send the person back.</summary>
    private static QueryString QueryOf(HttpRequest request)
        => request.HasFormContentType
            ? QueryString.Create(request.Form.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())))
            : request.QueryString;
}
