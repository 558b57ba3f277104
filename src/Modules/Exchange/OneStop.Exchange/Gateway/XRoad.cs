using System.Text.Json;
using System.Text.RegularExpressions;
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
}

/// <summary>An X-Road error: a type such as <c>Server.ServerProxy.AccessDenied</c>, a message and an HTTP status.</summary>
internal sealed record XRoadError(string Type, string Message, int Status)
{
    public static XRoadError InvalidRequest(string message) => new("Server.ClientProxy.InvalidRequest", message, 400);

    public static XRoadError InvalidClient(string message) => new("Server.ClientProxy.InvalidClientIdentifier", message, 400);

    public static XRoadError InvalidService(string message) => new("Server.ClientProxy.InvalidServiceIdentifier", message, 400);

    public static XRoadError UnknownMember(string message) => new("Server.ClientProxy.UnknownMember", message, 400);

    public static XRoadError ClientNotAuthenticated(string message) => new("Server.ClientProxy.SslAuthenticationFailed", message, 401);

    public static XRoadError TooLarge(long limit) => new("Server.ClientProxy.InvalidRequest", $"The request body is larger than {limit} bytes.", 413);

    public static XRoadError UnknownService(string message) => new("Server.ServerProxy.UnknownService", message, 404);

    public static XRoadError ServiceDisabled(string message) => new("Server.ServerProxy.ServiceDisabled", message, 503);

    public static XRoadError AccessDenied(string message) => new("Server.ServerProxy.AccessDenied", message, 403);

    public static XRoadError MissingPurpose() => new(
        "Server.ServerProxy.AccessDenied.MissingPurpose",
        "This service returns personal data: state the purpose in X-Road-Issue (e.g. the application number).", 403);

    public static XRoadError NoLegalBasis(string message) => new("Server.ServerProxy.AccessDenied.NoLegalBasis", message, 403);

    public static XRoadError Timeout(int seconds) => new("Server.ServerProxy.ServiceFailed.Timeout", $"The provider did not answer within {seconds} s.", 504);

    public static XRoadError NetworkError(string message) => new("Server.ServerProxy.ServiceFailed.NetworkError", message, 502);

    public static XRoadError ProviderError(int status) => new("Server.ServerProxy.ServiceFailed.HttpError", $"The provider failed with HTTP {status}.", 502);

    public static XRoadError TooManyDataSubjects(int limit) => new(
        "Server.ServerProxy.ServiceFailed.TooManyDataSubjects",
        $"The provider's answer discloses the data of more than {limit} people; the exchange records a read for each, and withholds an answer it cannot record.", 502);

    public static XRoadError LoggingFailed() => new("Server.ServerProxy.LoggingFailed", "The exchange could not be logged, so its response is withheld.", 500);

    /// <summary>Writes the error as X-Road does: <c>X-Road-Error</c> header and a type/message/detail JSON body.</summary>
    public Task WriteAsync(HttpContext context, string detail)
    {
        var response = context.Response;
        response.StatusCode = Status;
        response.Headers[XRoadHeaders.Error] = Type;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(new { type = Type, message = Message, detail }), context.RequestAborted);
    }
}

/// <summary>X-Road identifiers: <c>INSTANCE/CLASS/MEMBER/SUBSYSTEM</c>, each part percent-encoded.</summary>
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

        var parts = header.Trim().Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (parts.Length is < 3 or > 4 || parts.Any(p => !IsValidPart(p)))
        {
            return (null, $"'{header}' is not an X-Road client identifier (INSTANCE/CLASS/MEMBER/SUBSYSTEM).");
        }

        return parts.Length == 3
            ? (null, $"'{header}' names a member; access rights are granted to subsystems, so add the subsystem code.")
            : (parts, null);
    }

    /// <summary>Whether an <c>X-Road-Represented-Party</c> has PR-REST's form: <c>[memberClass/]memberCode</c>.</summary>
    public static bool IsRepresentedParty(string header)
        => header.Split('/') is { Length: 1 or 2 } parts && parts.Select(Uri.UnescapeDataString).All(IsValidPart);
}
