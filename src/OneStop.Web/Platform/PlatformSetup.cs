using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using OneStop.Identity;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Jobs;
using OneStop.SharedKernel.Mail;
using OneStop.SharedKernel.Messaging;
using OneStop.Web.Data;
using Scalar.AspNetCore;

namespace OneStop.Web.Platform;

/// <summary>What every module stands on: errors, localisation, OpenAPI, health, auth, outbox.</summary>
internal static class PlatformSetup
{
    /// <summary>Largest request body accepted anywhere (1 MiB); larger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>ASP.NET Core's switch for serving static assets changed after the build (on by default when run from build output).</summary>
    private const string ReloadStaticAssetsAtRuntime = "ReloadStaticAssetsAtRuntime";

    public static readonly CultureInfo[] SupportedCultures = [new("th"), new("en")];

    public static WebApplicationBuilder AddOneStopPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddPublicOrigin(builder.Configuration, builder.Environment);

        // Serves the build's compressed and module (RCL) assets when run from build output in any
        // environment; a published app has no runtime manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        if (!builder.Environment.IsDevelopment() && builder.Configuration[ReloadStaticAssetsAtRuntime] is null)
        {
            // Outside development, serve what the build produced. Reloading at runtime would also add a
            // catch-all route that looks on disk for a file on every GET request, API calls included.
            builder.Configuration[ReloadStaticAssetsAtRuntime] = "false";
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBodyBytes);

        // Before the framework's writer: writers are asked in the order they were added.
        services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new AcceptedJsonText());
            o.SerializerOptions.Converters.Add(new ListsWithoutNulls());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Thai);
        });
        services.AddValidation();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("th");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        // Razor escapes non-Latin text by default; Thai pages must stay readable and compact.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Thai));

        services.AddRazorPages().AddMvcOptions(o => o.ModelMetadataDetailsProviders.Add(new BindingMessages()));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OneStop API";
            document.Info.Description = "JSON APIs of the OneStop digital-government platform. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));

        services.AddForwardedHeadersFromProxies(builder.Configuration);
        builder.AddPlatformSignIn();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.Citizen, p => p.RequireAuthenticatedUser().RequireClaim(Claims.CitizenId))
            .AddPolicy(Policies.Officer, p => p.RequireAuthenticatedUser().RequireClaim(Claims.AgencyCode));

        // Keys in the database: every node reads the same key ring (antiforgery tokens, cookies).
        builder.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgresPlatformDbContext>(PlatformDbContext.Module);
        services.AddDataProtection().SetApplicationName("OneStop").PersistKeysToDbContext<PlatformDbContext>();
        services.AddIdempotencyKeys<PlatformDbContext>();
        services.AddRecurringJobs<PlatformDbContext>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOutbox(builder.Configuration);
        services.AddMail(builder.Configuration);
        services.AddNavigation();
        return builder;
    }

    public static WebApplication UseOneStopPlatform(this WebApplication app)
    {
        // First: everything after it (HTTPS checks, issuer, rate limits, the exchange's address checks) sees the real client.
        app.UseForwardedHeadersFromProxies();
        app.UseExceptionHandler("/Error");
        app.Use(SecurityHeadersAsync);
        // Before anything reads a query or a form (the Digital ID's machine endpoints come next).
        app.UseMiddleware<TextAtTheEdge>();
        app.UseDigitalIdMachineEndpoints(MaxRequestBodyBytes);
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        // Routing after the error handlers, so that their re-executed requests reach the error page.
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRequestLocalization();
        app.UseSelfContainedEndpoints();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapOneStopPlatform(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("OneStop API"));
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapCultureSwitch();
        app.MapPlatformSignIn();
        return app;
    }

    /// <summary>Paths answered with problem details rather than pages: module APIs and registry provider APIs.</summary>
    internal static readonly string[] ApiPrefixes = ["/api", "/providers"];

    internal static bool IsApi(HttpContext context) => ApiPrefixes.Any(p => context.Request.Path.StartsWithSegments(p));

    internal static Task WriteAuthProblem(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (!IsApi(context))
        {
            return Task.CompletedTask; // pages: the status-code page explains it in Thai or English
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status },
        }).AsTask();
    }

    /// <summary>
    /// Pages load scripts, styles, fonts and images from this site only, and no inline script or style
    /// runs: injected markup can do nothing. Forms are not limited (form-action), because sign-in forms
    /// end in a redirect to the relying party's own site, which browsers check against form-action.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar) configures itself with an inline script and styles: its own, looser
    /// policy, still with nothing from another site.
    /// </summary>
    internal const string ApiReferenceSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private static Task SecurityHeadersAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // OpenIddict's form_post answer submits itself with an inline script: the protocol endpoints keep theirs.
        if (!context.Request.Path.StartsWithSegments("/connect"))
        {
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferenceSecurityPolicy : ContentSecurityPolicy;
        }

        return next();
    }
}
