using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OneStop.SharedKernel.Hosting;

/// <summary>
/// Marks an endpoint that needs nothing from the middleware after request localization: no signed-in
/// user, no authorization policy, no antiforgery token, no rate limit, no authentication scheme at all
/// (OpenIddict's token validation needs the authentication middleware). It makes its own checks, as
/// the registries' provider APIs check their provider token.
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
    /// Runs self-contained endpoints at this point of the pipeline. Authentication alone asks every
    /// sign-in scheme of the node whether the request is theirs; the registries, called by the exchange
    /// thousands of times a second, have no use for that.
    /// </summary>
    public static IApplicationBuilder UseSelfContainedEndpoints(this IApplicationBuilder app)
        => app.Use(next => context => context.GetEndpoint() is { RequestDelegate: { } run } endpoint && endpoint.Metadata.GetMetadata<SelfContainedEndpoint>() is not null
            ? run(context)
            : next(context));
}
