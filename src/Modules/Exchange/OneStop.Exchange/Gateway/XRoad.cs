using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace OneStop.Exchange.Gateway;

/// <summary>Header names of the X-Road Message Protocol for REST (and GovStack's synonym).</summary>
internal static class XRoadHeaders
{
    public const string Client = "X-Road-Client";
    public const string GovStackClient = "Information-Mediator-Client";
    public const string Id = "X-Road-Id";
    public const string UserId = "X-Road-UserId";
    public const string Issue = "X-Road-Issue";
    public const string RepresentedParty = "X-Road-Represented-Party";
    public const string Service = "X-Road-Service";
    public const string RequestId = "X-Road-Request-Id";
    public const string RequestHash = "X-Road-Request-Hash";
    public const string Error = "X-Road-Error";
    public const string SecurityServer = "X-Road-Security-Server";

    /// <summary>
    /// The headers PR-REST defines for the exchange itself. The gateway sets its own in their place;
    /// any other <c>X-Road-*</c> header is a contract between the systems and passes like a user header (PR-REST 4.3).
    /// </summary>
    private static readonly HashSet<string> Protocol = new(StringComparer.OrdinalIgnoreCase)
    {
        Client, Id, UserId, Issue, RepresentedParty, Service, RequestId, RequestHash, Error, SecurityServer,
    };

    /// <summary>The request headers the exchange logs, forwards and echoes.</summary>
    private static readonly string[] Logged = [Id, UserId, Issue, RepresentedParty];

    public static bool IsProtocolHeader(string name) => Protocol.Contains(name);

    /// <summary>
    /// The first of the logged headers holding anything but printable ASCII, or null. Such a value cannot
    /// be echoed in the answer nor sent on to a provider, so it is refused before either.
    /// </summary>
    public static string? Unprintable(HttpRequest request)
        => Logged.FirstOrDefault(name => request.Headers[name].Any(value => value is not null && !IsPrintable(value)));

    public static bool IsPrintable(string value) => value.All(c => c is >= ' ' and <= '~');
}

/// <summary>
/// An X-Road error: a type such as <c>Server.ServerProxy.AccessDenied</c>, a message and an HTTP status.
/// As in PR-REST 4.6 and X-Road's security server, the status says only where it arose: 400 for the
/// checks of the client's request (<c>Server.ClientProxy.*</c>), 500 for what the provider's side
/// decides or fails at (<c>Server.ServerProxy.*</c>); the type says what happened.
/// </summary>
internal sealed record XRoadError(string Type, string Message, int Status)
{
    private const int ClientFault = StatusCodes.Status400BadRequest;
    private const int ServerFault = StatusCodes.Status500InternalServerError;

    public static XRoadError InvalidRequest(string message) => new("Server.ClientProxy.InvalidRequest", message, ClientFault);

    public static XRoadError InvalidClient(string message) => new("Server.ClientProxy.InvalidClientIdentifier", message, ClientFault);

    public static XRoadError InvalidService(string message) => new("Server.ClientProxy.InvalidServiceIdentifier", message, ClientFault);

    public static XRoadError UnknownMember(string message) => new("Server.ClientProxy.UnknownMember", message, ClientFault);

    public static XRoadError ClientNotAuthenticated(string message) => new("Server.ClientProxy.SslAuthenticationFailed", message, ClientFault);

    public static XRoadError TooLarge(long limit) => new("Server.ClientProxy.InvalidRequest", $"The request body is larger than {limit} bytes.", ClientFault);

    public static XRoadError UnknownService(string message) => new("Server.ServerProxy.UnknownService", message, ServerFault);

    public static XRoadError ServiceDisabled(string message) => new("Server.ServerProxy.ServiceDisabled", message, ServerFault);

    public static XRoadError AccessDenied(string message) => new("Server.ServerProxy.AccessDenied", message, ServerFault);

    public static XRoadError MissingPurpose() => new(
        "Server.ServerProxy.AccessDenied.MissingPurpose",
        "This service returns personal data: state the purpose in X-Road-Issue (e.g. the application number).", ServerFault);

    public static XRoadError NoLegalBasis(string message) => new("Server.ServerProxy.AccessDenied.NoLegalBasis", message, ServerFault);

    public static XRoadError Timeout(int seconds) => new("Server.ServerProxy.ServiceFailed.Timeout", $"The provider did not answer within {seconds} s.", ServerFault);

    public static XRoadError NetworkError(string message) => new("Server.ServerProxy.ServiceFailed.NetworkError", message, ServerFault);

    public static XRoadError ResponseTooLarge(long limit) => new("Server.ServerProxy.ServiceFailed.ResponseTooLarge", $"The provider's response is larger than {limit} bytes.", ServerFault);

    /// <summary>A provider's answer the exchange needed itself (its OpenAPI description) failed; a service's own answers are relayed as they are.</summary>
    public static XRoadError ProviderError(int status) => new("Server.ServerProxy.ServiceFailed.HttpError", $"The provider failed with HTTP {status}.", ServerFault);

    public static XRoadError TooManyDataSubjects(int limit) => new(
        "Server.ServerProxy.ServiceFailed.TooManyDataSubjects",
        $"The provider's answer discloses the data of more than {limit} people; the exchange records a read for each, and withholds an answer it cannot record.", ServerFault);

    /// <summary>503, as X-Road answers when its message log cannot be written: the exchange is unavailable until it can log again.</summary>
    public static XRoadError LoggingFailed() => new(
        "Server.ServerProxy.LoggingFailed", "The exchange could not be logged, so its response is withheld.", StatusCodes.Status503ServiceUnavailable);

    public static XRoadError ProviderLoop(string service) => new(
        "Server.ServerProxy.ProviderLoop", $"The address of {service} leads back into the exchange; the operator must correct it.", ServerFault);

    public static XRoadError Internal() => new("Server.ServerProxy.InternalError", "The exchange failed; the error has been logged.", ServerFault);

    /// <summary>
    /// Writes the error as X-Road does: the <c>X-Road-Error</c> header and a type/message/detail body, in
    /// XML when the client's <c>Accept</c> prefers it, otherwise in JSON (PR-REST 4.6).
    /// </summary>
    public Task WriteAsync(HttpContext context, string detail)
    {
        var response = context.Response;
        response.StatusCode = Status;
        response.Headers[XRoadHeaders.Error] = Type;
        if (XmlMediaType(context.Request) is { } xml)
        {
            response.ContentType = xml + "; charset=utf-8";
            var document = new XElement("error", new XElement("type", Type), new XElement("message", Message), new XElement("detail", detail));
            return response.WriteAsync(new XDeclaration("1.0", "UTF-8", null) + document.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
        }

        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(new { type = Type, message = Message, detail }), context.RequestAborted);
    }

    /// <summary>The XML media type the client asked for, when it ranks XML above JSON; JSON is the default.</summary>
    private static string? XmlMediaType(HttpRequest request)
    {
        string? best = null;
        var bestQuality = 0.0;
        var jsonQuality = 0.0;
        foreach (var accepted in request.GetTypedHeaders().Accept)
        {
            var type = accepted.MediaType.Value ?? string.Empty;
            var quality = accepted.Quality ?? 1.0;
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                jsonQuality = Math.Max(jsonQuality, quality);
            }
            else if ((type.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || type.Equals("text/xml", StringComparison.OrdinalIgnoreCase)) && quality > bestQuality)
            {
                (best, bestQuality) = (type.ToLowerInvariant(), quality);
            }
        }

        return best is not null && bestQuality > jsonQuality ? best : null;
    }
}

/// <summary>X-Road identifiers: <c>INSTANCE/CLASS/MEMBER[/SUBSYSTEM]</c>, each part percent-encoded.</summary>
internal static partial class XRoadIdentifier
{
    /// <summary>The characters X-Road allows in identifier parts (PR-REST 4.8).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9'()+,\-.=?]{1,100}$")]
    private static partial Regex Part();

    public static bool IsValidPart(string part) => Part().IsMatch(part);

    /// <summary>Parses a client header into its decoded parts, or says what is wrong.</summary>
    public static (string[]? Parts, string? Problem) ParseClient(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, "The X-Road-Client header is missing.");
        }

        // A member (three parts) or one of its subsystems (four), as PR-REST 4.3 allows.
        var parts = header.Trim().Split('/').Select(Uri.UnescapeDataString).ToArray();
        return parts.Length is < 3 or > 4 || parts.Any(p => !IsValidPart(p))
            ? (null, $"'{header}' is not an X-Road client identifier (INSTANCE/CLASS/MEMBER or INSTANCE/CLASS/MEMBER/SUBSYSTEM).")
            : (parts, null);
    }

    /// <summary>Whether an <c>X-Road-Represented-Party</c> has PR-REST's form: <c>[memberClass/]memberCode</c>.</summary>
    public static bool IsRepresentedParty(string header)
        => header.Split('/') is { Length: 1 or 2 } parts && parts.Select(Uri.UnescapeDataString).All(IsValidPart);
}
