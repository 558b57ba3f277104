using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.Gateway;

namespace OneStop.Exchange.Metadata;

/// <summary>An answer of a metadata service, or the X-Road error instead.</summary>
internal sealed record MetadataAnswer(string ContentType, byte[] Body, XRoadError? Error = null)
{
    public static MetadataAnswer Fail(XRoadError error) => new(string.Empty, [], error);
}

/// <summary>
/// X-Road's service metadata for REST (PR-MREST): <c>listMethods</c>, <c>allowedMethods</c> and
/// <c>getOpenAPI?serviceCode=</c> on a provider subsystem, and <c>listClients</c> (PR-META).
/// JSON property names and shapes follow the protocol (snake case, the <c>service</c> array).
/// </summary>
internal sealed class MetadataServices(ExchangeDbContext db, ProviderClient providers)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<MetadataAnswer> AnswerAsync(string serviceCode, string providerSubsystemId, string clientId, string? requestedService, CancellationToken ct)
    {
        switch (serviceCode)
        {
            case "listMethods":
                return Answer(await ListAsync(providerSubsystemId, null, ct));
            case "allowedMethods":
                return Answer(await ListAsync(providerSubsystemId, clientId, ct));
            default:
                if (string.IsNullOrWhiteSpace(requestedService))
                {
                    return MetadataAnswer.Fail(XRoadError.InvalidRequest("getOpenAPI needs the query parameter serviceCode."));
                }

                var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == providerSubsystemId + "/" + requestedService, ct);
                if (service?.OpenApiUrl is null)
                {
                    return MetadataAnswer.Fail(XRoadError.UnknownService($"No OpenAPI description for service {requestedService} of {providerSubsystemId}."));
                }

                try
                {
                    var answer = await providers.SendAsync(HttpMethods.Get, service.OpenApiUrl, new HeaderDictionary(), null, ct);
                    if (answer.Status is not (>= 200 and < 300))
                    {
                        return MetadataAnswer.Fail(XRoadError.ProviderError(answer.Status));
                    }

                    // A document in another form (YAML) is passed as the provider wrote it.
                    return ExchangeOpenApi.ForService(answer.Body, service.Id, service.BaseUrl) is { } throughExchange
                        ? new MetadataAnswer("application/json; charset=utf-8", throughExchange)
                        : new MetadataAnswer(answer.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value.FirstOrDefault() ?? "application/json", answer.Body);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException)
                {
                    return MetadataAnswer.Fail(XRoadError.NetworkError("The provider's OpenAPI description could not be fetched."));
                }
        }
    }

    private async Task<object> ListAsync(string providerSubsystemId, string? clientId, CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking().Include(s => s.Endpoints).Where(s => s.SubsystemId == providerSubsystemId && !s.Disabled)
            .OrderBy(s => s.ServiceCode).ToListAsync(ct);
        var rights = clientId is null ? [] : await db.AccessRights.AsNoTracking().Where(r => r.ClientId == clientId).ToListAsync(ct);
        var parts = providerSubsystemId.Split('/');
        var list = services
            .Where(s => clientId is null || rights.Any(r => r.ServiceId == s.Id))
            .Select(s => new
            {
                object_type = "SERVICE",
                xroad_instance = parts[0],
                member_class = parts[1],
                member_code = parts[2],
                subsystem_code = parts[3],
                service_code = s.ServiceCode,
                service_type = s.OpenApiUrl is null ? "REST" : "OPENAPI",
                endpoint_list = clientId is null
                    ? s.Endpoints.Select(e => new { method = e.Method, path = e.Path }).ToList()
                    : rights.Where(r => r.ServiceId == s.Id).Select(r => new { method = r.Method, path = r.Path }).ToList(),
            })
            .ToList();
        return new { service = list };
    }

    private static MetadataAnswer Answer(object value) => new("application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Json));

    /// <summary>
    /// <c>GET /listClients</c>: every member and subsystem, as X-Road's security server lists them: JSON
    /// when asked for with <c>Accept: application/json</c>, otherwise the <c>clientList</c> XML of PR-META.
    /// </summary>
    public static void MapListClients(IEndpointRouteBuilder app)
        => app.MapGet("/listClients", async (HttpRequest request, ExchangeDbContext db, string? xRoadInstance, CancellationToken ct) =>
        {
            var members = await db.Members.AsNoTracking().Where(m => xRoadInstance == null || m.Instance == xRoadInstance).OrderBy(m => m.Id).ToListAsync(ct);
            var subsystems = (await db.Subsystems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).ToLookup(s => s.MemberId);
            var clients = members.SelectMany(m => subsystems[m.Id].Select(s => (Member: m, Subsystem: (Subsystem?)s)).Prepend((m, null))).ToList();
            var wantsJson = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
            return wantsJson ? Results.Json(new { member = clients.Select(ClientJson) }) : Results.Text(ClientListXml(clients), "text/xml", System.Text.Encoding.UTF8);
        }).WithTags("Exchange").WithName("Exchange_ListClients")
            .WithSummary("Members and subsystems of the exchange (X-Road listClients): the clientList XML, or JSON with Accept: application/json");

    private static object ClientJson((Member Member, Subsystem? Subsystem) client) => client.Subsystem is { } s
        ? new
        {
            id = new { member_class = client.Member.MemberClass, member_code = client.Member.MemberCode, subsystem_code = s.Code, object_type = "SUBSYSTEM", xroad_instance = client.Member.Instance },
            name = client.Member.Name,
            subsystem_name = s.Name,
        }
        : new
        {
            id = new { member_class = client.Member.MemberClass, member_code = client.Member.MemberCode, object_type = "MEMBER", xroad_instance = client.Member.Instance },
            name = client.Member.Name,
        };

    private static string ClientListXml(IEnumerable<(Member Member, Subsystem? Subsystem)> clients)
    {
        XNamespace xroad = "http://x-road.eu/xsd/xroad.xsd";
        XNamespace id = "http://x-road.eu/xsd/identifiers";
        var list = new XElement(xroad + "clientList",
            new XAttribute(XNamespace.Xmlns + "id", id), new XAttribute(XNamespace.Xmlns + "xroad", xroad),
            clients.Select(c => new XElement(xroad + "member",
                new XElement(xroad + "id",
                    new XAttribute(id + "objectType", c.Subsystem is null ? "MEMBER" : "SUBSYSTEM"),
                    new XElement(id + "xRoadInstance", c.Member.Instance),
                    new XElement(id + "memberClass", c.Member.MemberClass),
                    new XElement(id + "memberCode", c.Member.MemberCode),
                    c.Subsystem is { } s ? new XElement(id + "subsystemCode", s.Code) : null),
                new XElement(xroad + "name", c.Member.Name),
                c.Subsystem is { } sub ? new XElement(xroad + "subsystemName", sub.Name) : null)));
        return new XDeclaration("1.0", "UTF-8", "yes") + Environment.NewLine + list;
    }
}
