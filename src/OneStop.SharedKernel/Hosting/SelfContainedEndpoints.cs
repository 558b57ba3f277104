using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.SharedKernel.Hosting;

/// <summary>
/// Marks an endpoint that needs nothing from the middleware after request localization: no signed-in
/// user, no authorization policy, no antiforgery token, no rate limit. It makes its own checks, as the
/// registries' provider APIs check their provider token. One that authenticates a request itself calls
/// <see cref="SelfContainedEndpoints.StartAuthenticationAsync"/> first.
/// </summary>
public sealed class SelfContainedEndpoint
{
    public static readonly SelfContainedEndpoint Instance = new();
}

public static class SelfContainedEndpoints
{
    /// <summary>Marks endpoints as <see cref="SelfContainedEndpoint"/>.</summary>
    public static TBuilder SelfContained<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(SelfContainedEndpoint.Instance);

    /// <summary>
    /// What the authentication middleware does first, for a self-contained endpoint (run before that
    /// middleware) about to authenticate its request: lets each scheme that handles requests start on
    /// it (the Digital ID's token validation prepares its state there). An endpoint calls it only when it
    /// needs a scheme, as the exchange gateway does for subsystems that send tokens.
    /// </summary>
    public static async Task StartAuthenticationAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        foreach (var scheme in await context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetRequestHandlerSchemesAsync())
        {
            if (await handlers.GetHandlerAsync(context, scheme.Name) is IAuthenticationRequestHandler handler)
            {
                await handler.HandleRequestAsync();
            }
        }
    }

    /// <summary>
    /// Runs self-contained endpoints at this point of the pipeline. Authentication alone asks every
    /// sign-in scheme of the node whether the request is theirs; the registries, called by the exchange
    /// thousands of times a second, have no use for that.
    /// </summary>
    public static IApplicationBuilder UseSelfContainedEndpoints(this IApplicationBuilder app)
        => app.Use(next => context => context.GetEndpoint() is { RequestDelegate: { } run } endpoint && endpoint.Metadata.GetMetadata<SelfContainedEndpoint>() is not null
            ? run(context)
            : next(context));
}
