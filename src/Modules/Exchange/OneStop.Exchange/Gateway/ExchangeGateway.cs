using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Data;
using OneStop.Exchange.MessageLog;
using OneStop.Exchange.Metadata;
using OneStop.Registries.Contracts;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// The consumer interface of the exchange, wire-compatible with the X-Road Message Protocol for REST:
/// <c>{METHOD} /r1/{instance}/{class}/{member}/{subsystem}/{service}[/path][?query]</c>.
/// It authenticates the client (a subsystem, or a member with connection settings), checks the access right and, for personal data, the
/// purpose and legal basis; forwards to the provider; and logs every exchange durably before answering.
/// </summary>
internal sealed class ExchangeGateway(
    IServiceProvider services, ExchangeDirectory directory, ProviderClient providers, IConfiguration configuration, MessageLogWriter log, BodySealer bodies,
    TimeProvider clock, GatewayLimits limits, ProviderLoop loops, ILogger<ExchangeGateway> logger)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Host", "Content-Length", "Expect", "Server", "Date",
    };

    private static readonly string[] MetadataServiceCodes = ["listMethods", "allowedMethods", "getOpenAPI"];

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = Guid.NewGuid().ToString();
        if (context.Features.Get<LocalCallFeature>() is not null)
        {
            await RefuseUnattributedAsync(context, XRoadError.InvalidService("A provider hosted by this node forwards to the exchange itself; register the service with the provider's own address."), requestId);
            return;
        }

        // Kestrel's own limit is the site's; the gateway's is configured apart (X-Road passes bodies of many MiB).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxRequestBody;
        }

        // The escaped form, so that each segment is decoded once; rights are checked on it.
        var segments = (request.PathBase + request.Path).ToUriComponent().Split('/');

        // "", "r1", instance, class, member, subsystem, service, path...
        if (segments.Length < 7 || segments[1] != "r1")
        {
            await RefuseUnattributedAsync(context, XRoadError.InvalidService("The address must be /r1/{instance}/{memberClass}/{memberCode}/{subsystemCode}/{serviceCode}[/path]."), requestId);
            return;
        }

        var ids = segments[2..7].Select(Uri.UnescapeDataString).ToArray();
        if (ids.Any(p => !XRoadIdentifier.IsValidPart(p)))
        {
            await RefuseUnattributedAsync(context, XRoadError.InvalidService($"'{string.Join('/', ids)}' is not a valid service identifier."), requestId);
            return;
        }

        if (RawPath.Below(context, 7) is not { } forwardPath)
        {
            await RefuseUnattributedAsync(context, XRoadError.InvalidRequest(
                "The path has a control character, or a . or .. segment, possibly percent-encoded (once or twice); the exchange does not forward it."), requestId);
            return;
        }

        if (XRoadHeaders.Unprintable(request) is { } badHeader)
        {
            await RefuseUnattributedAsync(context, XRoadError.InvalidRequest($"{badHeader} may hold only printable ASCII characters."), requestId);
            return;
        }

        var providerSubsystemId = string.Join('/', ids[..4]);
        var serviceCode = ids[4];
        var servicePath = "/" + string.Join('/', segments[7..]);
        var serviceId = $"{providerSubsystemId}/{serviceCode}";

        var clientHeader = Header(request, XRoadHeaders.Client) ?? Header(request, XRoadHeaders.GovStackClient);
        var (clientParts, clientProblem) = XRoadIdentifier.ParseClient(clientHeader);
        if (clientParts is null)
        {
            await RefuseUnattributedAsync(context, XRoadError.InvalidClient(clientProblem!), requestId);
            return;
        }

        var clientId = string.Join('/', clientParts);
        // Time-ordered when the gateway makes one up: the log's index on it then grows at one end
        // instead of touching a random page for every exchange.
        var xroadId = Header(request, XRoadHeaders.Id) ?? $"{clientParts[0]}-{Guid.CreateVersion7(clock.GetUtcNow())}";
        var exchange = new Exchange(xroadId, requestId, clientId, serviceId, request.Method, servicePath + request.QueryString,
            Header(request, XRoadHeaders.UserId), Header(request, XRoadHeaders.Issue), Header(request, XRoadHeaders.RepresentedParty));
        if (TooLongToLog(exchange) is { } tooLong)
        {
            await RefuseUnattributedAsync(context, XRoadError.InvalidRequest(tooLong), requestId);
            return;
        }

        var config = await directory.GetAsync(context.RequestAborted);
        var client = config.Clients.GetValueOrDefault(clientId);
        if (client is null)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.UnknownMember(config.Members.Contains(clientId)
                ? $"The member {clientId} has no connection settings, so it is not a client of the exchange: call as one of its subsystems, or ask the operator to register how it connects."
                : $"The client {clientId} is not registered on the exchange."));
            return;
        }

        if (await AuthenticateAsync(context, client) is { } authError)
        {
            await RespondWithErrorAsync(context, exchange, authError);
            return;
        }

        if (exchange.RepresentedParty is { } party && !XRoadIdentifier.IsRepresentedParty(party))
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.InvalidRequest(
                $"'{party}' is not a represented party: X-Road-Represented-Party is [memberClass/]memberCode, e.g. COM/0105999000016."));
            return;
        }

        if (request.ContentLength > limits.MaxRequestBody)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.TooLarge(limits.MaxRequestBody));
            return;
        }

        var service = config.Services.GetValueOrDefault(serviceId);
        if (service is null && MetadataServiceCodes.Contains(serviceCode, StringComparer.Ordinal) && config.Subsystems.ContainsKey(providerSubsystemId))
        {
            await AnswerMetadataAsync(context, exchange, serviceCode, providerSubsystemId);
            return;
        }

        if (service is null)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.UnknownService($"There is no service {serviceId} on the exchange."));
            return;
        }

        if (service.Disabled)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.ServiceDisabled($"The service {serviceId} is disabled."));
            return;
        }

        var right = config.Rights(clientId, serviceId).FirstOrDefault(r => (r.Method == "*" || string.Equals(r.Method, request.Method, StringComparison.OrdinalIgnoreCase)) && PathPattern.Matches(r.Path, servicePath));
        if (right is null)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.AccessDenied($"{clientId} has no access right to {request.Method} {servicePath} of {serviceId}."));
            return;
        }

        // Read before the legal basis is checked: the data subject may be named in the body, and a refusal is logged with the body's hash.
        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, context.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.TooLarge(limits.MaxRequestBody));
            return;
        }

        exchange = exchange with
        {
            RequestHash = RequestHash(exchange, body),
            RequestBodyHash = LogChain.BodyHash(body),
            RequestBody = body,
        };

        string? dataSubject = null;
        string? legalBasis = null;
        if (service.PersonalData)
        {
            if (string.IsNullOrWhiteSpace(exchange.Issue))
            {
                await RespondWithErrorAsync(context, exchange, XRoadError.MissingPurpose());
                return;
            }

            dataSubject = DataSubjectOf(servicePath, body, request.ContentType);
            legalBasis = right.LegalMandate is { Length: > 0 } mandate ? mandate : await ConsentAsync(clientId, serviceId, dataSubject, context.RequestAborted);
            if (legalBasis is null)
            {
                await RespondWithErrorAsync(context, exchange with { DataSubject = dataSubject }, XRoadError.NoLegalBasis(
                    $"{clientId} has neither a legal mandate for {serviceId} nor the data subject's consent."));
                return;
            }
        }

        await ForwardAsync(context, exchange with { DataSubject = dataSubject, LegalBasis = legalBasis }, service, client, forwardPath);
    }

    // forwardPath: the path below the service and the query, exactly as the client sent them.
    private async Task ForwardAsync(HttpContext context, Exchange exchange, ExchangeService service, ExchangeClient client, string forwardPath)
    {
        var request = context.Request;
        var body = exchange.RequestBody ?? [];
        var url = service.BaseUrl.TrimEnd('/') + forwardPath;
        if (loops.LeadsBack(url, request.Host.Host))
        {
            // A directory mistake, not the client's: the operator must correct the service's address.
            logger.LogError("The service {Service} has a base URL that leads back into the exchange ({Url}); its calls are refused", exchange.Service, service.BaseUrl);
            await RespondWithErrorAsync(context, exchange, XRoadError.ProviderLoop(exchange.Service));
            return;
        }

        var sendsBody = body.Length > 0 || request.ContentLength == 0 && request.ContentType is not null;
        // The client's own credential for the exchange (its access token) is not the provider's to see or replay.
        var keepsAuthorization = client.ConnectionType != ConnectionType.OAuth2;
        var headers = new HeaderDictionary();
        foreach (var (name, values) in request.Headers)
        {
            if (!HopByHop.Contains(name) && !XRoadHeaders.IsProtocolHeader(name)
                && !name.StartsWith("Information-Mediator-", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(name, RegistryProviders.ProviderTokenHeader, StringComparison.OrdinalIgnoreCase)
                && (keepsAuthorization || !string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                && (sendsBody || !name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
            {
                headers[name] = values;
            }
        }

        // Only the client the exchange authenticated, under both names: GovStack providers read the second.
        headers[XRoadHeaders.Client] = exchange.Client;
        headers[XRoadHeaders.GovStackClient] = exchange.Client;
        headers[XRoadHeaders.Id] = exchange.XRoadId;
        headers[XRoadHeaders.RequestId] = exchange.RequestId;
        headers[XRoadHeaders.Service] = exchange.Service;
        AddIfPresent(headers, XRoadHeaders.Issue, exchange.Issue);
        AddIfPresent(headers, XRoadHeaders.UserId, exchange.UserId);
        AddIfPresent(headers, XRoadHeaders.RepresentedParty, exchange.RepresentedParty);
        if (service.ProviderTokenKey is { } tokenKey && configuration[tokenKey] is { } token)
        {
            headers[RegistryProviders.ProviderTokenHeader] = token;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(service.TimeoutSeconds));
        ProviderAnswer response;
        try
        {
            response = await providers.SendAsync(request.Method, url, headers, sendsBody ? body : null, timeout.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.Timeout(service.TimeoutSeconds));
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            var message = ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                ? "The provider refused the connection."
                : ex is IOException ? "The provider's connection broke off during its answer." : "The provider could not be reached.";
            await RespondWithErrorAsync(context, exchange, XRoadError.NetworkError(message));
            return;
        }
        catch (InvalidDataException)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.ResponseTooLarge(limits.MaxResponseBody));
            return;
        }

        var reads = service.PersonalData && response.Status is >= 200 and < 300 ? ReadsOf(exchange, client, service, response.Headers) : null;
        if (reads?.Count > MaxDataSubjects)
        {
            await RespondWithErrorAsync(context, exchange, XRoadError.TooManyDataSubjects(MaxDataSubjects));
            return;
        }

        if (!await TryLogAsync(exchange, response.Status, null, response.Body, reads))
        {
            await XRoadError.LoggingFailed().WriteAsync(context, exchange.RequestId);
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, values) in response.Headers)
        {
            if (!HopByHop.Contains(name) && !XRoadHeaders.IsProtocolHeader(name)
                && !string.Equals(name, ExchangeProviderHeaders.DataSubjects, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values;
            }
        }

        WriteXRoadHeaders(context, exchange);
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    /// <summary>The most people one answer may disclose: each gets a read record, written before the answer is delivered.</summary>
    internal const int MaxDataSubjects = 1000;

    /// <summary>
    /// A read record for each person an answer is about: the one asked for, and the others whose data the
    /// provider says it discloses (<see cref="ExchangeProviderHeaders.DataSubjects"/>), so that they see it too.
    /// The log's writer gives each the time of its record.
    /// </summary>
    private static List<PersonalDataRead> ReadsOf(Exchange exchange, ExchangeClient client, ExchangeService service, IEnumerable<KeyValuePair<string, StringValues>> answerHeaders)
    {
        PersonalDataRead ReadOf(string subject) => new()
        {
            DataSubject = subject, Incidental = subject != exchange.DataSubject, Client = exchange.Client, ClientName = client.Name,
            Service = exchange.Service, ServiceTitle = service.Title, Purpose = exchange.Issue!, LegalBasis = exchange.LegalBasis!, XRoadId = exchange.XRoadId,
        };
        var others = DisclosedSubjects(answerHeaders).Where(s => s != exchange.DataSubject);
        return [.. (exchange.DataSubject is { } asked ? others.Prepend(asked) : others).Select(ReadOf)];
    }

    /// <summary>The distinct valid citizen IDs a provider's answer declares it discloses; anything else in the header is ignored.</summary>
    internal static IEnumerable<string> DisclosedSubjects(IEnumerable<KeyValuePair<string, StringValues>> answerHeaders)
        => answerHeaders.Where(h => string.Equals(h.Key, ExchangeProviderHeaders.DataSubjects, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Select(v => ThaiCitizenId.TryParse(v, out var id) ? id.Value : null).OfType<string>().Distinct(StringComparer.Ordinal);

    private async Task AnswerMetadataAsync(HttpContext context, Exchange exchange, string serviceCode, string providerSubsystemId)
    {
        var answer = await services.GetRequiredService<MetadataServices>().AnswerAsync(serviceCode, providerSubsystemId, exchange.Client, context.Request.Query["serviceCode"].LastOrDefault(), context.RequestAborted);
        if (answer.Error is { } error)
        {
            await RespondWithErrorAsync(context, exchange, error);
            return;
        }

        exchange = exchange with { RequestHash = RequestHash(exchange, []) };
        if (!await TryLogAsync(exchange, StatusCodes.Status200OK, null, answer.Body, null))
        {
            await XRoadError.LoggingFailed().WriteAsync(context, exchange.RequestId);
            return;
        }

        WriteXRoadHeaders(context, exchange);
        context.Response.ContentType = answer.ContentType;
        context.Response.ContentLength = answer.Body.Length;
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>
    /// What of the request is longer than the message log keeps, or null. Such a request is refused
    /// before it is logged: a record that cannot be written would fail its whole batch, other
    /// clients' exchanges with it.
    /// </summary>
    internal static string? TooLongToLog(Exchange e)
    {
        (string What, string? Value, int Max)[] fields =
        [
            ("The client identifier", e.Client, LogLimits.Client), ("The service identifier", e.Service, LogLimits.Service),
            ("The method", e.Method, LogLimits.Method), ("The path and query", e.Path, LogLimits.Path),
            ("X-Road-Id", e.XRoadId, LogLimits.XRoadId), ("X-Road-UserId", e.UserId, LogLimits.UserId),
            ("X-Road-Issue", e.Issue, LogLimits.Issue), ("X-Road-Represented-Party", e.RepresentedParty, LogLimits.RepresentedParty),
        ];
        return fields.FirstOrDefault(f => f.Value?.Length > f.Max) is { What: { } what, Max: var max }
            ? $"{what} is longer than {max} characters."
            : null;
    }

    /// <summary>
    /// Refuses a request that names no valid service or client. It cannot be attributed, so it is not in
    /// the message log, but the caller can still match the answer to its message and report the request id.
    /// </summary>
    private static Task RefuseUnattributedAsync(HttpContext context, XRoadError error, string requestId)
    {
        if (Header(context.Request, XRoadHeaders.Id) is { Length: <= LogLimits.XRoadId } given && XRoadHeaders.IsPrintable(given))
        {
            context.Response.Headers[XRoadHeaders.Id] = given;
        }

        context.Response.Headers[XRoadHeaders.RequestId] = requestId;
        return error.WriteAsync(context, requestId);
    }

    /// <summary>Logs a refused or failed exchange, then answers with the X-Road error.</summary>
    private async Task RespondWithErrorAsync(HttpContext context, Exchange exchange, XRoadError error)
    {
        if (!await TryLogAsync(exchange with { RequestHash = exchange.RequestHash ?? RequestHash(exchange, []) }, error.Status, error.Type, [], null))
        {
            error = XRoadError.LoggingFailed();
        }

        WriteXRoadHeaders(context, exchange);
        await error.WriteAsync(context, exchange.RequestId);
    }

    /// <summary>Logs an exchange; <paramref name="reads"/> are those of a personal-data answer delivered (null for any other exchange).</summary>
    internal async Task<bool> TryLogAsync(Exchange e, int status, string? errorType, byte[] responseBody, IReadOnlyList<PersonalDataRead>? reads)
    {
        try
        {
            await log.AppendAsync(new LogEntry(
                clock.GetUtcNow().UtcDateTime, e.XRoadId, e.RequestId, e.Client, e.Service, e.Method, e.Path, e.UserId, e.Issue,
                e.RepresentedParty, e.DataSubject, status, errorType, e.RequestHash ?? RequestHash(e, []), e.RequestBodyHash,
                LogChain.BodyHash(responseBody), reads ?? [],
                bodies.Enabled ? e.RequestBody : null, bodies.Enabled ? responseBody : null, e.LegalBasis,
                reads is null ? null : LogChain.DisclosedSubjects(reads)));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller answers LoggingFailed: an exchange that cannot be logged is not delivered.
            return false;
        }
    }

    internal static void WriteXRoadHeaders(HttpContext context, Exchange exchange)
    {
        var headers = context.Response.Headers;
        headers[XRoadHeaders.Id] = exchange.XRoadId;
        headers[XRoadHeaders.Client] = exchange.Client;
        headers[XRoadHeaders.Service] = exchange.Service;
        headers[XRoadHeaders.RequestId] = exchange.RequestId;
        if (exchange.RequestHash is { } hash)
        {
            headers[XRoadHeaders.RequestHash] = hash;
        }
    }

    private static async ValueTask<XRoadError?> AuthenticateAsync(HttpContext context, ExchangeClient client)
    {
        switch (client.ConnectionType)
        {
            case ConnectionType.Http:
                return FromAllowedAddress(context, client) ? null : XRoadError.ClientNotAuthenticated($"{client.Id} may connect over plain HTTP only from its registered addresses.");
            case ConnectionType.Https:
                return context.Request.IsHttps ? null : XRoadError.ClientNotAuthenticated($"{client.Id} must connect over HTTPS.");
            case ConnectionType.HttpsClientCertificate:
                var certificate = context.Connection.ClientCertificate;
                var thumbprint = certificate is null ? null : Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
                return context.Request.IsHttps && thumbprint is not null && string.Equals(thumbprint, client.ClientCertificateThumbprint, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : XRoadError.ClientNotAuthenticated($"{client.Id} must connect over HTTPS with its registered client certificate.");
            case ConnectionType.OAuth2:
                if (!context.Request.IsHttps && !FromAllowedAddress(context, client))
                {
                    return XRoadError.ClientNotAuthenticated($"{client.Id} must send its access token over HTTPS.");
                }

                // The Digital ID checks signature, issuer and lifetime; the exchange checks whose token it is and for what.
                await SelfContainedEndpoints.StartAuthenticationAsync(context);
                var token = await context.AuthenticateAsync(Schemes.AccessToken);
                var principal = token.Succeeded ? token.Principal : null;
                var clientId = principal?.FindFirst("client_id")?.Value;
                var scopes = principal?.FindAll("scope").SelectMany(c => c.Value.Split(' ')) ?? [];
                return clientId is not null && string.Equals(clientId, client.OAuthClientId, StringComparison.Ordinal) && scopes.Contains(OAuthScopes.Exchange)
                    ? null
                    : XRoadError.ClientNotAuthenticated($"{client.Id} must present a valid access token of its OAuth client with the scope '{OAuthScopes.Exchange}' (Authorization: Bearer).");
            default:
                return XRoadError.ClientNotAuthenticated("Unknown connection type.");
        }
    }

    private static bool FromAllowedAddress(HttpContext context, ExchangeClient client)
    {
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && client.AllowedAddresses.Any(a => IPAddress.TryParse(a, out var ip) && (ip.Equals(remote) || (remote.IsIPv4MappedToIPv6 && ip.Equals(remote.MapToIPv4()))));
    }

    private async Task<string?> ConsentAsync(string clientId, string serviceId, string? dataSubject, CancellationToken ct)
    {
        if (dataSubject is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Resolved only here: most exchanges rest on a mandate and need no database read before the log.
        var consent = await services.GetRequiredService<ExchangeDbContext>().Consents.AsNoTracking()
            .Where(c => c.DataSubject == dataSubject && c.ClientId == clientId && c.ServiceId == serviceId && c.WithdrawnAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.GrantedAt).FirstOrDefaultAsync(ct);
        return consent is null ? null : $"Consent of the data subject ({consent.Purpose}), granted {consent.GrantedAt:O}";
    }

    /// <summary>
    /// Whose personal data a request is about: the citizen ID in its path or, for a request that sends
    /// the ID in a JSON body (as the card check does), its top-level <c>citizenId</c>.
    /// </summary>
    internal static string? DataSubjectOf(string servicePath, byte[] body, string? contentType)
    {
        if (servicePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => ThaiCitizenId.TryParse(s, out _)) is { } inPath)
        {
            return ThaiCitizenId.Parse(inPath, null).Value;
        }

        if (body.Length == 0 || contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("citizenId", out var id) && id.ValueKind == JsonValueKind.String
                && ThaiCitizenId.TryParse(id.GetString(), out var citizen)
                ? citizen.Value
                : null;
        }
        catch (JsonException)
        {
            return null; // the provider answers a malformed body; the exchange only looks for whose data it is
        }
    }

    private static string? Header(HttpRequest request, string name) => request.Headers[name].LastOrDefault() is { Length: > 0 } value ? value : null;

    private static void AddIfPresent(HeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }

    /// <summary>
    /// X-Road's request hash: base64(SHA-512(SHA-512(header part) || SHA-512(body))), the header part
    /// being the request line and the X-Road headers; it binds a response to the exact query.
    /// </summary>
    internal static string RequestHash(Exchange e, byte[] body)
    {
        var header = new StringBuilder()
            .Append(e.Method).Append("\r\n").Append(e.Path).Append("\r\n")
            .Append("x-road-client:").Append(e.Client).Append("\r\n")
            .Append("x-road-id:").Append(e.XRoadId).Append("\r\n")
            .Append("x-road-request-id:").Append(e.RequestId).Append("\r\n")
            .Append("x-road-service:").Append(e.Service).Append("\r\n")
            .Append("x-road-issue:").Append(e.Issue).Append("\r\n")
            .Append("x-road-userid:").Append(e.UserId).Append("\r\n")
            .ToString();
        var headerHash = SHA512.HashData(Encoding.UTF8.GetBytes(header));
        var combined = body.Length == 0 ? headerHash : SHA512.HashData([.. headerHash, .. SHA512.HashData(body)]);
        return Convert.ToBase64String(body.Length == 0 ? headerHash : combined);
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return [];
        }

        return await ReadAtMostAsync(request.Body, limits.MaxRequestBody, () => new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge), ct);
    }

    /// <summary>Reads a whole stream, failing as soon as it passes <paramref name="limit"/> bytes.</summary>
    internal static async Task<byte[]> ReadAtMostAsync(Stream stream, long limit, Func<Exception> tooLarge, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw tooLarge();
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>What is known about one exchange while it is handled, and logged at its end.</summary>
internal sealed record Exchange(
    string XRoadId, string RequestId, string Client, string Service, string Method, string Path,
    string? UserId, string? Issue, string? RepresentedParty, string? DataSubject = null, string? RequestHash = null, string? RequestBodyHash = null,
    byte[]? RequestBody = null, string? LegalBasis = null);
