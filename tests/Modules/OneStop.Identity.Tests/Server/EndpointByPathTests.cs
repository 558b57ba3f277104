using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Identity.Server;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Tests.Server;

public sealed class EndpointByPathTests
{
    private static readonly OpenIddictServerOptions Options = Configured();

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/connect/token", OpenIddictServerEndpointType.Token)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/CONNECT/Token", OpenIddictServerEndpointType.Token)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/connect/token/", OpenIddictServerEndpointType.Token)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/connect/token//", OpenIddictServerEndpointType.Unknown)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/connect/tokens", OpenIddictServerEndpointType.Unknown)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/connect/authorize", OpenIddictServerEndpointType.Authorization)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/connect/par", OpenIddictServerEndpointType.PushedAuthorization)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/.well-known/openid-configuration", OpenIddictServerEndpointType.Configuration)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/.well-known/jwks", OpenIddictServerEndpointType.JsonWebKeySet)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/Identity/Account/SignIn", OpenIddictServerEndpointType.Unknown)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/", OpenIddictServerEndpointType.Unknown)]
    [InlineData("https://onestop.example/base/", "https://onestop.example/base/connect/userinfo", OpenIddictServerEndpointType.UserInfo)]
    [InlineData("https://onestop.example/base/", "https://onestop.example/connect/userinfo", OpenIddictServerEndpointType.Unknown)]
    [InlineData("https://onestop.example/", "https://id.example/connect/introspect", OpenIddictServerEndpointType.Introspection)]
    [InlineData("https://onestop.example/", "https://id.example:8443/connect/introspect", OpenIddictServerEndpointType.Unknown)]
    [InlineData("https://onestop.example/", "https://onestop.example/connect/introspect", OpenIddictServerEndpointType.Unknown)]
    [InlineData("https://issuer.example/", "https://onestop.example/connect/token", OpenIddictServerEndpointType.Unknown)]
    public async Task Finds_the_endpoint_as_OpenIddict_does(string baseUri, string requestUri, OpenIddictServerEndpointType expected)
    {
        var ours = await Infer(new EndpointByPath(), baseUri, requestUri);
        var openIddicts = await Infer(new OpenIddictServerHandlers.InferEndpointType(), baseUri, requestUri);

        Assert.Equal(expected, ours);
        Assert.Equal(openIddicts, ours);
    }

    [Fact]
    public async Task Refuses_relative_request_URIs_as_OpenIddict_does()
    {
        var context = new ProcessRequestContext(new OpenIddictServerTransaction { Options = Options, Logger = NullLogger.Instance })
        {
            BaseUri = new Uri("/", UriKind.Relative),
            RequestUri = new Uri("/connect/token", UriKind.Relative),
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => new EndpointByPath().HandleAsync(context).AsTask());
    }

    private static async Task<OpenIddictServerEndpointType> Infer(IOpenIddictServerHandler<ProcessRequestContext> handler, string baseUri, string requestUri)
    {
        var context = new ProcessRequestContext(new OpenIddictServerTransaction { Options = Options, Logger = NullLogger.Instance })
        {
            BaseUri = new Uri(baseUri),
            RequestUri = new Uri(requestUri),
        };
        await handler.HandleAsync(context);
        return context.EndpointType;
    }

    private static OpenIddictServerOptions Configured()
    {
        var options = new OpenIddictServerOptions();
        options.AuthorizationEndpointUris.Add(new Uri("connect/authorize", UriKind.Relative));
        options.PushedAuthorizationEndpointUris.Add(new Uri("connect/par", UriKind.Relative));
        options.TokenEndpointUris.Add(new Uri("connect/token", UriKind.Relative));
        options.UserInfoEndpointUris.Add(new Uri("connect/userinfo", UriKind.Relative));
        options.ConfigurationEndpointUris.Add(new Uri(".well-known/openid-configuration", UriKind.Relative));
        options.JsonWebKeySetEndpointUris.Add(new Uri(".well-known/jwks", UriKind.Relative));
        options.IntrospectionEndpointUris.Add(new Uri("https://id.example/connect/introspect", UriKind.Absolute));
        return options;
    }
}
