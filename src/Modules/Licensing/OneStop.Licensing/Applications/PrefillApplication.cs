using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Exchange.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Geography;

namespace OneStop.Licensing.Applications;

/// <summary>
/// Fills what the registries already hold (the company, its directors and address; the applicant's name and
/// house registration) by reading them through the exchange with the application number as the purpose
/// (<c>X-Road-Issue</c>), so the exchange logs each read against this application and the people it names
/// see it among the reads of their data. Each document the registries stand in for is counted as a copy
/// the applicant did not have to make. Only empty answers are filled: what the applicant typed stays.
/// </summary>
internal static class PrefillApplication
{
    /// <summary>Registries a field or document may come from (the catalogue's <c>registry</c> and <c>heldBy</c>).</summary>
    public static class Registries
    {
        public const string Juristic = "juristic";
        public const string Population = "population";
    }

    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, RegistryReader registries, TimeProvider clock)
    {
        public async Task<Result<LicenceApplication>> HandleAsync(Applicant applicant, Guid id, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            var application = await ApplicationAccess.LoadOwnedAsync(db, applicant, id, ct);
            if (application is null)
            {
                return ApplicationAccess.NotFound(id);
            }

            if (application.Status != ApplicationStatus.Draft)
            {
                return Error.Conflict("application.submitted", "The application is submitted; its answers come from the registries no more.");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var answered = new HashSet<string>(StringComparer.Ordinal);
            if (application.JuristicId is { } juristicId && await registries.CompanyAsync(juristicId, application.Number, ct) is { } company)
            {
                answered.Add(Registries.Juristic);
                Add(values, "juristic.id", company.JuristicId);
                Add(values, "juristic.nameTh", company.NameTh);
                Add(values, "juristic.nameEn", company.NameEn);
                Add(values, "juristic.registeredOn", company.RegisteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Add(values, "juristic.capital", (company.CapitalSatang / 100).ToString(CultureInfo.InvariantCulture));
                Add(values, "juristic.address", company.Address?.Formatted());
                Add(values, "juristic.directors", string.Join(", ", (company.Directors ?? []).Select(d => d.NameTh)));
            }

            if (await registries.PersonAsync(application.ApplicantCitizenId, application.Number, ct) is { } person)
            {
                answered.Add(Registries.Population);
                Add(values, "population.citizenId", person.CitizenId);
                Add(values, "population.nameTh", $"{person.TitleTh}{person.GivenNameTh} {person.FamilyNameTh}");
                Add(values, "population.nameEn", $"{person.GivenNameEn} {person.FamilyNameEn}");
                Add(values, "population.birthDate", person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Add(values, "population.address", person.House?.Address?.Formatted());
            }

            if (answered.Count == 0)
            {
                return new Error("registries.unreachable", "The registries could not be reached; fill in the answers yourself or try again later.", ErrorKind.Conflict);
            }

            var terms = application.Licences.Select(l => catalogue.Find(l.LicenceCode)).OfType<LicenceTerms>().ToList();
            var answers = new Dictionary<string, string>(application.Answers, StringComparer.Ordinal);
            var prefilled = application.Prefilled.ToHashSet(StringComparer.Ordinal);
            foreach (var field in AnswerRules.UnionOf(terms))
            {
                if (field.Registry is { } source && values.TryGetValue(source, out var value) && !answers.ContainsKey(field.Key))
                {
                    answers[field.Key] = value;
                    prefilled.Add(field.Key);
                }
            }

            var avoided = application.AvoidedCopies.ToHashSet(StringComparer.Ordinal);
            avoided.UnionWith(AnswerRules.DocumentsOf(terms).Where(d => d.HeldBy is { } source && answered.Contains(source)).Select(d => d.Key));
            var now = clock.UtcNowAsStored();
            application.Answers = answers;
            application.Prefilled = [.. prefilled.Order(StringComparer.Ordinal)];
            application.AvoidedCopies = [.. avoided.Order(StringComparer.Ordinal)];
            application.UpdatedAt = now;
            application.Version++;
            application.Record(ApplicationEventKind.Prefilled, now, "system", note: string.Join(", ", answered.Order(StringComparer.Ordinal)));
            return await ApplicationAccess.SaveAsync(db, ct) is { } changed ? changed : application;
        }

        private static void Add(Dictionary<string, string> values, string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }
    }
}

/// <summary>The population and juristic registries as the business portal reads them: through the exchange, as <see cref="ExchangeNames.BizPortalClient"/>.</summary>
internal sealed class RegistryReader(IHttpClientFactory clients)
{
    public sealed record Company(string JuristicId, string NameTh, string NameEn, DateOnly RegisteredOn, long CapitalSatang, ThaiAddress? Address, IReadOnlyList<Director> Directors);

    public sealed record Director(string CitizenId, string NameTh, bool MaySign);

    public sealed record Person(string CitizenId, string TitleTh, string GivenNameTh, string FamilyNameTh, string GivenNameEn, string FamilyNameEn, DateOnly BirthDate, House? House);

    public sealed record House(ThaiAddress? Address);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Company?> CompanyAsync(string juristicId, string purpose, CancellationToken ct)
        => GetAsync<Company>($"TH/GOV/DBD/juristic/companies/{Uri.EscapeDataString(juristicId)}", purpose, ct);

    public Task<Person?> PersonAsync(string citizenId, string purpose, CancellationToken ct)
        => GetAsync<Person>($"TH/GOV/DOPA/population/persons/{Uri.EscapeDataString(citizenId)}", purpose, ct);

    /// <summary>The record, or null when the registry has none or could not be reached (the applicant then types the answers).</summary>
    private async Task<T?> GetAsync<T>(string path, string purpose, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Road-Client", ExchangeNames.BizPortalClient);
        request.Headers.Add("X-Road-Issue", purpose);
        try
        {
            using var response = await clients.CreateClient(ExchangeNames.ConsumerHttpClient).SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<T>(Json, ct) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
