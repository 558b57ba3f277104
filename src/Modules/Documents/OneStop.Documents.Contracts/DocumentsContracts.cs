using OneStop.SharedKernel.Messaging;

namespace OneStop.Documents.Contracts;

/// <summary>
/// A document was issued and signed: for a licence, <see cref="ApplicationId"/> and <see cref="LicenceCode"/> say which.
/// Anyone can check it at <see cref="VerifyUrl"/>; its holder downloads it from their documents.
/// </summary>
public sealed record DocumentIssued(string Number, string Kind, Guid? ApplicationId, string? LicenceCode, string AgencyCode, string HolderCitizenId, string? HolderJuristicId,
    DateTime ValidFrom, DateTime? ValidUntil, string VerifyUrl, DateTime IssuedAt) : IIntegrationEvent;

/// <summary>The issuing agency suspended, reinstated (<c>active</c>) or revoked a document, with the reason.</summary>
public sealed record DocumentStatusChanged(string Number, Guid? ApplicationId, string? LicenceCode, string AgencyCode, string Status, string Reason, DateTime At) : IIntegrationEvent;

/// <summary>
/// A licence expires in <see cref="DaysLeft"/> days (sent 90, 30 and 7 days before, once each): whoever knows its holder
/// tells them and offers the renewal of <see cref="LicenceCode"/> from application <see cref="ApplicationId"/>.
/// </summary>
public sealed record DocumentExpiring(string Number, Guid? ApplicationId, string? LicenceCode, string AgencyCode, string HolderCitizenId, string? HolderJuristicId,
    DateTime ValidUntil, int DaysLeft) : IIntegrationEvent;
