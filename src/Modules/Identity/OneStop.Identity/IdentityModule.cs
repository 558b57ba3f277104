using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Accounts;
using OneStop.Identity.Data;
using OneStop.Identity.Seeding;
using OneStop.Identity.Server;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Messaging;
using OneStop.SyntheticData;

namespace OneStop.Identity;

/// <summary>
/// The Digital ID: an OpenID Connect provider with identity-proofing (IAL) and authenticator (AAL)
/// levels. The rest of the platform, and agency systems, use it as any OIDC provider.
/// </summary>
public static class IdentityModule
{
    /// <summary>Rate-limiting policy of the sign-in and registration forms (their POSTs, per client address).</summary>
    internal const string FormsRateLimit = "identity-forms";

    public static WebApplicationBuilder AddIdentityModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ServerKeys.RequireConfiguredOutsideDevelopment(builder.Configuration, builder.Environment);
        builder.AddModuleDbContext<DigitalIdDbContext, SqliteIdentityDbContext, PostgresIdentityDbContext>(DigitalIdDbContext.Module);
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        // Other modules (the exchange) check the Digital ID's access tokens through this scheme name only.
        services.AddAuthentication()
            .AddPolicyScheme(Schemes.AccessToken, "Digital ID access token", o => o.ForwardDefault = OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        services.AddAuthentication().AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
        {
            o.Cookie.Name = "onestop.id";
            o.LoginPath = ProtocolEndpoints.SignInPage;
            o.LogoutPath = "/Identity/Account/SignOut";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        }));
        services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length and a blocklist (PasswordRules), no composition rules.
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            .AddUserStore<UserOnlyStore<Account, DigitalIdDbContext, Guid>>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddErrorDescriber<IdentityMessages>();
        // Sessions are ended at once in the server-side store (SessionStore); the security stamp, checked every minute, is the second line.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The refreshed session keeps how and when the person signed in (its assurance level).
            o.OnRefreshingPrincipal = context =>
            {
                (context.NewPrincipal?.Identity as System.Security.Claims.ClaimsIdentity)?.AddClaims(Sessions.Kept(context.CurrentPrincipal));
                return Task.CompletedTask;
            };
        });
        // Sessions live on the server, so that a person can list them and end any one at once.
        services.AddSingleton<SessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((o, store) => o.SessionStore = store);
        services.AddSingleton<VerifiedSecrets>();
        services.AddOidcServer(builder);
        services.AddScoped<ClaimReleases>();
        services.AddScoped<Housekeeping>();
        services.AddRecurringJob<HousekeepingJob>();
        services.AddScoped<RegistryClient>();
        services.AddScoped<RegisterAccount.Handler>();
        services.AddScoped<ProveIdentity.Handler>();
        services.AddScoped<IdCardCheck>();
        services.AddScoped<TotpAuthenticator>();
        services.AddScoped<Passkeys>();
        services.AddScoped<ActingForCompanies>();
        services.AddScoped<OfficerAccounts>();
        services.AddScoped<PasswordReset>();
        services.AddIntegrationEventHandler<PasswordResetRequested, PasswordReset>();
        services.AddScoped<AccountMail>();
        services.AddIntegrationEventHandler<ConfirmationRequested, AccountMail>();
        services.AddIntegrationEventHandler<AccountExistsNoticeRequested, AccountMail>();
        // Password-reset links (Identity's default data-protection tokens) work for an hour, not a day.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordReset.LinkLifetime);
        services.AddScoped<IModuleSeeder, IdentitySeeder>();
        services.AddScoped<ISyntheticDataSink, DemoAccounts>();

        var permitPerMinute = builder.Configuration.GetValue("Identity:FormPostsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(FormsRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddAreaFolderApplicationModelConvention("Identity", "/Account",
            model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(FormsRateLimit))));
        services.AddNavigationItem(new NavigationItem("/Identity/Account", "บัญชีดิจิทัลไอดี", "Digital ID", Order: 5));
        return builder;
    }

    /// <summary>The pages' one script, kept in the assembly so that every environment serves the same file.</summary>
    private static IResult PasskeysScript(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Stream(typeof(IdentityModule).Assembly.GetManifestResourceStream("passkeys.js")!, "text/javascript; charset=utf-8");
    }

    /// <summary>
    /// Answers the Digital ID's machine-to-machine protocol endpoints (token, introspection, revocation,
    /// PAR, keys, discovery) at this point of the pipeline: put it right after the error handler.
    /// </summary>
    public static IApplicationBuilder UseDigitalIdMachineEndpoints(this IApplicationBuilder app, long maxRequestBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(app);
        return MachineEndpoints.UseMachineEndpoints(app, maxRequestBodyBytes);
    }

    /// <summary>The module's command line (<c>identity add-client …</c>): exit code 0, 1 (refused) or 2 (usage).</summary>
    public static Task<int> RunCommandAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
        => Clients.ClientCommands.RunAsync(services, args, output, error);

    /// <summary>How to call <see cref="RunCommandAsync"/>.</summary>
    public const string CommandUsage = Clients.ClientCommands.Usage;

    public static WebApplication MapIdentityModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapProtocolEndpoints();
        app.MapGet("/Identity/passkeys.js", PasskeysScript).ExcludeFromDescription();
        return app;
    }
}
