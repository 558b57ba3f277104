using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Geography;

namespace OneStop.Licensing.Applications;

/// <summary>Starts a draft application for the licences a business needs, each licence's review routed to the offices serving the premises.</summary>
internal static class StartApplication
{
    public const int MaxLicences = 30;

    /// <summary>Within this time the same start is taken to be a repeat of the first.</summary>
    public static readonly TimeSpan DoubleClick = TimeSpan.FromSeconds(30);

    public sealed record Request(string? BusinessType, IReadOnlyList<string>? Licences, string? Province, string? District);

    /// <summary>What counter staff record for a walk-in applicant.</summary>
    internal sealed record AtCounter(string OfficerSubject, string OfficeCode, string IdentityCheck, DateTime ConsentRecordedAt)
    {
        /// <summary>Where the walk-in, who has no account yet, hears of each step; null when they gave none.</summary>
        public string? Email { get; init; }
    }

    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, IAgencyDirectory agencies, TimeProvider clock)
    {
        public async Task<Result<LicenceApplication>> HandleAsync(Applicant applicant, Request request, AtCounter? counter, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            ArgumentNullException.ThrowIfNull(request);
            if (string.IsNullOrEmpty(request.BusinessType) || !catalogue.IsBusinessType(request.BusinessType))
            {
                return Error.Invalid("businessType", "Choose a business type from the catalogue.");
            }

            if (request.Licences is not { Count: > 0 and <= MaxLicences } codes || codes.Any(string.IsNullOrWhiteSpace) || codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
            {
                return Error.Invalid("licences", $"Choose 1 to {MaxLicences} different licences.");
            }

            var licences = new List<LicenceTerms>();
            foreach (var code in codes)
            {
                if (catalogue.Find(code) is not { } terms)
                {
                    return Error.Invalid("licences", $"There is no licence '{code}' in the catalogue.");
                }

                licences.Add(terms);
            }

            if (request.Province is not { } province || ThaiGeography.FindProvince(province) is null)
            {
                return Error.Invalid("province", "Choose the province of the premises.");
            }

            if (request.District is { Length: > 0 } district && ThaiGeography.FindDistrict(district)?.ProvinceCode != province)
            {
                return Error.Invalid("district", "Choose a district of the chosen province.");
            }

            var now = clock.UtcNowAsStored();

            // A double click on a start button (pages carry no Idempotency-Key): the draft made a moment ago is the one.
            var recent = now - DoubleClick;
            var creator = counter?.OfficerSubject ?? applicant.Subject;
            var office = counter?.OfficeCode;
            // Another place or another company acted for is another application, however quickly it follows.
            var districtCode = request.District is { Length: > 0 } ? request.District : null;
            var twin = await db.Applications.Include(a => a.Licences).ThenInclude(l => l.Tasks)
                .Where(a => a.CreatedBy == creator && a.CounterOfficeCode == office && a.CreatedAt >= recent
                    && a.BusinessTypeCode == request.BusinessType && a.ApplicantCitizenId == applicant.CitizenId && a.Status == ApplicationStatus.Draft
                    && a.ProvinceCode == province && a.DistrictCode == districtCode && a.JuristicId == applicant.JuristicId)
                .ToListAsync(ct);
            if (twin.FirstOrDefault(a => a.Licences.Select(l => l.LicenceCode).Order(StringComparer.Ordinal).SequenceEqual(codes.Order(StringComparer.Ordinal))) is { } earlier)
            {
                return earlier;
            }

            var application = await NewAsync(applicant, request.BusinessType, licences, province, districtCode, counter, now, ct);
            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            return application;
        }

        /// <summary>A new draft, its licences routed to the offices serving the premises; the caller adds and saves it.</summary>
        public async Task<LicenceApplication> NewAsync(Applicant applicant, string businessType, IReadOnlyList<LicenceTerms> licences, string province, string? districtCode,
            AtCounter? counter, DateTime now, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            ArgumentNullException.ThrowIfNull(licences);
            var application = new LicenceApplication
            {
                Id = Guid.CreateVersion7(),
                Number = ApplicationNumbers.New(now),
                BusinessTypeCode = businessType,
                Channel = counter is null ? Channel.Online : Channel.Counter,
                ApplicantCitizenId = applicant.CitizenId,
                ApplicantName = applicant.Name,
                ApplicantSubject = counter is null ? applicant.Subject : null,
                ApplicantEmail = counter is null ? applicant.Email : counter.Email,
                Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "th",
                JuristicId = applicant.JuristicId,
                CompanyName = applicant.CompanyName,
                ProvinceCode = province,
                DistrictCode = districtCode,
                CreatedBy = counter?.OfficerSubject ?? applicant.Subject,
                CounterOfficeCode = counter?.OfficeCode,
                IdentityCheck = counter?.IdentityCheck,
                ConsentRecordedAt = counter?.ConsentRecordedAt,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var terms in licences)
            {
                application.Licences.Add(await LicenceOfAsync(application, terms, ct));
            }

            application.Record(ApplicationEventKind.Created, now, counter is null ? "applicant" : "counter");
            return application;
        }

        private async Task<LicenceRequest> LicenceOfAsync(LicenceApplication application, LicenceTerms terms, CancellationToken ct)
        {
            // "Any local government" issues through the council of the place: fees, statistics and webhooks belong to it.
            var issuer = await agencies.RouteAsync(terms.AgencyCode, application.ProvinceCode, application.DistrictCode, ct);
            var licence = new LicenceRequest { Id = Guid.CreateVersion7(), ApplicationId = application.Id, LicenceCode = terms.Code, AgencyCode = issuer?.AgencyCode ?? terms.AgencyCode };
            foreach (var step in terms.Steps)
            {
                var office = await agencies.RouteAsync(step.AgencyCode, application.ProvinceCode, application.DistrictCode, ct)
                    ?? throw new InvalidOperationException($"Licence {terms.Code}: agency {step.AgencyCode} is not in the agency directory.");
                licence.Tasks.Add(new ReviewTask
                {
                    Id = Guid.CreateVersion7(), LicenceRequestId = licence.Id, ApplicationId = application.Id, ApplicationNumber = application.Number,
                    LicenceCode = terms.Code, ApplicantName = application.CompanyName ?? application.ApplicantName, Stage = step.Stage,
                    AgencyCode = office.AgencyCode, OfficeCode = office.Code, Role = step.Role, AutoApprove = step.AutoApprove,
                });
            }

            return licence;
        }
    }
}
