using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Server;

/// <summary>
/// The resource servers an access token is meant for: its <c>aud</c> (RFC 9068 section 2.2 requires one,
/// and relying parties such as oauth4webapi refuse a token without it). A token for the exchange names
/// the exchange; a token for a person names the Digital ID's UserInfo.
/// </summary>
internal static class Audiences
{
    /// <summary>The government data exchange (scope <c>exchange</c>).</summary>
    public const string Exchange = "onestop-exchange";

    /// <summary>The Digital ID's UserInfo endpoint (a person's tokens).</summary>
    public const string UserInfo = "onestop-userinfo";

    public static IEnumerable<string> For(IEnumerable<string> scopes, bool forAPerson)
    {
        var set = scopes.ToHashSet(StringComparer.Ordinal);
        if (forAPerson)
        {
            yield return UserInfo;
        }

        if (set.Contains(OidcServer.ExtraScopes.Exchange))
        {
            yield return Exchange;
        }
    }
}

/// <summary>
/// Only a resource server a token is meant for may introspect it (its client id is one of the token's
/// audiences). OpenIddict also lets the client the token was issued to ask, which tells a client
/// nothing it needs and lets a stolen client secret test stolen tokens.
/// </summary>
internal sealed class IntrospectionByAudienceOnly : IOpenIddictServerHandler<ValidateIntrospectionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateIntrospectionRequestContext>()
            .UseSingletonHandler<IntrospectionByAudienceOnly>()
            .SetOrder(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateIntrospectionRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GenericTokenPrincipal is { } token && (string.IsNullOrEmpty(context.ClientId) || !token.HasAudience(context.ClientId)))
        {
            context.Reject(Errors.InvalidToken, "Only a resource server the token is meant for (an audience) may introspect it.");
        }

        return ValueTask.CompletedTask;
    }
}
