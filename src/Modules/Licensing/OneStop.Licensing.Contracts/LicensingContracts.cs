using OneStop.SharedKernel.Messaging;

namespace OneStop.Licensing.Contracts;

/// <summary>An application was submitted; its licences are with the agencies.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, string Number, string ApplicantCitizenId, string? JuristicId, IReadOnlyList<string> LicenceCodes, DateTime SubmittedAt) : IIntegrationEvent;

/// <summary>
/// A licence was approved and its fee is due to the issuing agency (Payments raises the invoice; with no
/// fee, <see cref="AmountSatang"/> is 0 and the licence can be issued at once). <see cref="StandardFeeSatang"/> is the
/// fee before the portal's incentive, so the invoice can show what applying online saved; <see cref="PayerName"/> is
/// the company's name when the applicant acted for one, else the applicant's.
/// </summary>
public sealed record FeesDue(Guid ApplicationId, string Number, string LicenceCode, string AgencyCode, long AmountSatang, string PayerCitizenId, string? PayerJuristicId,
    long StandardFeeSatang, string PayerName) : IIntegrationEvent;

/// <summary>
/// A licence of an application was approved by every step of its review (Documents issues the e-licence once paid).
/// <see cref="HolderName"/> is the company's name when the applicant acted for one, else the applicant's; the business name
/// and the premises' address are the applicant's answers, when the licence asked for them. <see cref="RenewalOf"/> is the
/// application whose licence this one renews.
/// </summary>
public sealed record LicenceApproved(Guid ApplicationId, string Number, string LicenceCode, string AgencyCode, string HolderCitizenId, string? HolderJuristicId, DateTime ApprovedAt,
    string? HolderName = null, string? BusinessName = null, string? PremisesAddress = null, Guid? RenewalOf = null) : IIntegrationEvent;

/// <summary>Every licence of an application is decided and at least one was approved.</summary>
public sealed record ApplicationApproved(Guid ApplicationId, string Number, IReadOnlyList<string> ApprovedLicenceCodes, IReadOnlyList<string> RejectedLicenceCodes, DateTime CompletedAt) : IIntegrationEvent;

/// <summary>A reviewer sent a licence back: the applicant corrects the marked questions and documents, the clock stands still meanwhile.</summary>
public sealed record LicenceSentBack(Guid ApplicationId, string Number, string LicenceCode, string AgencyCode, IReadOnlyList<string> Marked, string? Reason) : IIntegrationEvent;

/// <summary>A licence of an application was refused, with the reason.</summary>
public sealed record LicenceRejected(Guid ApplicationId, string Number, string LicenceCode, string AgencyCode, string? Reason) : IIntegrationEvent;
