using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Exchange.Data;
using OneStop.Exchange.Gateway;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel;

namespace OneStop.Exchange.Admin;

/// <summary>
/// What an exchange operator may change: members, their subsystems, services with endpoints, and
/// access rights. The API and the admin pages both go through here, so they share every rule.
/// Saving is idempotent (the same input twice changes nothing the second time), and each change is
/// recorded with who made it.
/// </summary>
internal sealed partial class DirectoryEditor(ExchangeDbContext db, TimeProvider clock, ProviderLoop loops)
{
    public static readonly string[] Methods = ["*", "GET", "POST", "PUT", "PATCH", "DELETE"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A member (organisation). With a connection type it may itself be the client of an exchange and
    /// connects as a subsystem does; without one it only owns subsystems, and gives no other connection setting.
    /// </summary>
    public sealed record MemberInput(
        string? Name, string? AgencyCode, ConnectionType? ConnectionType = null, IReadOnlyList<string>? AllowedAddresses = null,
        string? ClientCertificateThumbprint = null, string? OAuthClientId = null);

    /// <summary>A subsystem (information system) of a member.</summary>
    public sealed record SubsystemInput(string? Name, ConnectionType ConnectionType, IReadOnlyList<string>? AllowedAddresses, string? ClientCertificateThumbprint, string? OAuthClientId = null);

    /// <summary>One method and path pattern a service offers.</summary>
    public sealed record EndpointInput(string? Method, string? Path);

    /// <summary>A REST service of a provider subsystem.</summary>
    public sealed record ServiceInput(
        string? Title, string? BaseUrl, string? OpenApiUrl, bool PersonalData, int TimeoutSeconds, bool Disabled, IReadOnlyList<EndpointInput>? Endpoints);

    /// <summary>A right of a client (a subsystem, or a member with connection settings) to call a service's method and path.</summary>
    public sealed record RightInput(string? Client, string? Service, string? Method, string? Path, string? LegalMandate);

    /// <summary>Whether a save created something new or changed (or left) an existing one.</summary>
    public enum Outcome
    {
        Created,
        Updated,
        Unchanged,
    }

    public async Task<Result<Outcome>> SaveMemberAsync(string instance, string memberClass, string memberCode, MemberInput input, string actor, CancellationToken ct)
    {
        if (IdentifierProblem(instance, memberClass, memberCode) is { } problem)
        {
            return problem;
        }

        var name = input.Name?.Trim() ?? string.Empty;
        var agency = string.IsNullOrWhiteSpace(input.AgencyCode) ? null : input.AgencyCode.Trim().ToUpperInvariant();
        if (TextProblem("name", name, 300) is { } nameProblem)
        {
            return nameProblem;
        }

        if (agency is { Length: > 10 })
        {
            return Error.Invalid("agencyCode", Bilingual.Pick("รหัสหน่วยงานยาวได้ไม่เกิน 10 ตัวอักษร", "An agency code has at most 10 characters."));
        }

        ClientConnection? connection = null;
        if (input.ConnectionType is { } type)
        {
            var checkedConnection = ConnectionOf(type, input.AllowedAddresses, input.ClientCertificateThumbprint, input.OAuthClientId);
            if (checkedConnection.Error is { } connectionProblem)
            {
                return connectionProblem;
            }

            connection = checkedConnection.Value;
        }
        else if (input.AllowedAddresses?.Any(a => !string.IsNullOrWhiteSpace(a)) == true
            || !string.IsNullOrWhiteSpace(input.ClientCertificateThumbprint) || !string.IsNullOrWhiteSpace(input.OAuthClientId))
        {
            // Settings without a type are a forgotten type, not settings to drop in silence.
            return Error.Invalid("connectionType", Bilingual.Pick(
                "ระบุการเชื่อมต่อเมื่อให้สมาชิกเป็นผู้ขอข้อมูลเอง หรือไม่ต้องระบุค่าการเชื่อมต่ออื่นเลย",
                "Give the connection type for a member that is a client itself, or no connection settings at all."));
        }

        var id = $"{instance}/{memberClass}/{memberCode}";
        return await db.RetryOnConflictAsync(ct => SaveMemberOnceAsync(id, instance, memberClass, memberCode, name, agency, connection, actor, ct), ct);
    }

    private async Task<Result<Outcome>> SaveMemberOnceAsync(
        string id, string instance, string memberClass, string memberCode, string name, string? agency, ClientConnection? connection, string actor, CancellationToken ct)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, ct);
        Outcome outcome;
        if (member is null)
        {
            member = new Member { Id = id, Instance = instance, MemberClass = memberClass, MemberCode = memberCode, Name = name };
            db.Members.Add(member);
            outcome = Outcome.Created;
        }
        else if (member.Name == name && member.AgencyCode == agency && member.ConnectionType == connection?.Type
            && member.AllowedAddresses.SequenceEqual(connection?.Addresses ?? []) && member.ClientCertificateThumbprint == connection?.Thumbprint
            && member.OAuthClientId == connection?.OAuthClient)
        {
            return Outcome.Unchanged;
        }
        else
        {
            member.Version++;
            outcome = Outcome.Updated;
        }

        (member.Name, member.AgencyCode) = (name, agency);
        member.ConnectionType = connection?.Type;
        member.AllowedAddresses = connection?.Addresses ?? [];
        member.ClientCertificateThumbprint = connection?.Thumbprint;
        member.OAuthClientId = connection?.OAuthClient;
        return await SaveAsync(outcome, "member", id, new
        {
            name, agencyCode = agency, connectionType = connection?.Type.ToString(), allowedAddresses = connection?.Addresses,
            clientCertificateThumbprint = connection?.Thumbprint, oauthClientId = connection?.OAuthClient,
        }, actor, ct);
    }

    public async Task<Result<Outcome>> SaveSubsystemAsync(string memberId, string code, SubsystemInput input, string actor, CancellationToken ct)
    {
        if (IdentifierProblem(code) is { } problem)
        {
            return problem;
        }

        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct))
        {
            return Error.NotFound("member", memberId);
        }

        var name = input.Name?.Trim() ?? string.Empty;
        if (TextProblem("name", name, 300) is { } nameProblem)
        {
            return nameProblem;
        }

        var connection = ConnectionOf(input.ConnectionType, input.AllowedAddresses, input.ClientCertificateThumbprint, input.OAuthClientId);
        if (connection.Error is { } connectionProblem)
        {
            return connectionProblem;
        }

        var (connectionType, addresses, thumbprint, oauthClient) = connection.Value!;
        var id = $"{memberId}/{code}";
        return await db.RetryOnConflictAsync(ct => SaveSubsystemOnceAsync(id, memberId, code, name, connectionType, addresses, thumbprint, oauthClient, actor, ct), ct);
    }

    /// <summary>How a client connects, checked and normalised: the same rules for a subsystem and for a member as client.</summary>
    private sealed record ClientConnection(ConnectionType Type, List<string> Addresses, string? Thumbprint, string? OAuthClient);

    private static Result<ClientConnection> ConnectionOf(ConnectionType type, IReadOnlyList<string>? allowedAddresses, string? clientCertificateThumbprint, string? oauthClientId)
    {
        if (!Enum.IsDefined(type))
        {
            return Error.Invalid("connectionType", Bilingual.Pick("การเชื่อมต่อต้องเป็น Http, Https, HttpsClientCertificate หรือ OAuth2", "The connection type is Http, Https, HttpsClientCertificate or OAuth2."));
        }

        var addresses = new List<string>();
        foreach (var given in (allowedAddresses ?? []).Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            if (!IPAddress.TryParse(given, out var address))
            {
                return Error.Invalid("allowedAddresses", Bilingual.Pick($"'{given}' ไม่ใช่ที่อยู่ IP", $"'{given}' is not an IP address."));
            }

            addresses.Add(address.ToString());
        }

        addresses = addresses.Distinct().ToList();
        if (type == ConnectionType.Http && addresses.Count == 0)
        {
            return Error.Invalid("allowedAddresses", Bilingual.Pick("การเชื่อมต่อแบบ HTTP ต้องระบุที่อยู่ IP ที่อนุญาตอย่างน้อยหนึ่งรายการ", "Plain HTTP needs at least one address it is allowed from."));
        }

        var thumbprint = string.IsNullOrWhiteSpace(clientCertificateThumbprint) ? null : clientCertificateThumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (type == ConnectionType.HttpsClientCertificate && (thumbprint is null || !Sha256Hex().IsMatch(thumbprint)))
        {
            return Error.Invalid("clientCertificateThumbprint", Bilingual.Pick("HTTPS พร้อมใบรับรองต้องระบุลายนิ้วมือ SHA-256 ของใบรับรอง (เลขฐานสิบหก 64 หลัก)", "HTTPS with a client certificate needs the certificate's SHA-256 thumbprint (64 hexadecimal digits)."));
        }

        var oauthClient = string.IsNullOrWhiteSpace(oauthClientId) ? null : oauthClientId.Trim();
        if (type == ConnectionType.OAuth2 && (oauthClient is null || oauthClient.Length > 100))
        {
            return Error.Invalid("oauthClientId", Bilingual.Pick("การเชื่อมต่อแบบ OAuth2 ต้องระบุรหัสไคลเอนต์ (client_id) ของระบบในดิจิทัลไอดี", "OAuth2 needs the system's client ID (client_id) at the Digital ID."));
        }

        return new ClientConnection(type, addresses, thumbprint, oauthClient);
    }

    private async Task<Result<Outcome>> SaveSubsystemOnceAsync(
        string id, string memberId, string code, string name, ConnectionType connectionType, List<string> addresses, string? thumbprint, string? oauthClient, string actor, CancellationToken ct)
    {
        var subsystem = await db.Subsystems.SingleOrDefaultAsync(s => s.Id == id, ct);
        Outcome outcome;
        if (subsystem is null)
        {
            subsystem = new Subsystem { Id = id, MemberId = memberId, Code = code, Name = name };
            db.Subsystems.Add(subsystem);
            outcome = Outcome.Created;
        }
        else if (subsystem.Name == name && subsystem.ConnectionType == connectionType && subsystem.AllowedAddresses.SequenceEqual(addresses)
            && subsystem.ClientCertificateThumbprint == thumbprint && subsystem.OAuthClientId == oauthClient)
        {
            return Outcome.Unchanged;
        }
        else
        {
            subsystem.Version++;
            outcome = Outcome.Updated;
        }

        subsystem.Name = name;
        subsystem.ConnectionType = connectionType;
        subsystem.AllowedAddresses = addresses;
        subsystem.ClientCertificateThumbprint = thumbprint;
        subsystem.OAuthClientId = oauthClient;
        return await SaveAsync(outcome, "subsystem", id, new { name, connectionType = connectionType.ToString(), allowedAddresses = addresses, clientCertificateThumbprint = thumbprint, oauthClientId = oauthClient }, actor, ct);
    }

    public async Task<Result<Outcome>> SaveServiceAsync(string subsystemId, string code, ServiceInput input, string actor, CancellationToken ct)
    {
        if (IdentifierProblem(code) is { } problem)
        {
            return problem;
        }

        if (!await db.Subsystems.AnyAsync(s => s.Id == subsystemId, ct))
        {
            return Error.NotFound("subsystem", subsystemId);
        }

        var title = input.Title?.Trim() ?? string.Empty;
        if (TextProblem("title", title, 300) is { } titleProblem)
        {
            return titleProblem;
        }

        var baseUrl = input.BaseUrl?.Trim() ?? string.Empty;
        if (UrlProblem("baseUrl", baseUrl, required: true) is { } urlProblem)
        {
            return urlProblem;
        }

        if (loops.LeadsBack(baseUrl))
        {
            return Error.Invalid("baseUrl", Bilingual.Pick("ที่อยู่นี้ย้อนกลับเข้าศูนย์แลกเปลี่ยนข้อมูลเอง (/r1)", "This address leads back into the exchange itself (/r1)."));
        }

        var openApi = string.IsNullOrWhiteSpace(input.OpenApiUrl) ? null : input.OpenApiUrl.Trim();
        if (openApi is not null && UrlProblem("openApiUrl", openApi, required: false) is { } openApiProblem)
        {
            return openApiProblem;
        }

        if (input.TimeoutSeconds is < 1 or > 300)
        {
            return Error.Invalid("timeoutSeconds", Bilingual.Pick("เวลารอคำตอบต้องอยู่ระหว่าง 1 ถึง 300 วินาที", "The timeout is 1 to 300 seconds."));
        }

        var endpoints = new List<(string Method, string Path)>();
        foreach (var endpoint in input.Endpoints ?? [])
        {
            if (EndpointProblem("endpoints", endpoint.Method, endpoint.Path) is { } endpointProblem)
            {
                return endpointProblem;
            }

            endpoints.Add((endpoint.Method!.Trim().ToUpperInvariant(), endpoint.Path!.Trim()));
        }

        endpoints = endpoints.Distinct().ToList();
        if (endpoints.Count == 0)
        {
            return Error.Invalid("endpoints", Bilingual.Pick("บริการต้องมีปลายทางอย่างน้อยหนึ่งรายการ", "A service offers at least one method and path."));
        }

        var id = $"{subsystemId}/{code}";
        var saved = new ExchangeService
        {
            Id = id, SubsystemId = subsystemId, ServiceCode = code, Title = title, BaseUrl = baseUrl, OpenApiUrl = openApi,
            PersonalData = input.PersonalData, TimeoutSeconds = input.TimeoutSeconds, Disabled = input.Disabled,
        };
        return await db.RetryOnConflictAsync(ct => SaveServiceOnceAsync(saved, endpoints, actor, ct), ct);
    }

    private async Task<Result<Outcome>> SaveServiceOnceAsync(ExchangeService input, List<(string Method, string Path)> endpoints, string actor, CancellationToken ct)
    {
        var (id, title, baseUrl, openApi) = (input.Id, input.Title, input.BaseUrl, input.OpenApiUrl);
        var service = await db.Services.Include(s => s.Endpoints).SingleOrDefaultAsync(s => s.Id == id, ct);
        Outcome outcome;
        if (service is null)
        {
            service = new ExchangeService { Id = id, SubsystemId = input.SubsystemId, ServiceCode = input.ServiceCode, Title = title, BaseUrl = baseUrl };
            db.Services.Add(service);
            outcome = Outcome.Created;
        }
        else if (service.Title == title && service.BaseUrl == baseUrl && service.OpenApiUrl == openApi && service.PersonalData == input.PersonalData
            && service.TimeoutSeconds == input.TimeoutSeconds && service.Disabled == input.Disabled
            && service.Endpoints.Select(e => (e.Method, e.Path)).Order().SequenceEqual(endpoints.Order()))
        {
            return Outcome.Unchanged;
        }
        else
        {
            service.Version++;
            outcome = Outcome.Updated;
        }

        (service.Title, service.BaseUrl, service.OpenApiUrl, service.PersonalData, service.TimeoutSeconds, service.Disabled) =
            (title, baseUrl, openApi, input.PersonalData, input.TimeoutSeconds, input.Disabled);
        service.Endpoints.RemoveAll(e => !endpoints.Contains((e.Method, e.Path)));
        service.Endpoints.AddRange(endpoints.Where(e => !service.Endpoints.Any(x => x.Method == e.Method && x.Path == e.Path))
            .Select(e => new ServiceEndpoint { ServiceId = id, Method = e.Method, Path = e.Path }));
        return await SaveAsync(outcome, "service", id, new
        {
            title, baseUrl, openApiUrl = openApi, personalData = input.PersonalData, timeoutSeconds = input.TimeoutSeconds, disabled = input.Disabled,
            endpoints = endpoints.Select(e => $"{e.Method} {e.Path}"),
        }, actor, ct);
    }

    /// <summary>Grants a right; the same right again returns the existing one.</summary>
    public async Task<Result<(AccessRight Right, Outcome Outcome)>> AddRightAsync(RightInput input, string actor, CancellationToken ct)
    {
        var client = input.Client?.Trim() ?? string.Empty;
        var serviceId = input.Service?.Trim() ?? string.Empty;
        if (!await db.IsClientAsync(client, ct))
        {
            return Error.Invalid("client", await db.Members.AnyAsync(m => m.Id == client, ct)
                ? Bilingual.Pick($"{client} เป็นสมาชิกที่ยังไม่มีค่าการเชื่อมต่อ จึงเป็นผู้ขอข้อมูลไม่ได้", $"{client} is a member without connection settings, so it cannot be a client; give it its connection settings first.")
                : Bilingual.Pick($"{client} ไม่ใช่ระบบหรือสมาชิกที่ลงทะเบียนไว้", $"{client} is neither a subsystem nor a member on the exchange."));
        }

        if (!await db.Services.AnyAsync(s => s.Id == serviceId, ct))
        {
            return Error.Invalid("service", Bilingual.Pick($"{serviceId} ไม่ใช่บริการที่ลงทะเบียนไว้", $"{serviceId} is not a service on the exchange."));
        }

        if (EndpointProblem("path", input.Method, input.Path) is { } problem)
        {
            return problem;
        }

        var mandate = string.IsNullOrWhiteSpace(input.LegalMandate) ? null : input.LegalMandate.Trim();
        if (mandate is { Length: > 1000 })
        {
            return Error.Invalid("legalMandate", Bilingual.Pick("อำนาจตามกฎหมายยาวได้ไม่เกิน 1,000 ตัวอักษร", "A legal mandate has at most 1,000 characters."));
        }

        var method = input.Method!.Trim().ToUpperInvariant();
        var path = input.Path!.Trim();
        return await db.RetryOnConflictAsync(ct => AddRightOnceAsync(client, serviceId, method, path, mandate, actor, ct), ct);
    }

    private async Task<Result<(AccessRight Right, Outcome Outcome)>> AddRightOnceAsync(
        string client, string serviceId, string method, string path, string? mandate, string actor, CancellationToken ct)
    {
        var existing = await db.AccessRights.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ClientId == client && r.ServiceId == serviceId && r.Method == method && r.Path == path, ct);
        if (existing is not null)
        {
            return existing.LegalMandate == mandate
                ? (existing, Outcome.Unchanged)
                : Error.Conflict("right.exists", Bilingual.Pick($"{client} มีสิทธิ์นี้อยู่แล้วโดยอ้างอำนาจตามกฎหมายอื่น (สิทธิ์ {existing.Id}) กรุณาถอนสิทธิ์เดิมก่อน", $"{client} already has this right with a different legal mandate (right {existing.Id}); remove it first."));
        }

        var right = new AccessRight { ClientId = client, ServiceId = serviceId, Method = method, Path = path, LegalMandate = mandate };
        db.AccessRights.Add(right);
        var saved = await SaveAsync(Outcome.Created, "right", $"{client} → {serviceId} {method} {path}", new { legalMandate = mandate }, actor, ct);
        return saved.IsSuccess ? (right, Outcome.Created) : saved.Error!;
    }

    /// <summary>Removes a right; removing one that is already gone (or going, by another request at once) is not an error.</summary>
    public Task RemoveRightAsync(int id, string actor, CancellationToken ct)
        => db.RetryOnConflictAsync(async ct =>
        {
            var right = await db.AccessRights.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (right is null)
            {
                return false;
            }

            db.AccessRights.Remove(right);
            await SaveAsync(Outcome.Updated, "right.removed", $"{right.ClientId} → {right.ServiceId} {right.Method} {right.Path}", new { right.LegalMandate }, actor, ct);
            return true;
        }, ct);

    private async Task<Result<Outcome>> SaveAsync(Outcome outcome, string kind, string target, object state, string actor, CancellationToken ct)
    {
        db.DirectoryChanges.Add(new DirectoryChange
        {
            Time = DatabaseTime.ToMicroseconds(clock.GetUtcNow().UtcDateTime),
            Actor = actor.Length > 200 ? actor[..200] : actor,
            Action = outcome == Outcome.Created ? kind + ".created" : kind.Contains('.', StringComparison.Ordinal) ? kind : kind + ".updated",
            Target = target.Length > 500 ? target[..500] : target,
            State = JsonSerializer.Serialize(state, Json),
        });
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    private static Error? IdentifierProblem(params string[] parts)
        => parts.Select(p => p ?? string.Empty).FirstOrDefault(p => !XRoadIdentifier.IsValidPart(p)) is { } bad
            ? Error.Invalid("id", bad.Length == 0 ? Bilingual.Pick("กรุณากรอกรหัส (ตัวอักษรอังกฤษ ตัวเลข และ ' ( ) + , - . = ? ไม่เกิน 100 ตัว)", "Enter the code (letters, digits and ' ( ) + , - . = ?, at most 100).")
                : Bilingual.Pick($"'{bad}' ไม่ใช่รหัสที่ใช้ได้ (ตัวอักษรอังกฤษ ตัวเลข และ ' ( ) + , - . = ? ไม่เกิน 100 ตัว)", $"'{bad}' is not a valid identifier part (letters, digits and ' ( ) + , - . = ?, at most 100)."))
            : null;

    private static Error? TextProblem(string field, string value, int max)
        => value.Length == 0 ? Error.Invalid(field, Bilingual.Pick("กรุณากรอกข้อมูลนี้", "This is required."))
            : value.Length > max ? Error.Invalid(field, Bilingual.Pick($"ยาวได้ไม่เกิน {max} ตัวอักษร", $"At most {max} characters."))
            : null;

    private static Error? UrlProblem(string field, string url, bool required)
    {
        if (url.Length == 0)
        {
            return required ? Error.Invalid(field, Bilingual.Pick("กรุณากรอกข้อมูลนี้", "This is required.")) : null;
        }

        if (url.Length > 1000)
        {
            return Error.Invalid(field, Bilingual.Pick("ยาวได้ไม่เกิน 1,000 ตัวอักษร", "At most 1,000 characters."));
        }

        if (url.StartsWith('/'))
        {
            // Judged as the server will read it: decoded, and without dot segments that could climb elsewhere.
            var decoded = Uri.UnescapeDataString(url.Split('?')[0]);
            if (decoded.Split('/').Any(segment => segment is "." or ".."))
            {
                return Error.Invalid(field, Bilingual.Pick("ที่อยู่ของผู้ให้บริการต้องไม่มีส่วน . หรือ ..", "A provider path may not contain . or .. segments."));
            }

            if (decoded.StartsWith("/r1/", StringComparison.OrdinalIgnoreCase) || decoded.Equals("/r1", StringComparison.OrdinalIgnoreCase))
            {
                return Error.Invalid(field, Bilingual.Pick("ผู้ให้บริการต้องไม่ใช่ศูนย์แลกเปลี่ยนข้อมูลเอง (/r1)", "A provider cannot be the exchange itself (/r1)."));
            }
        }

        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? null
            : Error.Invalid(field, Bilingual.Pick("ระบุที่อยู่ http(s) หรือเส้นทางที่ขึ้นต้นด้วย / สำหรับผู้ให้บริการในเครื่องนี้", "Give an http(s) address, or a path starting with / for a provider hosted by this node."));
    }

    private static Error? EndpointProblem(string field, string? method, string? path)
    {
        if (method is null || !Methods.Contains(method.Trim().ToUpperInvariant(), StringComparer.Ordinal))
        {
            return Error.Invalid(field, Bilingual.Pick($"วิธีต้องเป็นหนึ่งใน {string.Join(", ", Methods)}", $"The method is one of {string.Join(", ", Methods)}."));
        }

        return path is not null && PathPatternSyntax().IsMatch(path.Trim()) && !path.Split('/').Any(s => s is "." or "..")
            ? null
            : Error.Invalid(field, Bilingual.Pick("เส้นทางขึ้นต้นด้วย / และแต่ละส่วนมีตัวอักษร ตัวเลข - . _ ~ % หรือ * (หนึ่งส่วน) และ ** (กี่ส่วนก็ได้)", "The path starts with / and has segments of letters, digits, - . _ ~ %, or * (one segment) and ** (any number)."));
    }

    [GeneratedRegex(@"^/([A-Za-z0-9\-._~%]+|\*\*?)?(/([A-Za-z0-9\-._~%]+|\*\*?))*/?$")]
    private static partial Regex PathPatternSyntax();

    [GeneratedRegex("^[0-9A-F]{64}$")]
    private static partial Regex Sha256Hex();
}
