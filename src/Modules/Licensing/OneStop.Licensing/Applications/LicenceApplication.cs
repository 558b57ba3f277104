using OneStop.Licensing.Contracts;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Licensing.Applications;

internal enum ApplicationStatus
{
    Draft,
    InReview,

    /// <summary>At least one licence was sent back and waits on the applicant.</summary>
    ActionRequired,

    /// <summary>Every licence is decided.</summary>
    Completed,
}

internal enum ApplicationTrigger
{
    Submit,
}

/// <summary>
/// One application for the licences a business needs: one set of answers (each field asked once across
/// the licences), prefilled from the registries where they hold the data, reviewed licence by licence.
/// It belongs to the person with <see cref="ApplicantCitizenId"/> (or the company <see cref="JuristicId"/>
/// they act for), whichever channel created it, so a walk-in applicant can continue online.
/// </summary>
internal sealed class LicenceApplication
{
    public static readonly StateMachine<ApplicationStatus, ApplicationTrigger> Flow = new("application", static (state, trigger) => (state, trigger) switch
    {
        (ApplicationStatus.Draft, ApplicationTrigger.Submit) => ApplicationStatus.InReview,
        _ => null,
    });

    public Guid Id { get; init; }

    /// <summary>What people quote and agencies see, e.g. <c>BIZ-2569-7KQ2M9XD</c>; also the purpose of every registry read for it.</summary>
    public required string Number { get; init; }

    public required string BusinessTypeCode { get; init; }

    public Channel Channel { get; init; }

    public required string ApplicantCitizenId { get; init; }

    public required string ApplicantName { get; set; }

    /// <summary>The applicant's Digital ID account, which receives the notifications (none for a walk-in filed at a counter).</summary>
    public string? ApplicantSubject { get; init; }

    public string? ApplicantEmail { get; init; }

    /// <summary>The language the applicant used, <c>th</c> or <c>en</c>: notifications are written in it.</summary>
    public string Language { get; init; } = "th";

    /// <summary>The company applied for, when the applicant acts for one.</summary>
    public string? JuristicId { get; init; }

    public string? CompanyName { get; set; }

    /// <summary>The premises' province and district, which route each review to an office.</summary>
    public required string ProvinceCode { get; set; }

    public string? DistrictCode { get; set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>The answers, by field key; a field shared by several licences is answered once.</summary>
    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Field keys whose answers came from a registry through the exchange.</summary>
    public List<string> Prefilled { get; set; } = [];

    /// <summary>Documents the applicant did not have to copy because a registry supplied the data.</summary>
    public List<string> AvoidedCopies { get; set; } = [];

    /// <summary>The account that created it: the applicant, or the counter officer.</summary>
    public required string CreatedBy { get; init; }

    public string? CounterOfficeCode { get; init; }

    /// <summary>How counter staff checked the walk-in's identity (e.g. card read by chip).</summary>
    public string? IdentityCheck { get; init; }

    /// <summary>When the walk-in agreed, at the counter, to the registries being read for this application.</summary>
    public DateTime? ConsentRecordedAt { get; init; }

    /// <summary>When this application renews a licence: the application that licence came from, and which licence.</summary>
    public Guid? RenewalOf { get; set; }

    public string? RenewalOfNumber { get; set; }

    public string? RenewalOfLicenceCode { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? DeclaredAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public List<LicenceRequest> Licences { get; init; } = [];

    public List<ApplicationEvent> Events { get; init; } = [];

    public int Version { get; set; }

    /// <summary>The applicant declares the answers true and submits.</summary>
    public Result<ApplicationStatus> Submit(DateTime now)
    {
        var next = Flow.Fire(Status, ApplicationTrigger.Submit);
        if (next.IsSuccess)
        {
            Status = next.Value;
            DeclaredAt = now;
            SubmittedAt = now;
            Version++;
        }

        return next;
    }

    /// <summary>After a licence changed: the application's status follows from its licences.</summary>
    public void Refresh()
    {
        if (Status == ApplicationStatus.Draft)
        {
            return;
        }

        var next = Licences.Any(l => l.Status == LicenceStatus.WaitingForApplicant) ? ApplicationStatus.ActionRequired
            : Licences.All(l => l.IsDecided) ? ApplicationStatus.Completed
            : ApplicationStatus.InReview;
        if (next != Status)
        {
            Status = next;
            Version++;
        }
    }

    /// <summary>The fields the applicant may change now: all in a draft, only those marked once sent back, none otherwise.</summary>
    public IReadOnlySet<string>? EditableFields() => Status switch
    {
        ApplicationStatus.Draft => null,
        ApplicationStatus.ActionRequired => Licences.Where(l => l.Status == LicenceStatus.WaitingForApplicant).SelectMany(l => l.Marked).ToHashSet(StringComparer.Ordinal),
        _ => new HashSet<string>(),
    };

    public void Record(ApplicationEventKind kind, DateTime at, string? actor, string? licenceCode = null, string? agencyCode = null, string? note = null)
        => Events.Add(new ApplicationEvent { ApplicationId = Id, Kind = kind, At = at, Actor = actor, LicenceCode = licenceCode, AgencyCode = agencyCode, Note = note });
}

internal enum ApplicationEventKind
{
    Created,
    Prefilled,
    Submitted,
    Routed,
    Claimed,
    Approved,
    SentBack,
    Rejected,
    Resubmitted,
    LicenceApproved,
    LicenceRejected,

    /// <summary>An officer opened the application (every read of personal data is recorded).</summary>
    Viewed,

    /// <summary>
    /// While correcting, the applicant changed an answer that another licence of the application also uses
    /// (the note names the question): that licence's agency sees it, even when it already decided.
    /// </summary>
    AnswerChanged,
}

/// <summary>One line of an application's history, shown to the applicant and officers.</summary>
internal sealed class ApplicationEvent
{
    public long Id { get; init; }

    public Guid ApplicationId { get; init; }

    public DateTime At { get; init; }

    public ApplicationEventKind Kind { get; init; }

    public string? LicenceCode { get; init; }

    public string? AgencyCode { get; init; }

    /// <summary>"applicant", "system", or the officer's name.</summary>
    public string? Actor { get; init; }

    public string? Note { get; init; }
}

/// <summary>A file the applicant uploaded because no registry holds what it shows.</summary>
internal sealed class ApplicationDocument
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public required string DocumentKey { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    public required byte[] Content { get; init; }

    public DateTime UploadedAt { get; init; }
}
