using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>
/// A relying party and a person's browser against the provider, through HTTP only: the browser
/// follows the provider's redirects and fills its forms; the RP redeems codes at the token endpoint.
/// </summary>
internal sealed partial class OidcDance(AppFactory app)
{
    public const string Portal = "demo-portal";
    public const string PortalSecret = "demo-portal-secret";
    public const string Redirect = "http://127.0.0.1:5081/callback";
    public const string DemoEmail = "citizen1@demo.onestop.test";
    public const string DemoCitizenId = "1999900000013";
    public const string DemoPassword = "Thai-Demo-2569";

    /// <summary>The person's browser: keeps the provider's cookies, never follows redirects on its own.</summary>
    public HttpClient Browser { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The relying party's back channel.</summary>
    public HttpClient Backchannel { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public Dictionary<string, string> AuthorizeParameters(string scope = "openid profile pid offline_access", string? acr = null, string? prompt = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["client_id"] = Portal, ["redirect_uri"] = Redirect, ["response_type"] = "code", ["scope"] = scope,
            ["state"] = "state-" + Guid.NewGuid().ToString("N"), ["nonce"] = "nonce-" + Guid.NewGuid().ToString("N"),
            ["code_challenge"] = Challenge, ["code_challenge_method"] = "S256",
        };
        if (acr is not null)
        {
            parameters["acr_values"] = acr;
        }

        if (prompt is not null)
        {
            parameters["prompt"] = prompt;
        }

        return parameters;
    }

    public static string AuthorizeUrl(IDictionary<string, string> parameters) => QueryHelpers.AddQueryString("/connect/authorize", parameters!);

    /// <summary>A new IAL1 person (e-mail only), registered and signed in; returns their browser and e-mail.</summary>
    public static async Task<(OidcDance Dance, string Email)> RegisterAsync(AppFactory app, string prefix, string password)
    {
        var dance = new OidcDance(app);
        var email = $"{prefix}-{Guid.NewGuid():N}@example.test";
        var response = await dance.SubmitAsync("/Identity/Account/Register", new() { ["Email"] = email, ["Password"] = password });
        Assert.Contains("id=\"check-mail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        response = await dance.SubmitAsync(await ConfirmationLinkAsync(app, email), new() { ["Password"] = password });
        Assert.Equal("/Identity/Account", response.RequestMessage!.RequestUri!.AbsolutePath);
        return (dance, email);
    }

    /// <summary>
    /// The link the registration mail carries, made as the mail handler makes it (tests that are about the
    /// mail itself read it from a test mail server: see RegistrationMailTests).
    /// </summary>
    public static Task<string> ConfirmationLinkAsync(AppFactory app, string email) => app.WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<Accounts.Account>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No account for " + email);
        var code = await users.GenerateEmailConfirmationTokenAsync(account);
        return $"{Accounts.AccountMail.ConfirmPath}?account={account.Id}&code={Uri.EscapeDataString(code)}";
    });

    /// <summary>Follows redirects inside the provider until it sends the browser elsewhere or shows a page; returns that last response.</summary>
    public async Task<HttpResponseMessage> FollowAsync(string url)
    {
        var response = await Browser.GetAsync(url);
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            var location = response.Headers.Location!;
            if (location.IsAbsoluteUri && location.Host != "localhost")
            {
                return response; // back to the client
            }

            response = await Browser.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        return response;
    }

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> with its antiforgery token, and follows the answer.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, Dictionary<string, string> fields)
    {
        var page = await Browser.GetStringAsync(pageUrl);
        // The page's own form is the last one (the layout's language switch comes first, with its own returnUrl).
        var form = page[page.LastIndexOf("<form", StringComparison.Ordinal)..];
        var posted = new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in FieldsOf(form))
        {
            posted.TryAdd(name, value);
        }

        return await PostAsync(pageUrl, posted);
    }

    /// <summary>A form's antiforgery token and hidden fields.</summary>
    public static Dictionary<string, string> FieldsOf(string form)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value,
        };
        foreach (Match hidden in Hidden().Matches(form))
        {
            fields.TryAdd(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        return fields;
    }

    /// <summary>Signs out with the sign-out button of My Digital ID (the site's one sign-out), and follows on to the home page.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var page = await Browser.GetStringAsync("/Identity/Account");
        var form = page[page.LastIndexOf("<form", StringComparison.Ordinal)..];
        Assert.Contains("action=\"/signout\"", form, StringComparison.Ordinal);
        var response = await Browser.PostAsync("/signout", new FormUrlEncodedContent(FieldsOf(form)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await FollowAsync(response.Headers.Location!.PathAndQuery);
    }

    /// <summary>Posts a form and follows the provider's own redirects.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> posted)
    {
        var response = await Browser.PostAsync(url, new FormUrlEncodedContent(posted));
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location && !location.IsAbsoluteUri)
        {
            return await FollowAsync(location.OriginalString);
        }

        return response;
    }

    /// <summary>Signs in on the page the provider redirected to, then follows on; answers the consent page with "allow" if it comes.</summary>
    public async Task<HttpResponseMessage> SignInAndAllowAsync(HttpResponseMessage signInPage, string login = DemoEmail, string password = DemoPassword)
    {
        var url = signInPage.RequestMessage!.RequestUri!.PathAndQuery;
        var response = await SubmitAsync(url, new Dictionary<string, string> { ["Login"] = login, ["Password"] = password });
        if (response.RequestMessage?.RequestUri?.AbsolutePath == "/Identity/Account/Consent")
        {
            response = await SubmitAsync(response.RequestMessage.RequestUri.PathAndQuery, new Dictionary<string, string> { ["decision"] = "allow" });
        }

        return response;
    }

    /// <summary>The whole code flow for the demo person; returns the callback's query parameters.</summary>
    public async Task<(Dictionary<string, string> Callback, Dictionary<string, string> Request)> CodeAsync(string scope = "openid profile pid offline_access")
    {
        var parameters = AuthorizeParameters(scope);
        var response = await FollowAsync(AuthorizeUrl(parameters));
        if (response.RequestMessage!.RequestUri!.AbsolutePath == "/Identity/Account/SignIn")
        {
            response = await SignInAndAllowAsync(response);
        }
        else if (response.RequestMessage.RequestUri.AbsolutePath == "/Identity/Account/Consent")
        {
            response = await SubmitAsync(response.RequestMessage.RequestUri.PathAndQuery, new Dictionary<string, string> { ["decision"] = "allow" });
        }

        return (CallbackOf(response), parameters);
    }

    public static Dictionary<string, string> CallbackOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException(
            $"No redirect to the client: {(int)response.StatusCode} {response.RequestMessage?.RequestUri} {System.Text.RegularExpressions.Regex.Match(response.Content.ReadAsStringAsync().Result, "error-summary[\\s\\S]{0,600}").Value}");
        Assert.StartsWith(Redirect, location.AbsoluteUri, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form, string client = Portal, string secret = PortalSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client}:{secret}")));
        var response = await Backchannel.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string code, string? verifier = null)
        => TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier ?? Verifier });

    public static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1];
        return JsonDocument.Parse(Base64UrlDecode(part)).RootElement.Clone();
    }

    public static JsonElement Header(string jwt) => JsonDocument.Parse(Base64UrlDecode(jwt.Split('.')[0])).RootElement.Clone();

    public static byte[] Base64UrlDecode(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<input type=\"hidden\" name=\"([A-Za-z]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
