using System.Text.Json.Serialization;

namespace OneStop.Exchange.Data;

/// <summary>An organisation on the exchange: <c>TH/GOV/DOPA</c>.</summary>
internal sealed class Member
{
    public required string Id { get; init; }

    public required string Instance { get; init; }

    public required string MemberClass { get; init; }

    public required string MemberCode { get; init; }

    public required string Name { get; set; }

    /// <summary>The agency (Agencies module code) this member is, when it is one.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>
    /// How the member connects when it is itself the client of an exchange (PR-REST 4.3 allows a member as
    /// <c>X-Road-Client</c>); null when it is not a client and only owns subsystems.
    /// </summary>
    public ConnectionType? ConnectionType { get; set; }

    /// <summary>Addresses allowed to connect over plain HTTP.</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    /// <summary>SHA-256 thumbprint (hex) of the client certificate for <see cref="Data.ConnectionType.HttpsClientCertificate"/>.</summary>
    public string? ClientCertificateThumbprint { get; set; }

    /// <summary>The OAuth 2.0 client whose access tokens identify this member, for <see cref="Data.ConnectionType.OAuth2"/>.</summary>
    public string? OAuthClientId { get; set; }

    /// <summary>Counts changes; a save that read an older version fails, so concurrent identical edits are recorded once.</summary>
    public int Version { get; set; }
}

/// <summary>How a client's information system (a subsystem's, or a member's as client) must connect, as in X-Road.</summary>
internal enum ConnectionType
{
    /// <summary>Plain HTTP, only from the listed addresses (an isolated network or loopback).</summary>
    Http,

    /// <summary>HTTPS without client authentication.</summary>
    Https,

    /// <summary>HTTPS with the registered client certificate.</summary>
    HttpsClientCertificate,

    /// <summary>
    /// An OAuth 2.0 access token (client credentials, scope <c>exchange</c>) of the registered client,
    /// over HTTPS, or over plain HTTP from the listed addresses.
    /// </summary>
    OAuth2,
}

/// <summary>An information system of a member: <c>TH/GOV/DOPA/population</c>. Access rights are granted to subsystems.</summary>
internal sealed class Subsystem
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string Code { get; init; }

    public required string Name { get; set; }

    public ConnectionType ConnectionType { get; set; }

    /// <summary>Addresses allowed to connect over plain HTTP.</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    /// <summary>SHA-256 thumbprint (hex) of the client certificate for <see cref="ConnectionType.HttpsClientCertificate"/>.</summary>
    public string? ClientCertificateThumbprint { get; set; }

    /// <summary>The OAuth 2.0 client whose access tokens identify this subsystem, for <see cref="ConnectionType.OAuth2"/>.</summary>
    public string? OAuthClientId { get; set; }

    /// <summary>Counts changes; a save that read an older version fails, so concurrent identical edits are recorded once.</summary>
    public int Version { get; set; }
}

/// <summary>A REST service a provider subsystem offers: <c>TH/GOV/DOPA/population/persons</c>.</summary>
internal sealed class ExchangeService
{
    public required string Id { get; init; }

    public required string SubsystemId { get; init; }

    public required string ServiceCode { get; init; }

    public required string Title { get; set; }

    /// <summary>Where the provider listens; relative URLs are resolved against this node.</summary>
    public required string BaseUrl { get; set; }

    public string? OpenApiUrl { get; set; }

    /// <summary>Whether responses contain personal data: then a purpose and a legal basis are required.</summary>
    public bool PersonalData { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Configuration key of a secret sent to the provider in the provider-token header.</summary>
    public string? ProviderTokenKey { get; set; }

    public bool Disabled { get; set; }

    public List<ServiceEndpoint> Endpoints { get; set; } = [];

    /// <summary>Counts changes; a save that read an older version fails, so concurrent identical edits are recorded once.</summary>
    public int Version { get; set; }
}

/// <summary>An endpoint of a service (method and path, <c>*</c> for one segment, <c>**</c> for any).</summary>
internal sealed class ServiceEndpoint
{
    public int Id { get; init; }

    public required string ServiceId { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }
}

/// <summary>
/// Permission for a client, a subsystem or a member, to call a service's method and path, with its legal
/// mandate if it has one.
/// </summary>
internal sealed class AccessRight
{
    public int Id { get; init; }

    /// <summary>The client's identifier: <c>INSTANCE/CLASS/MEMBER/SUBSYSTEM</c>, or <c>INSTANCE/CLASS/MEMBER</c> for a member.</summary>
    public required string ClientId
    {
        get;
        init
        {
            field = value;
            var isMember = value.Count(c => c == '/') == 2;
            ClientSubsystemId = isMember ? null : value;
            ClientMemberId = isMember ? value : null;
        }
    }

    /// <summary>
    /// <see cref="ClientId"/> when the client is a subsystem: the key that makes the database refuse a right
    /// for a subsystem that does not exist. Derived from the identifier; the API shows only that.
    /// </summary>
    [JsonIgnore]
    public string? ClientSubsystemId { get; private set; }

    /// <summary><see cref="ClientId"/> when the client is a member (the key to <see cref="Member"/>).</summary>
    [JsonIgnore]
    public string? ClientMemberId { get; private set; }

    public required string ServiceId { get; init; }

    /// <summary>HTTP method, or <c>*</c> for any.</summary>
    public required string Method { get; init; }

    /// <summary>Path pattern below the service, e.g. <c>/**</c> or <c>/*</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The law that allows this client to read personal data from this service without consent.</summary>
    public string? LegalMandate { get; set; }
}

/// <summary>A data subject's consent for a client to read their data from a service.</summary>
internal sealed class Consent
{
    public Guid Id { get; init; }

    public required string DataSubject { get; init; }

    public required string ClientId { get; init; }

    public required string ServiceId { get; init; }

    public required string Purpose { get; init; }

    public DateTime GrantedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? WithdrawnAt { get; set; }

    /// <summary>
    /// While the consent may be in force, <see cref="DataSubjects.Consents.ActiveKeyOf"/> of its person, system, service
    /// and purpose; unique, so that identical grants racing each other make one consent. Cleared when
    /// it is withdrawn, and when an identical grant replaces it after it expired.
    /// </summary>
    public string? ActiveKey { get; set; }
}

/// <summary>What happened to a consent.</summary>
internal enum ConsentEventKind
{
    Granted,
    Withdrawn,
}

/// <summary>One step of the consent history, chained by hash to the step before it.</summary>
internal sealed class ConsentEvent
{
    public long Sequence { get; init; }

    public Guid ConsentId { get; init; }

    public ConsentEventKind Kind { get; init; }

    public DateTime At { get; init; }

    public required string DataSubject { get; init; }

    public required string ClientId { get; init; }

    public required string ServiceId { get; init; }

    public required string Purpose { get; init; }

    public DateTime ExpiresAt { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; set; }
}

/// <summary>
/// One exchange (request and response) in the message log: metadata, body hashes, the hash of the
/// previous record, its own hash and an ES256 signature over that hash.
/// </summary>
internal sealed class MessageLogRecord
{
    public long Sequence { get; init; }

    public DateTime Time { get; init; }

    public required string XRoadId { get; init; }

    public required string RequestId { get; init; }

    public required string Client { get; init; }

    public required string Service { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public string? UserId { get; init; }

    public string? Issue { get; init; }

    public string? RepresentedParty { get; init; }

    public string? DataSubject { get; init; }

    public int Status { get; init; }

    public string? ErrorType { get; init; }

    public required string RequestHash { get; init; }

    public string? RequestBodyHash { get; init; }

    public string? ResponseBodyHash { get; init; }

    /// <summary>For personal data: the legal mandate or the consent the read relied on.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>
    /// For a personal-data answer delivered: the other people it disclosed (comma-separated citizen IDs,
    /// empty for none), whose reads were recorded with it. Null on other records and on those written
    /// before it was kept.
    /// </summary>
    public string? DisclosedSubjects { get; init; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public required string Signature { get; set; }

    public required string KeyId { get; set; }
}

/// <summary>
/// A signed statement "the log held this many records ending with this hash", written every N
/// records: export them elsewhere and a rewrite of the log before them can be proven.
/// </summary>
internal sealed class LogCheckpoint
{
    public long Sequence { get; init; }

    public required string Hash { get; init; }

    public DateTime Time { get; init; }

    public required string KeyId { get; init; }

    public required string Signature { get; init; }
}

/// <summary>The last record of the chain, updated optimistically so that several nodes append in turn.</summary>
internal sealed class LogChainHead
{
    public int Id { get; init; }

    public long Sequence { get; set; }

    public required string Hash { get; set; }
}

/// <summary>An ES256 key that signs log records. Public keys stay to verify old records after rotation.</summary>
internal sealed class SigningKey
{
    public required string KeyId { get; init; }

    /// <summary>PKCS#8, base64; null once retired and destroyed.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>SubjectPublicKeyInfo, base64.</summary>
    public required string PublicKey { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? RetiredAt { get; set; }
}

/// <summary>
/// Longest values the message log keeps (its columns). The gateway refuses a request over one before
/// logging it: on PostgreSQL the record could not be written.
/// </summary>
internal static class LogLimits
{
    public const int Client = 300;
    public const int Service = 400;
    public const int Method = 10;
    public const int Path = 2000;
    public const int XRoadId = 200;
    public const int UserId = 100;
    public const int Issue = 200;
    public const int RepresentedParty = 200;
}

/// <summary>A read of a person's data, shown to that person.</summary>
internal sealed class PersonalDataRead
{
    public long Id { get; init; }

    public required string DataSubject { get; init; }

    public DateTime Time { get; set; }

    public required string Client { get; init; }

    public required string ClientName { get; init; }

    public required string Service { get; init; }

    public required string ServiceTitle { get; init; }

    public required string Purpose { get; set; }

    public required string LegalBasis { get; set; }

    public required string XRoadId { get; init; }

    /// <summary>The person was named in the record of someone else (as a member of its house, as a company's director), not the one asked for.</summary>
    public bool Incidental { get; init; }

    /// <summary>The message-log record of the exchange that made the read; null for an operator's read of logged bodies, and for reads recorded before it was kept.</summary>
    public long? Sequence { get; set; }
}

/// <summary>A change an operator made to the exchange's directory (members, subsystems, services, rights): who, when, what.</summary>
internal sealed class DirectoryChange
{
    public long Id { get; init; }

    public DateTime Time { get; init; }

    /// <summary>The operator's name as signed in.</summary>
    public required string Actor { get; init; }

    /// <summary>E.g. <c>service.created</c>, <c>right.removed</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What was changed, e.g. the service ID.</summary>
    public required string Target { get; init; }

    /// <summary>The saved state, as JSON.</summary>
    public required string State { get; init; }
}

/// <summary>
/// Records moved out of the database into an archive file: the range, the hash of its last record
/// (where the chain in the database continues) and the file's own SHA-256, so that the file can be
/// checked whenever it is brought back.
/// </summary>
internal sealed class LogArchive
{
    public long Id { get; init; }

    public long FromSequence { get; init; }

    public long ToSequence { get; init; }

    /// <summary>Hash of record <see cref="ToSequence"/>: the next record in the database links to it.</summary>
    public required string LastHash { get; init; }

    /// <summary>File name in the archive folder.</summary>
    public required string File { get; init; }

    public required string FileSha256 { get; init; }

    public DateTime ArchivedAt { get; init; }
}

/// <summary>The encrypted bodies of one logged exchange (only when body encryption is configured).</summary>
internal sealed class MessageBody
{
    public long Sequence { get; init; }

    /// <summary>Which key sealed them (a hash of the key).</summary>
    public required string KeyId { get; init; }

    /// <summary>Nonce, AES-256-GCM ciphertext and tag of the request body.</summary>
    public byte[]? Request { get; init; }

    /// <summary>Nonce, AES-256-GCM ciphertext and tag of the response body.</summary>
    public byte[]? Response { get; init; }
}
