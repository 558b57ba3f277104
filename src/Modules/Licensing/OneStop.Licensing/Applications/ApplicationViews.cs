using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Licensing.Applications;

/// <summary>An application as its applicant (and the officers reviewing it) see it.</summary>
internal sealed record ApplicationView(
    Guid Id, string Number, string BusinessType, string Status, string Channel, string ApplicantName, string? JuristicId, string? CompanyName,
    string Province, string? District, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<string> Prefilled, IReadOnlyList<string> AvoidedCopies,
    IReadOnlyList<string>? Editable, IReadOnlyList<QuestionView> Questions, IReadOnlyList<DocumentNeedView> DocumentsNeeded, IReadOnlyList<DocumentView> Documents, IReadOnlyList<LicenceView> Licences, IReadOnlyList<EventView> History,
    DateTime CreatedAt, DateTime? SubmittedAt, int Version)
{
    /// <summary>When this application renews a licence: the application number it came from.</summary>
    public string? RenewalOf { get; init; }
}

/// <summary>One licence: where it stands, who holds it now, when it is due.</summary>
internal sealed record LicenceView(
    string Code, string NameTh, string NameEn, string AgencyCode, string AgencyNameTh, string AgencyNameEn, string Status,
    IReadOnlyList<HolderView> HeldBy, long FeeSatang, int SlaDays, DateOnly? DueOn, bool Overdue, int StoppedWorkingDays,
    IReadOnlyList<string> Marked, string? Reason);

/// <summary>An office working on a licence now.</summary>
internal sealed record HolderView(string AgencyCode, string OfficeCode, string OfficeNameTh, string OfficeNameEn, string Role, string Status);

/// <summary>A question of the application (each asked once across its licences).</summary>
internal sealed record QuestionView(string Key, string LabelTh, string LabelEn, string Kind, bool Required, IReadOnlyList<string> Choices);

/// <summary>A document the application needs: uploaded, or not needed because a registry answered (<see cref="Avoided"/>).</summary>
internal sealed record DocumentNeedView(string Key, string NameTh, string NameEn, bool Required, string? HeldBy, bool Avoided, bool Uploaded);

internal sealed record DocumentView(string Key, string FileName, string ContentType, long Size, DateTime UploadedAt);

internal sealed record EventView(DateTime At, string Kind, string? LicenceCode, string? AgencyCode, string? Actor, string? Note);

/// <summary>An application in the applicant's list.</summary>
internal sealed record ApplicationSummary(Guid Id, string Number, string BusinessType, string Status, string? CompanyName, int Licences, int WaitingForYou, DateTime CreatedAt, DateTime? SubmittedAt);

/// <summary>A task in an office's queue.</summary>
internal sealed record TaskView(
    Guid Id, Guid ApplicationId, string ApplicationNumber, string LicenceCode, string ApplicantName, string AgencyCode, string OfficeCode, string Role,
    int Stage, string Status, DateTime? SubmittedAt, DateOnly? DueOn, bool Overdue, string? ClaimedByName, int Version);

internal sealed class ApplicationQueries(LicensingDbContext db, ILicenceTerms catalogue, IAgencyDirectory agencies, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int MaxPage = 10_000;

    public DateOnly Today => DateOnly.FromDateTime(ThaiDates.ToThaiTime(clock.UtcNowAsStored()));

    /// <summary>The person's applications, and their company's while acting for it, newest first.</summary>
    public async Task<List<ApplicationSummary>> MineAsync(Applicant applicant, CancellationToken ct)
    {
        var mine = applicant.JuristicId is { } company
            ? db.Applications.Where(a => a.JuristicId == company || (a.JuristicId == null && a.ApplicantCitizenId == applicant.CitizenId))
            : db.Applications.Where(a => a.JuristicId == null && a.ApplicantCitizenId == applicant.CitizenId);
        return (await mine.OrderByDescending(a => a.CreatedAt).Take(PageSize)
            .Select(a => new ApplicationSummary(a.Id, a.Number, a.BusinessTypeCode, a.Status.ToString(), a.CompanyName, a.Licences.Count,
                a.Licences.Count(l => l.Status == LicenceStatus.WaitingForApplicant), a.CreatedAt, a.SubmittedAt))
            .ToListAsync(ct)).ConvertAll(a => a with { Status = Kebab(a.Status) });
    }

    /// <summary>The applications a counter office filed that it may still work on (drafts and those sent back), newest first.</summary>
    public async Task<List<ApplicationSummary>> AtCounterAsync(string officeCode, CancellationToken ct)
        => (await db.Applications.Where(a => a.Channel == Channel.Counter && a.CounterOfficeCode == officeCode
                && (a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.ActionRequired))
            .OrderByDescending(a => a.CreatedAt).Take(PageSize)
            .Select(a => new ApplicationSummary(a.Id, a.Number, a.BusinessTypeCode, a.Status.ToString(), a.CompanyName ?? a.ApplicantName, a.Licences.Count,
                a.Licences.Count(l => l.Status == LicenceStatus.WaitingForApplicant), a.CreatedAt, a.SubmittedAt))
            .ToListAsync(ct)).ConvertAll(a => a with { Status = Kebab(a.Status) });

    /// <summary>An office's queue: open and claimed tasks, soonest due first.</summary>
    public async Task<List<TaskView>> QueueAsync(Officer officer, bool mineOnly, string subject, int page, CancellationToken ct)
    {
        var today = Today;
        var tasks = db.Tasks.AsNoTracking().VisibleTo(officer).Where(t => t.Status == ReviewTaskStatus.Open || t.Status == ReviewTaskStatus.Claimed);
        if (mineOnly)
        {
            tasks = tasks.Where(t => t.ClaimedBy == subject);
        }

        // The page's ids first, from the queue index alone (a far page skips thousands of entries without reading
        // their rows), then those rows.
        var ids = await tasks.OrderBy(t => t.DueOn).ThenBy(t => t.Id).Skip((Math.Clamp(page, 1, MaxPage) - 1) * PageSize).Take(PageSize)
            .Select(t => t.Id).ToListAsync(ct);
        var rows = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        return rows.OrderBy(t => ids.IndexOf(t.Id)).Select(t => ViewOf(t, today)).ToList();
    }

    /// <summary>One task of the officer's office, without its application.</summary>
    public async Task<TaskView?> TaskAsync(Officer officer, Guid id, CancellationToken ct)
        => await db.Tasks.AsNoTracking().VisibleTo(officer).SingleOrDefaultAsync(t => t.Id == id, ct) is { } task ? ViewOf(task, Today) : null;

    public static TaskView ViewOf(ReviewTask t, DateOnly today)
        => new(t.Id, t.ApplicationId, t.ApplicationNumber, t.LicenceCode, t.ApplicantName, t.AgencyCode, t.OfficeCode, t.Role, t.Stage, Kebab(t.Status.ToString()),
            t.SubmittedAt, t.DueOn, t.IsInQueue && t.DueOn is { } due && today > due, t.ClaimedByName, t.Version);

    public async Task<ApplicationView> ViewAsync(LicenceApplication application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var today = Today;
        var documents = await db.Documents.AsNoTracking().Where(d => d.ApplicationId == application.Id).OrderBy(d => d.DocumentKey)
            .Select(d => new DocumentView(d.DocumentKey, d.FileName, d.ContentType, d.Size, d.UploadedAt)).ToListAsync(ct);
        var history = await db.Events.AsNoTracking().Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Id)
            .Select(e => new EventView(e.At, e.Kind.ToString(), e.LicenceCode, e.AgencyCode, e.Actor, e.Note)).ToListAsync(ct);
        history = history.ConvertAll(e => e with { Kind = Kebab(e.Kind) });
        var terms = application.Licences.Select(l => catalogue.Find(l.LicenceCode)).OfType<LicenceTerms>().ToList();
        var questions = AnswerRules.UnionOf(terms).Select(f => new QuestionView(f.Key, f.LabelTh, f.LabelEn, Kebab(f.Kind.ToString()), f.Required, f.Choices)).ToList();
        var needed = AnswerRules.DocumentsOf(terms).Select(d => new DocumentNeedView(d.Key, d.NameTh, d.NameEn, d.Required, d.HeldBy,
            application.AvoidedCopies.Contains(d.Key), documents.Any(u => u.Key == d.Key))).ToList();
        var licences = new List<LicenceView>();
        foreach (var licence in application.Licences.OrderBy(l => l.LicenceCode, StringComparer.Ordinal))
        {
            var licenceTerms = terms.Find(t => t.Code == licence.LicenceCode);
            var agency = await agencies.FindAgencyAsync(licence.AgencyCode, ct);
            var holders = new List<HolderView>();
            foreach (var task in licence.Tasks.Where(t => t.Status is ReviewTaskStatus.Open or ReviewTaskStatus.Claimed or ReviewTaskStatus.SentBack).OrderBy(t => t.Stage))
            {
                var office = await agencies.FindOfficeAsync(task.OfficeCode, ct);
                holders.Add(new HolderView(task.AgencyCode, task.OfficeCode, office?.NameTh ?? task.OfficeCode, office?.NameEn ?? task.OfficeCode, task.Role, Kebab(task.Status.ToString())));
            }

            licences.Add(new LicenceView(licence.LicenceCode, licenceTerms?.NameTh ?? licence.LicenceCode, licenceTerms?.NameEn ?? licence.LicenceCode, licence.AgencyCode,
                agency?.NameTh ?? licence.AgencyCode, agency?.NameEn ?? licence.AgencyCode, Kebab(licence.Status.ToString()), holders,
                licence.FeeSatang, licence.SlaDays, licence.DueOn, licence.IsOverdue(today), licence.StoppedWorkingDays, licence.Marked, licence.Reason));
        }

        return new ApplicationView(application.Id, application.Number, application.BusinessTypeCode, Kebab(application.Status.ToString()), Kebab(application.Channel.ToString()),
            application.ApplicantName, application.JuristicId, application.CompanyName, application.ProvinceCode, application.DistrictCode,
            application.Answers, application.Prefilled, application.AvoidedCopies, application.EditableFields()?.Order(StringComparer.Ordinal).ToList(),
            questions, needed, documents, licences, history, application.CreatedAt, application.SubmittedAt, application.Version)
        {
            RenewalOf = application.RenewalOfNumber,
        };
    }

    /// <summary>
    /// The application as a reviewer of one licence sees it: that licence's answers, documents and history only,
    /// since the other agencies' licences are no business of theirs (the applicant gave the data for each purpose).
    /// </summary>
    public async Task<ApplicationView> ReviewViewAsync(LicenceApplication application, string licenceCode, CancellationToken ct)
    {
        var view = await ViewAsync(application, ct);
        var terms = catalogue.Find(licenceCode);
        var fields = terms?.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var documents = terms?.Documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        return view with
        {
            Answers = view.Answers.Where(a => fields.Contains(a.Key)).ToDictionary(StringComparer.Ordinal),
            Prefilled = view.Prefilled.Where(fields.Contains).ToList(),
            AvoidedCopies = view.AvoidedCopies.Where(documents.Contains).ToList(),
            Editable = view.Editable?.Where(k => fields.Contains(k) || documents.Contains(k)).ToList(),
            Questions = view.Questions.Where(q => fields.Contains(q.Key)).ToList(),
            DocumentsNeeded = view.DocumentsNeeded.Where(d => documents.Contains(d.Key)).ToList(),
            Documents = view.Documents.Where(d => documents.Contains(d.Key)).ToList(),
            Licences = view.Licences.Where(l => l.Code == licenceCode).ToList(),
            History = view.History.Where(e => e.LicenceCode is null || e.LicenceCode == licenceCode).ToList(),
        };
    }

    private static string Kebab(string name) => WireNames.Kebab(name);
}
