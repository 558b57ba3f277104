using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Contracts;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.Notifications.Contracts;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Licensing.Applications;

/// <summary>What the applicant is told at each change, in their inbox and by e-mail, in Thai and English.</summary>
internal static class LicensingTemplates
{
    public static readonly NotificationTemplate Submitted = new("licensing.submitted",
        new NotificationText("ได้รับคำขอ {number} แล้ว", "เราได้รับคำขอเลขที่ {number} และส่งให้หน่วยงานพิจารณาแล้ว\n\nติดตามสถานะได้ที่ {link}"),
        new NotificationText("Application {number} received", "We have received application {number} and sent it to the agencies.\n\nFollow it at {link}"));

    public static readonly NotificationTemplate SentBack = new("licensing.sent-back",
        new NotificationText("คำขอ {number}: กรุณาแก้ไข {licence}", "หน่วยงานขอให้แก้ไขคำขอ {licence} ({number})\n\nเหตุผล: {reason}\n\nแก้ไขเฉพาะส่วนที่ทำเครื่องหมายไว้ได้ที่ {link} ระหว่างนี้จะไม่นับวันพิจารณา"),
        new NotificationText("Application {number}: please correct {licence}", "The agency asks you to correct your application for {licence} ({number}).\n\nReason: {reason}\n\nCorrect only what is marked at {link}. The days do not count while you do."));

    public static readonly NotificationTemplate Approved = new("licensing.approved",
        new NotificationText("{licence} ได้รับอนุมัติ", "{licence} ตามคำขอเลขที่ {number} ได้รับอนุมัติแล้ว\n\nดูรายละเอียดและชำระค่าธรรมเนียมได้ที่ {link}"),
        new NotificationText("{licence} approved", "{licence} of application {number} has been approved.\n\nSee the details and pay the fee at {link}"));

    public static readonly NotificationTemplate Rejected = new("licensing.rejected",
        new NotificationText("{licence} ไม่ได้รับอนุมัติ", "{licence} ตามคำขอเลขที่ {number} ไม่ได้รับอนุมัติ\n\nเหตุผล: {reason}\n\nรายละเอียดที่ {link}"),
        new NotificationText("{licence} not approved", "{licence} of application {number} was not approved.\n\nReason: {reason}\n\nDetails at {link}"));

    public static readonly NotificationTemplate Expiring = new("licensing.expiring",
        new NotificationText("{licence} จะหมดอายุใน {days} วัน", "{licence} เลขที่ {document} หมดอายุวันที่ {date}\n\nยื่นต่ออายุได้ที่ {link} ข้อมูลจากคำขอเดิม ({number}) กรอกไว้ให้แล้ว ตรวจสอบแล้วยื่นได้เลย"),
        new NotificationText("{licence} expires in {days} days", "{licence} number {document} expires on {date}.\n\nRenew it at {link}: the answers of your earlier application ({number}) are filled in for you to check and submit."));

    public static readonly IReadOnlyList<NotificationTemplate> All = [Submitted, SentBack, Approved, Rejected, Expiring];
}

/// <summary>
/// Tells the applicant of each change, from licensing's own outbox events: a notification cannot join the
/// change's transaction, so it follows it, and the message id as dedupe key makes a redelivery harmless.
/// Walk-ins filed at a counter have no account: they are told by e-mail when they gave an address.
/// </summary>
internal sealed class ApplicantNotifications(LicensingDbContext db, ILicenceTerms catalogue, INotifier notifier, PublicOrigin origin) :
    IIntegrationEventHandler<ApplicationSubmitted>, IIntegrationEventHandler<LicenceSentBack>,
    IIntegrationEventHandler<LicenceApproved>, IIntegrationEventHandler<LicenceRejected>, IIntegrationEventHandler<DocumentExpiring>
{
    public Task HandleAsync(Guid messageId, ApplicationSubmitted integrationEvent, CancellationToken cancellationToken)
        => NotifyAsync(messageId, integrationEvent.ApplicationId, LicensingTemplates.Submitted, null, null, cancellationToken);

    public Task HandleAsync(Guid messageId, LicenceSentBack integrationEvent, CancellationToken cancellationToken)
        => NotifyAsync(messageId, integrationEvent.ApplicationId, LicensingTemplates.SentBack, integrationEvent.LicenceCode, integrationEvent.Reason ?? "-", cancellationToken);

    public Task HandleAsync(Guid messageId, LicenceApproved integrationEvent, CancellationToken cancellationToken)
        => NotifyAsync(messageId, integrationEvent.ApplicationId, LicensingTemplates.Approved, integrationEvent.LicenceCode, null, cancellationToken);

    public Task HandleAsync(Guid messageId, LicenceRejected integrationEvent, CancellationToken cancellationToken)
        => NotifyAsync(messageId, integrationEvent.ApplicationId, LicensingTemplates.Rejected, integrationEvent.LicenceCode, integrationEvent.Reason ?? "-", cancellationToken);

    /// <summary>A licence granted here expires soon: its holder hears, with the link that starts the renewal from this application.</summary>
    public Task HandleAsync(Guid messageId, DocumentExpiring integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent is not { ApplicationId: { } applicationId, LicenceCode: { } code })
        {
            return Task.CompletedTask; // not a licence of an application: nothing to renew here
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["document"] = integrationEvent.Number,
            ["days"] = integrationEvent.DaysLeft.ToString(CultureInfo.InvariantCulture),
            ["link"] = origin.Link($"/Licensing/Applications/{applicationId}/Renew/{code}"),
        };
        return NotifyAsync(messageId, applicationId, LicensingTemplates.Expiring, code, null, cancellationToken, values, integrationEvent.ValidUntil);
    }

    private async Task NotifyAsync(Guid messageId, Guid applicationId, NotificationTemplate template, string? licenceCode, string? reason, CancellationToken ct,
        Dictionary<string, string>? extra = null, DateTime? date = null)
    {
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.Number, a.ApplicantSubject, a.ApplicantEmail, a.Language }).SingleOrDefaultAsync(ct);
        // A walk-in filed at a counter has no account yet: they are told by e-mail when they gave an address.
        if (application is null || (application.ApplicantSubject is null && application.ApplicantEmail is null))
        {
            return;
        }

        var subject = application.ApplicantSubject ?? $"walk-in:{application.Number}";

        var values = extra ?? new Dictionary<string, string>(StringComparer.Ordinal) { ["link"] = origin.Link($"/Licensing/Applications/{applicationId}") };
        values["number"] = application.Number;
        if (date is { } day)
        {
            values["date"] = ThaiDates.FormatFor(DateOnly.FromDateTime(ThaiDates.ToThaiTime(day)), CultureInfo.GetCultureInfo(application.Language));
        }

        if (licenceCode is not null)
        {
            var terms = catalogue.Find(licenceCode);
            values["licence"] = application.Language == NotificationLanguage.English ? terms?.NameEn ?? licenceCode : terms?.NameTh ?? licenceCode;
        }

        if (reason is not null)
        {
            values["reason"] = reason;
        }

        await notifier.NotifyAsync(new NotificationRecipient(subject, application.ApplicantEmail, application.Language), template.Key, values, $"licensing:{messageId}", ct);
    }
}
