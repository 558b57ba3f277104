using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Licensing.Applications;

/// <summary>
/// What a change to an application's licences means for the outside: the history lines and the integration
/// events (a licence approved and its fee due; the whole application decided), written in the same
/// transaction as the change. Take the snapshot before changing, publish after.
/// </summary>
internal sealed class ReviewEvents
{
    private readonly LicenceApplication application;
    private readonly Dictionary<Guid, LicenceStatus> before;

    private ReviewEvents(LicenceApplication application)
    {
        this.application = application;
        before = application.Licences.ToDictionary(l => l.Id, l => l.Status);
    }

    public static ReviewEvents Watch(LicenceApplication application) => new(application ?? throw new ArgumentNullException(nameof(application)));

    public void Publish(LicensingDbContext db, ILicenceTerms catalogue, TimeProvider clock, DateTime now)
    {
        var wasCompleted = application.Status == ApplicationStatus.Completed;
        application.Refresh();
        application.UpdatedAt = now;

        // Decisions on different licences touch different rows: the application's version makes them collide, so its status is never stale.
        application.Version++;
        foreach (var licence in application.Licences.Where(l => before.GetValueOrDefault(l.Id) != l.Status))
        {
            switch (licence.Status)
            {
                case LicenceStatus.Approved:
                    application.Record(ApplicationEventKind.LicenceApproved, now, null, licence.LicenceCode, licence.AgencyCode);
                    db.AddIntegrationEvent(new LicenceApproved(application.Id, application.Number, licence.LicenceCode, licence.AgencyCode,
                        application.ApplicantCitizenId, application.JuristicId, now, application.CompanyName ?? application.ApplicantName,
                        application.Answers.GetValueOrDefault("businessName"), application.Answers.GetValueOrDefault("premisesAddress"), application.RenewalOf), clock);
                    db.AddIntegrationEvent(new FeesDue(application.Id, application.Number, licence.LicenceCode, licence.AgencyCode, licence.FeeSatang,
                        application.ApplicantCitizenId, application.JuristicId, StandardFee(catalogue, licence),
                        application.CompanyName ?? application.ApplicantName), clock);
                    break;
                case LicenceStatus.Rejected:
                    application.Record(ApplicationEventKind.LicenceRejected, now, null, licence.LicenceCode, licence.AgencyCode, licence.Reason);
                    db.AddIntegrationEvent(new LicenceRejected(application.Id, application.Number, licence.LicenceCode, licence.AgencyCode, licence.Reason), clock);
                    break;
                case LicenceStatus.WaitingForApplicant:
                    db.AddIntegrationEvent(new LicenceSentBack(application.Id, application.Number, licence.LicenceCode, licence.AgencyCode, licence.Marked,
                        licence.Tasks.Where(t => t.Status == ReviewTaskStatus.SentBack).Select(t => t.Reason).FirstOrDefault(r => r is not null)), clock);
                    break;
                case LicenceStatus.Draft or LicenceStatus.InReview:
                    break;
                default:
                    throw new InvalidOperationException($"Unknown licence status {licence.Status}.");
            }
        }

        if (!wasCompleted && application.Status == ApplicationStatus.Completed && application.Licences.Any(l => l.Status == LicenceStatus.Approved))
        {
            db.AddIntegrationEvent(new ApplicationApproved(application.Id, application.Number,
                application.Licences.Where(l => l.Status == LicenceStatus.Approved).Select(l => l.LicenceCode).ToList(),
                application.Licences.Where(l => l.Status == LicenceStatus.Rejected).Select(l => l.LicenceCode).ToList(), now), clock);
        }
    }

    /// <summary>The fee at a counter, where no incentive applies; never below what is charged (a catalogue changed since).</summary>
    private long StandardFee(ILicenceTerms catalogue, LicenceRequest licence)
        => catalogue.Find(licence.LicenceCode) is null
            ? licence.FeeSatang
            : Math.Max(licence.FeeSatang, catalogue.Charge(licence.LicenceCode, Channel.Counter, application.Answers).FeeSatang);
}
