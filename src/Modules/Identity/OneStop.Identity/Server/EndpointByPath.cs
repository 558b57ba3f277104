using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Server;

/// <summary>
/// Tells which protocol endpoint a request is for, by comparing paths. It stands in for OpenIddict's
/// InferEndpointType, with the same rules (endpoints in the same order; case and one trailing slash
/// ignored; absolute endpoint URIs compared with scheme, host and port), which builds an absolute
/// URI for every configured endpoint on every request the server sees, pages included.
/// </summary>
internal sealed class EndpointByPath : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<EndpointByPath>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private readonly PerServerOptions<Table> tables = new(options => new Table(options));

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (context is not { BaseUri.IsAbsoluteUri: true, RequestUri.IsAbsoluteUri: true })
        {
            throw new InvalidOperationException("The base and request URIs of an OpenID Connect request must be absolute.");
        }

        context.EndpointType = tables.For(context.Options).Find(context.BaseUri, context.RequestUri);
        return ValueTask.CompletedTask;
    }

    private sealed class Table(OpenIddictServerOptions options)
    {
        // OpenIddict's order: the first endpoint whose URI matches wins.
        private readonly (OpenIddictServerEndpointType Type, List<Uri> Uris)[] endpoints =
        [
            (OpenIddictServerEndpointType.Authorization, options.AuthorizationEndpointUris),
            (OpenIddictServerEndpointType.Configuration, options.ConfigurationEndpointUris),
            (OpenIddictServerEndpointType.DeviceAuthorization, options.DeviceAuthorizationEndpointUris),
            (OpenIddictServerEndpointType.EndSession, options.EndSessionEndpointUris),
            (OpenIddictServerEndpointType.EndUserVerification, options.EndUserVerificationEndpointUris),
            (OpenIddictServerEndpointType.Introspection, options.IntrospectionEndpointUris),
            (OpenIddictServerEndpointType.JsonWebKeySet, options.JsonWebKeySetEndpointUris),
            (OpenIddictServerEndpointType.PushedAuthorization, options.PushedAuthorizationEndpointUris),
            (OpenIddictServerEndpointType.Revocation, options.RevocationEndpointUris),
            (OpenIddictServerEndpointType.Token, options.TokenEndpointUris),
            (OpenIddictServerEndpointType.UserInfo, options.UserInfoEndpointUris),
        ];

        public OpenIddictServerEndpointType Find(Uri baseUri, Uri requestUri)
        {
            var path = requestUri.AbsolutePath;
            var basePath = baseUri.AbsolutePath;
            var underBase = SameOrigin(baseUri, requestUri) && path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase);
            foreach (var (type, uris) in endpoints)
            {
                foreach (var uri in uris)
                {
                    var matches = uri.IsAbsoluteUri
                        ? SameOrigin(uri, requestUri) && SamePath(uri.AbsolutePath, path)
                        : underBase && SamePath(uri.OriginalString, path.AsSpan(basePath.Length));
                    if (matches)
                    {
                        return type;
                    }
                }
            }

            return OpenIddictServerEndpointType.Unknown;
        }

        private static bool SameOrigin(Uri left, Uri right)
            => string.Equals(left.Scheme, right.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(left.Host, right.Host, StringComparison.OrdinalIgnoreCase)
                && left.Port == right.Port;

        /// <summary>Equal ignoring case, or one of them longer by a trailing slash.</summary>
        private static bool SamePath(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
            => left.Equals(right, StringComparison.OrdinalIgnoreCase)
                || (left.Length == right.Length + 1 && left[^1] == '/' && left[..^1].Equals(right, StringComparison.OrdinalIgnoreCase))
                || (right.Length == left.Length + 1 && right[^1] == '/' && right[..^1].Equals(left, StringComparison.OrdinalIgnoreCase));
    }
}
