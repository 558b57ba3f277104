using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OneStop.SharedKernel.Hosting;

/// <summary>
/// Marks an endpoint that needs nothing from the middleware after request localization: no signed-in
/// user, no authorization policy, no antiforgery token, no rate limit. It makes its own checks, as the
/// registries' provider APIs check their provider token. One that authenticates a request itself must
/// first let the request-handling schemes start on it, as the authentication middleware would
/// (OpenIddict's token validation prepares its state there): the exchange gateway does.
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
