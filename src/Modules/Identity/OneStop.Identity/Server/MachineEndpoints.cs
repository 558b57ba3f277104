using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace OneStop.Identity.Server;

/// <summary>
/// The protocol endpoints that agency systems and relying parties call, and that OpenIddict answers
/// entirely by itself (token, introspection, revocation, pushed authorization requests, keys,
/// discovery): answered before the middleware that serves people's pages (status-code pages,
/// routing, request culture, cookie sign-in), which they never use. Token issuance to machines is the
/// platform's busiest protocol path; it costs about a tenth less this way.
/// </summary>
internal static class MachineEndpoints
{
    public static IApplicationBuilder UseMachineEndpoints(IApplicationBuilder app, long maxRequestBodyBytes)
    {
        // Read at the first request: the server's options need its keys, which live in the migrated database.
        var paths = new Lazy<PathString[]>(() => Paths(app.ApplicationServices.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value));
        return app.Use(async (context, next) =>
        {
            // A body over the platform's limit is left to the pipeline, which answers 413 as everywhere else.
            if (!(context.Request.ContentLength > maxRequestBodyBytes))
            {
                var path = context.Request.Path;
                if (Array.Exists(paths.Value, p => p.Equals(path, StringComparison.OrdinalIgnoreCase))
                    && await context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>()
                        .GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler server
                    && await server.HandleRequestAsync())
                {
                    return;
                }
            }

            await next(context);
        });
    }

    private static PathString[] Paths(OpenIddictServerOptions options)
        => options.TokenEndpointUris.Concat(options.IntrospectionEndpointUris).Concat(options.RevocationEndpointUris)
            .Concat(options.PushedAuthorizationEndpointUris).Concat(options.JsonWebKeySetEndpointUris).Concat(options.ConfigurationEndpointUris)
            .Where(uri => !uri.IsAbsoluteUri)
            .Select(uri => new PathString("/" + uri.OriginalString.TrimStart('/')))
            .ToArray();
}
