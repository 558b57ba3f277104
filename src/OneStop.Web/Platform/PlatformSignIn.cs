using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;

namespace OneStop.Web.Platform;

/// <summary>
/// The platform's pages sign people in through the Digital ID as an ordinary OpenID Connect client:
/// code flow with PKCE, the ID token checked against the provider's published keys, and a cookie
/// session of its own. The provider is this node's own Digital ID, reached in process, unless
/// <c>Platform:DigitalId:Authority</c> names another one (ThaiD, say, with its client id and secret).
/// APIs never redirect: they answer 401 or 403 as problem details.
/// </summary>
internal static class PlatformSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ProviderScheme = "DigitalId";
    private const string PagesOrApis = "PagesOrApis";

    /// <summary>Where this node's own provider is reached in process; the name never resolves, so nothing leaves the process.</summary>
    private const string SelfAuthority = "http://onestop.self";

    public static void AddPlatformSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Platform:DigitalId");
        var authority = section["Authority"];
        var self = string.IsNullOrEmpty(authority);
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieScheme;
                o.DefaultChallengeScheme = PagesOrApis;
            })
            .AddPolicyScheme(PagesOrApis, "Pages sign in, APIs answer 401", o => o.ForwardDefaultSelector = ctx => PlatformSetup.IsApi(ctx) ? CookieScheme : ProviderScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "onestop.auth";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
                o.Events.OnRedirectToLogin = ctx => PlatformSetup.WriteAuthProblem(ctx.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => PlatformSetup.WriteAuthProblem(ctx.HttpContext, StatusCodes.Status403Forbidden);
            })
            .AddOpenIdConnect(ProviderScheme, "Digital ID", o =>
            {
                o.Authority = self ? SelfAuthority : authority;
                o.RequireHttpsMetadata = !self;
                o.ClientId = section["ClientId"] ?? PlatformClient.ClientId;
                o.ClientSecret = section["ClientSecret"];
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.CallbackPath = PlatformClient.CallbackPath;
                o.Scope.Clear();
                foreach (var scope in section["Scopes"]?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? ["openid", "profile", "email", "pid", PlatformClient.RolesScope, PlatformClient.CompaniesScope, PlatformClient.AgencyScope])
                {
                    o.Scope.Add(scope);
                }

                // Claims keep the provider's names (pid, role, acr), as the modules' policies expect them.
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = PlatformClient.RoleClaim;
                // The callback comes back to this same site as a top-level GET: Lax cookies arrive, also over plain HTTP on localhost.
                o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRemoteFailure = ctx =>
                {
                    // A refused or stale sign-in (consent withdrawn, the back button, a replayed callback): a clear page, not a 500.
                    // Operators need the reason, which the person does not see.
                    ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformSignIn))
                        .LogWarning(ctx.Failure, "A Digital ID sign-in came back refused: {Reason}", ctx.Failure?.Message);
                    ctx.HandleResponse();
                    ctx.Response.Redirect("/Error/401");
                    return Task.CompletedTask;
                };
                if (self)
                {
                    UseOwnProvider(o);
                }
            });

        if (self)
        {
            services.AddLocalPipeline();
            services.AddOptions<OpenIdConnectOptions>(ProviderScheme).Configure<IServiceProvider>((o, sp) =>
                o.Backchannel = new HttpClient(ActivatorUtilities.CreateInstance<OwnProviderHandler>(sp)) { Timeout = TimeSpan.FromSeconds(30) });
        }
    }

    /// <summary>
    /// This node's provider names itself after the host it is asked on. The browser goes to the host it
    /// already uses, the backchannel asks on that same host, and the ID token's issuer must be that host.
    /// </summary>
    private static void UseOwnProvider(OpenIdConnectOptions o)
    {
        o.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
        o.TokenValidationParameters.ValidateIssuer = false; // checked against the request's origin below
        o.Events.OnRedirectToIdentityProvider = ctx =>
        {
            ctx.ProtocolMessage.IssuerAddress = Origin(ctx.Request) + "/connect/authorize";
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToIdentityProviderForSignOut = ctx =>
        {
            ctx.ProtocolMessage.IssuerAddress = Origin(ctx.Request) + "/connect/endsession";
            ctx.ProtocolMessage.PostLogoutRedirectUri = null; // the provider then comes back to its home page
            return Task.CompletedTask;
        };
        o.Events.OnTokenValidated = ctx =>
        {
            if (ctx.Principal?.FindFirst("iss")?.Value != Origin(ctx.Request) + "/")
            {
                ctx.Fail("The ID token was not issued by this site's Digital ID.");
            }

            return Task.CompletedTask;
        };
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";

    public static void MapPlatformSignIn(this WebApplication app)
    {
        app.MapGet(PlatformClient.SignInPath, (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalUrl.OrElse(returnUrl, "/") }, [ProviderScheme])).ExcludeFromDescription();
        // The antiforgery token is checked below, against whichever session showed the page.
        app.MapPost(PlatformClient.SignOutPath, SignOutAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>
    /// Ends the platform's session and the Digital ID's (one sign-out, as people on shared and counter
    /// PCs expect), whichever of the two showed the button.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, IAuthenticationSchemeProvider schemes, [FromForm] string? returnUrl)
    {
        var digitalId = await schemes.GetSchemeAsync(IdentityConstants.ApplicationScheme) is not null;
        if (!await PostedFromASessionAsync(context, antiforgery, digitalId))
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        await context.SignOutAsync(CookieScheme);
        if (digitalId)
        {
            // Also when the provider is another one (ThaiD): this node's own Digital ID session ends too.
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        }

        return Results.SignOut(new AuthenticationProperties { RedirectUri = LocalUrl.OrElse(returnUrl, "/") }, [ProviderScheme]);
    }

    /// <summary>
    /// The form's antiforgery token belongs to the user of the page that showed it: the platform's session on
    /// the platform's pages, the Digital ID's on its own pages. A forged post matches neither.
    /// </summary>
    private static async Task<bool> PostedFromASessionAsync(HttpContext context, IAntiforgery antiforgery, bool digitalId)
    {
        if (await antiforgery.IsRequestValidAsync(context))
        {
            return true;
        }

        if (!digitalId || (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal is not { } session)
        {
            return false;
        }

        var platform = context.User;
        context.User = session;
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        finally
        {
            context.User = platform;
        }
    }

    /// <summary>The backchannel to this node's own provider: in process, on the host the person is using.</summary>
    private sealed class OwnProviderHandler(LocalPipeline local, IHttpContextAccessor accessor) : InProcessHttpHandler(local)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (accessor.HttpContext?.Request is { } current && request.RequestUri is { } uri)
            {
                request.RequestUri = new UriBuilder(uri) { Scheme = current.Scheme, Host = current.Host.Host, Port = current.Host.Port ?? -1 }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
