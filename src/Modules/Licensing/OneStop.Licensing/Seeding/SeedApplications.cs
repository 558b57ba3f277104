using System.Globalization;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Identifiers;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Licensing.Seeding;

/// <summary>
/// Synthetic applications for load tests and benchmarks, written straight into the Licensing tables: made up
/// people and companies (valid check digits), 1–3 licences from the real catalogue, each review routed to the
/// offices of the agency directory as a real start would, and moved through the real state machines to a mix of
/// statuses (a tenth drafts ready to submit, most in review, some sent back, some decided).
/// </summary>
internal static class SeedApplications
{
    public const int MaxApplications = 10_000_000;

    public sealed record Request(int Applications, int Seed);

    public sealed record Summary(int Applications, int Licences, int Tasks, int Events, int Documents, TimeSpan Took);

    private const int BatchSize = 5_000;

    private static readonly string[] FirstNames = ["สมชาย", "สมหญิง", "ประเสริฐ", "วิไล", "อนันต์", "กาญจนา", "ธนพล", "สุดารัตน์", "ณัฐวุฒิ", "พิมพ์ชนก", "วรวุฒิ", "ศิริพร"];
    private static readonly string[] LastNames = ["ใจดี", "สุขสวัสดิ์", "ทองคำ", "ศรีสุข", "บุญมา", "แก้วมณี", "รุ่งเรือง", "พานิช", "วงศ์ไทย", "มั่นคง"];
    private static readonly string[] CompanyWords = ["สยาม", "รุ่งโรจน์", "ไทยพัฒนา", "เจริญกิจ", "อุดมสุข", "มหานคร", "ลานนา", "อันดามัน"];
    private static readonly byte[] TinyPdf = "%PDF-1.4\n% synthetic document for load tests\n%%EOF\n"u8.ToArray();

    internal sealed class Handler(LicensingDbContext db, ILicenceCatalogue catalogue, ILicenceTerms terms, IAgencyDirectory agencies, IWorkingDayCalendar calendar, TimeProvider clock)
    {
        private readonly Dictionary<(string Agency, string Province, string? District), OfficeSummary> routes = [];
        private readonly Dictionary<(string Agency, string Province, string? District), OfficeSummary?> issuers = [];
        private readonly Dictionary<(DateOnly Start, int Days), DateOnly> dueDates = [];

        public async Task<Result<Summary>> HandleAsync(Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (request.Applications is < 1 or > MaxApplications)
            {
                return Error.Invalid("applications", $"From 1 to {MaxApplications:N0} applications.");
            }

            var businesses = catalogue.BusinessTypes
                .Select(b => (b.Code, Licences: b.LicenceCodes.Select(terms.Find).OfType<LicenceTerms>().ToArray()))
                .Where(b => b.Licences.Length > 0).ToArray();
            if (businesses.Length == 0)
            {
                return Error.Conflict("catalogue.empty", "The catalogue has no business type with licences.");
            }

            // The directory must route every step before anything is written.
            var provinces = ThaiGeography.Provinces.Select(p => p.Code).ToArray();
            foreach (var step in businesses.SelectMany(b => b.Licences).SelectMany(l => l.Steps).DistinctBy(s => s.AgencyCode))
            {
                if (await agencies.RouteAsync(step.AgencyCode, provinces[0], null, ct) is null)
                {
                    return Error.Conflict("agencies.missing", $"Agency {step.AgencyCode} is not in the agency directory; start the app once to seed it.");
                }
            }

            var started = clock.GetTimestamp();
            var now = clock.UtcNowAsStored();
            var random = new Random(request.Seed);
            var people = Math.Max(1, request.Applications / 3);
            var companies = Math.Max(1, request.Applications / 12);
            await using var writer = new BulkWriter(db);
            int licenceCount = 0, taskCount = 0, eventCount = 0, documentCount = 0;
            Task pending = Task.CompletedTask;
            for (var first = 0; first < request.Applications; first += BatchSize)
            {
                var batch = new Batch();
                for (var i = first; i < Math.Min(first + BatchSize, request.Applications); i++)
                {
                    var business = businesses[random.Next(businesses.Length)];
                    await AddAsync(batch, i, business.Code, business.Licences, random, people, companies, now, ct);
                }

                licenceCount += batch.Licences.Count;
                taskCount += batch.Tasks.Count;
                eventCount += batch.Events.Count;
                documentCount += batch.Documents.Count;

                // The database writes one batch while the next is made.
                await pending;
                pending = writer.WriteAsync(batch, ct);
                if (!writer.IsPostgres)
                {
                    await pending; // SQLite: one writer, and the directory's reads share the database
                }
            }

            await pending;
            await writer.FinishAsync(ct);
            return new Summary(request.Applications, licenceCount, taskCount, eventCount, documentCount, clock.GetElapsedTime(started));
        }

        private async Task AddAsync(Batch batch, int index, string businessType, LicenceTerms[] offered, Random random, int people, int companies, DateTime now, CancellationToken ct)
        {
            var chosen = offered.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(3, offered.Length) + 1)).ToList();
            var person = random.Next(people);
            var citizenId = Id('1', person, 7_919_117);
            var name = $"{FirstNames[person % FirstNames.Length]} {LastNames[person / FirstNames.Length % LastNames.Length]}";
            string? juristicId = null, companyName = null;
            if (random.Next(4) == 0)
            {
                // A director applying for their company: the company's director is a fixed person, so the company's list is theirs.
                var company = random.Next(companies);
                juristicId = Id('0', company, 3_141_593);
                companyName = $"บริษัท {CompanyWords[company % CompanyWords.Length]} {company.ToString(CultureInfo.InvariantCulture)} จำกัด";
                person = company % people;
                citizenId = Id('1', person, 7_919_117);
                name = $"{FirstNames[person % FirstNames.Length]} {LastNames[person / FirstNames.Length % LastNames.Length]}";
            }

            var province = ThaiGeography.Provinces[random.Next(ThaiGeography.Provinces.Count)];
            var districts = ThaiGeography.DistrictsOf(province.Code);
            var district = districts.Count > 0 && random.Next(5) > 0 ? districts[random.Next(districts.Count)].Code : null;
            var status = random.Next(100) switch
            {
                < 10 => ApplicationStatus.Draft,
                < 65 => ApplicationStatus.InReview,
                < 75 => ApplicationStatus.ActionRequired,
                _ => ApplicationStatus.Completed,
            };

            // Drafts are recent; the rest were started up to two years ago and submitted within days.
            var createdAt = now.AddSeconds(-random.Next(60, status == ApplicationStatus.Draft ? 14 * 86_400 : 730 * 86_400));
            var channel = random.Next(10) == 0 ? Channel.Counter : Channel.Online;
            var subject = $"citizen-{citizenId}";
            var firstRoute = await RouteAsync(chosen[0].Steps[0].AgencyCode, province.Code, district, ct);
            var application = new LicenceApplication
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(createdAt)),
                Number = Number(index, createdAt),
                BusinessTypeCode = businessType,
                Channel = channel,
                ApplicantCitizenId = citizenId,
                ApplicantName = name,
                ApplicantSubject = channel == Channel.Online ? subject : null,
                Language = random.Next(10) == 0 ? "en" : "th",
                JuristicId = juristicId,
                CompanyName = companyName,
                ProvinceCode = province.Code,
                DistrictCode = district,
                CreatedBy = channel == Channel.Online ? subject : $"counter-{firstRoute.Code}",
                CounterOfficeCode = channel == Channel.Counter ? firstRoute.Code : null,
                IdentityCheck = channel == Channel.Counter ? "ID card read by chip" : null,
                ConsentRecordedAt = channel == Channel.Counter ? createdAt : null,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
            foreach (var licence in chosen)
            {
                var issuer = await IssuerAsync(licence.AgencyCode, province.Code, district, ct);
                var request = new LicenceRequest { Id = Guid.CreateVersion7(new DateTimeOffset(createdAt)), ApplicationId = application.Id, LicenceCode = licence.Code, AgencyCode = issuer?.AgencyCode ?? licence.AgencyCode };
                foreach (var step in licence.Steps)
                {
                    var office = await RouteAsync(step.AgencyCode, province.Code, district, ct);
                    request.Tasks.Add(new ReviewTask
                    {
                        Id = Guid.CreateVersion7(new DateTimeOffset(createdAt)), LicenceRequestId = request.Id, ApplicationId = application.Id, ApplicationNumber = application.Number,
                        LicenceCode = licence.Code, ApplicantName = companyName ?? name, Stage = step.Stage,
                        AgencyCode = office.AgencyCode, OfficeCode = office.Code, Role = step.Role, AutoApprove = step.AutoApprove,
                    });
                }

                application.Licences.Add(request);
            }

            // Every draft is complete: answered, and every document uploaded or held by a registry that answered.
            foreach (var field in AnswerRules.UnionOf(chosen))
            {
                application.Answers[field.Key] = Answer(field, random, createdAt);
                if (field.Registry is not null)
                {
                    application.Prefilled.Add(field.Key);
                }
            }

            foreach (var document in AnswerRules.DocumentsOf(chosen))
            {
                if (document.HeldBy is not null)
                {
                    application.AvoidedCopies.Add(document.Key);
                }
                else
                {
                    batch.Documents.Add(new ApplicationDocument
                    {
                        Id = Guid.CreateVersion7(new DateTimeOffset(createdAt)), ApplicationId = application.Id, DocumentKey = document.Key,
                        FileName = document.Key + ".pdf", ContentType = "application/pdf", Size = TinyPdf.Length, Content = TinyPdf, UploadedAt = createdAt,
                    });
                }
            }

            var actor = channel == Channel.Online ? "applicant" : "counter";
            application.Record(ApplicationEventKind.Created, createdAt, actor);
            if (status != ApplicationStatus.Draft)
            {
                await SubmitAndReviewAsync(application, status, random, now, actor, ct);
            }

            batch.Add(application);
        }

        private async Task SubmitAndReviewAsync(LicenceApplication application, ApplicationStatus status, Random random, DateTime now, string actor, CancellationToken ct)
        {
            var submittedAt = Min(application.CreatedAt.AddSeconds(random.Next(600, 3 * 86_400)), now);
            var today = DateOnly.FromDateTime(ThaiDates.ToThaiTime(submittedAt));
            foreach (var licence in application.Licences)
            {
                (licence.FeeSatang, licence.SlaDays) = terms.Charge(licence.LicenceCode, application.Channel, application.Answers);
                foreach (var task in licence.Tasks)
                {
                    task.SubmittedAt = submittedAt;
                }

                licence.Submit(today, await DueAsync(today, licence.SlaDays, ct), submittedAt).ThrowIfFailed();
            }

            application.Submit(submittedAt).ThrowIfFailed();
            application.Record(ApplicationEventKind.Submitted, submittedAt, actor);
            application.UpdatedAt = submittedAt;
            var at = submittedAt;
            DateTime Later() => at = Min(at.AddSeconds(random.Next(3_600, 10 * 86_400)), now);
            switch (status)
            {
                case ApplicationStatus.InReview:
                    // Some tasks are being worked on; some first stages are already approved.
                    foreach (var licence in application.Licences)
                    {
                        if (licence.Tasks.FirstOrDefault(t => t.Status == ReviewTaskStatus.Open) is { } open && random.Next(3) == 0)
                        {
                            var officer = Officer(open);
                            if (random.Next(2) == 0 && open.Stage < licence.Tasks.Max(t => t.Stage))
                            {
                                Decide(application, licence, open, ReviewOutcome.Approve, null, [], Later());
                            }
                            else
                            {
                                open.Claim(officer, "เจ้าหน้าที่ " + open.OfficeCode).ThrowIfFailed();
                                application.Record(ApplicationEventKind.Claimed, Later(), "เจ้าหน้าที่ " + open.OfficeCode, licence.LicenceCode, open.AgencyCode);
                            }
                        }
                    }

                    break;
                case ApplicationStatus.ActionRequired:
                    var sent = application.Licences.SelectMany(l => l.Tasks.Where(t => t.Status == ReviewTaskStatus.Open).Select(t => (Licence: l, Task: t))).FirstOrDefault();
                    if (sent.Task is not null)
                    {
                        var field = application.Answers.Keys.FirstOrDefault();
                        Decide(application, sent.Licence, sent.Task, ReviewOutcome.SendBack, "ข้อมูลไม่ครบถ้วน โปรดแก้ไข", field is null ? [] : [field], Later());
                    }

                    break;
                case ApplicationStatus.Completed:
                    foreach (var licence in application.Licences)
                    {
                        while (licence.Tasks.FirstOrDefault(t => t.Status == ReviewTaskStatus.Open) is { } open)
                        {
                            var reject = random.Next(15) == 0;
                            Decide(application, licence, open, reject ? ReviewOutcome.Reject : ReviewOutcome.Approve, reject ? "สถานที่ไม่เป็นไปตามเกณฑ์" : null, [], Later());
                        }
                    }

                    break;
                case ApplicationStatus.Draft:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status.");
            }

            application.Refresh();
            application.UpdatedAt = at;
        }

        private static void Decide(LicenceApplication application, LicenceRequest licence, ReviewTask task, ReviewOutcome outcome, string? reason, IReadOnlyList<string> marked, DateTime at)
        {
            var officerName = "เจ้าหน้าที่ " + task.OfficeCode;
            var before = licence.Status;
            licence.Decide(task, new ReviewDecision(outcome, reason, marked), Officer(task), DateOnly.FromDateTime(ThaiDates.ToThaiTime(at)), at).ThrowIfFailed();
            application.Record(outcome switch
            {
                ReviewOutcome.Approve => ApplicationEventKind.Approved,
                ReviewOutcome.SendBack => ApplicationEventKind.SentBack,
                _ => ApplicationEventKind.Rejected,
            }, at, officerName, licence.LicenceCode, task.AgencyCode, reason);
            if (before != licence.Status && licence.Status is LicenceStatus.Approved or LicenceStatus.Rejected)
            {
                application.Record(licence.Status == LicenceStatus.Approved ? ApplicationEventKind.LicenceApproved : ApplicationEventKind.LicenceRejected,
                    at, null, licence.LicenceCode, licence.AgencyCode, licence.Reason);
            }
        }

        private static string Officer(ReviewTask task) => $"officer-{task.OfficeCode}-{task.Role}";

        private async Task<OfficeSummary> RouteAsync(string agency, string province, string? district, CancellationToken ct)
        {
            if (!routes.TryGetValue((agency, province, district), out var office))
            {
                office = await agencies.RouteAsync(agency, province, district, ct)
                    ?? throw new InvalidOperationException($"Agency {agency} is not in the agency directory.");
                routes[(agency, province, district)] = office;
            }

            return office;
        }

        private async Task<OfficeSummary?> IssuerAsync(string agency, string province, string? district, CancellationToken ct)
        {
            if (!issuers.TryGetValue((agency, province, district), out var office))
            {
                office = await agencies.RouteAsync(agency, province, district, ct);
                issuers[(agency, province, district)] = office;
            }

            return office;
        }

        private async Task<DateOnly> DueAsync(DateOnly start, int days, CancellationToken ct)
        {
            if (!dueDates.TryGetValue((start, days), out var due))
            {
                due = await calendar.AddWorkingDaysAsync(start, days, ct);
                dueDates[(start, days)] = due;
            }

            return due;
        }
    }

    /// <summary>A 13-digit ID with a valid check digit, different for every <paramref name="n"/> (scrambled so neighbours do not look alike).</summary>
    internal static string Id(char first, int n, long multiplier)
    {
        Span<char> digits = stackalloc char[ThaiIdChecksum.Length];
        digits[0] = first;
        // An odd multiplier not divisible by 5 is a bijection modulo 10^11.
        var body = (n * multiplier + 12_345_678_901) % 100_000_000_000;
        body.TryFormat(digits[1..12], out _, "D11", CultureInfo.InvariantCulture);
        digits[12] = (char)('0' + ThaiIdChecksum.CheckDigit(digits));
        return new string(digits);
    }

    /// <summary>An application number in the real format, unique per index (a bijection modulo 30^8 instead of random characters).</summary>
    internal static string Number(int index, DateTime createdAt)
    {
        const string alphabet = ReadableCode.Alphabet;
        const long space = 656_100_000_000; // 30^8
        var value = (index * 7_777_777_777L + 99_991) % space;
        Span<char> chars = stackalloc char[8];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(value % alphabet.Length)];
            value /= alphabet.Length;
        }

        return $"BIZ-{createdAt.Year + 543}-{chars}";
    }

    private static string Answer(FieldTerms field, Random random, DateTime createdAt) => field.Kind switch
    {
        FieldKind.Number => random.Next(1, 500).ToString(CultureInfo.InvariantCulture),
        FieldKind.YesNo => random.Next(2) == 0 ? "yes" : "no",
        FieldKind.Date => DateOnly.FromDateTime(createdAt.AddDays(-random.Next(30, 3_000))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldKind.Choice when field.Choices.Count > 0 => field.Choices[random.Next(field.Choices.Count)],
        _ => "ข้อมูลสมมุติ " + random.Next(1, 10_000).ToString(CultureInfo.InvariantCulture),
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Rows of a few thousand applications, written together.</summary>
    internal sealed class Batch
    {
        public List<LicenceApplication> Applications { get; } = [];

        public List<LicenceRequest> Licences { get; } = [];

        public List<ReviewTask> Tasks { get; } = [];

        public List<ApplicationEvent> Events { get; } = [];

        public List<ApplicationDocument> Documents { get; } = [];

        public void Add(LicenceApplication application)
        {
            Applications.Add(application);
            Licences.AddRange(application.Licences);
            Tasks.AddRange(application.Licences.SelectMany(l => l.Tasks));
            Events.AddRange(application.Events);
        }
    }
}
