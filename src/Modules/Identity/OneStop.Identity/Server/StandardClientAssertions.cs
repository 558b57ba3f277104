using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Server;

/// <summary>
/// Accepts client assertions (private_key_jwt) as RFC 7523 writes them: without a <c>typ</c> header, or
/// with <c>typ: JWT</c>. OpenIddict 7 accepts only the newer <c>client-authentication+jwt</c>
/// (draft-ietf-oauth-rfc7523bis), which openid-client and oauth4webapi do not send by default.
/// Confusion with another kind of JWT is still impossible: the signature must verify with a key the
/// client registered, and the issuer, subject and audience are checked as for any assertion.
/// </summary>
internal static class StandardClientAssertions
{
    private static readonly string[] GenericTypes = ["JWT", "application/JWT"];

    /// <summary>
    /// Lets the generic types through OpenIddict's type check of client assertions, and accepts as their
    /// audience the URL of the endpoint they authenticate at (OpenID Connect Core section 9 and RFC 7523
    /// name the token endpoint's URL) as well as the issuer, which is all OpenIddict 7 accepts.
    /// </summary>
    public static OpenIddictServerHandlerDescriptor AcceptStandardForm { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseInlineHandler(context =>
            {
                if (!IsClientAssertion(context))
                {
                    return ValueTask.CompletedTask;
                }

                if (context.TokenValidationParameters is { } parameters)
                {
                    parameters.ValidTypes = [.. parameters.ValidTypes ?? [], .. GenericTypes];
                }

                var options = context.Options;
                var endpoints = options.TokenEndpointUris.Concat(options.PushedAuthorizationEndpointUris)
                    .Concat(options.IntrospectionEndpointUris).Concat(options.RevocationEndpointUris).ToList();
                foreach (var issuer in context.ValidAudiences.Where(a => a.EndsWith('/')).ToList())
                {
                    foreach (var endpoint in endpoints)
                    {
                        context.ValidAudiences.Add(endpoint.IsAbsoluteUri ? endpoint.AbsoluteUri : new Uri(new Uri(issuer), endpoint).AbsoluteUri);
                    }
                }

                return ValueTask.CompletedTask;
            })
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>OpenIddict reads a generic type as an ID token's; in a client assertion it is the assertion's.</summary>
    public static OpenIddictServerHandlerDescriptor TypeAsAssertion { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseInlineHandler(context =>
            {
                if (IsClientAssertion(context) && context.Principal is { } principal
                    && principal.GetTokenType() == OpenIddictConstants.TokenTypeIdentifiers.IdentityToken)
                {
                    context.Principal = principal.SetTokenType(OpenIddictConstants.TokenTypeIdentifiers.Private.ClientAssertion);
                }

                return ValueTask.CompletedTask;
            })
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private static bool IsClientAssertion(ValidateTokenContext context)
        => context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(OpenIddictConstants.TokenTypeIdentifiers.Private.ClientAssertion);
}
