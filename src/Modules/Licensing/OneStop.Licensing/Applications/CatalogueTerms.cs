using System.Globalization;
using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Applications;

/// <summary>
/// The catalogue as applications read it. The catalogue says which registry holds a field; this says which
/// of the registry's data it is, by the field keys the catalogue uses for them.
/// </summary>
internal sealed class CatalogueTerms(ILicenceCatalogue catalogue) : ILicenceTerms
{
    private static readonly Dictionary<string, string> RegistryData = new(StringComparer.Ordinal)
    {
        ["applicantCitizenId"] = "population.citizenId",
        ["applicantName"] = "population.nameTh",
        ["applicantAddress"] = "population.address",
        ["juristicId"] = "juristic.id",
        ["juristicName"] = "juristic.nameTh",
        ["registeredCapital"] = "juristic.capital",
    };

    public bool IsBusinessType(string code) => catalogue.FindBusinessType(code) is not null;

    public LicenceTerms? Find(string licenceCode)
        => catalogue.FindLicence(licenceCode) is { } licence
            ? new LicenceTerms(licence.Code, licence.Name.Th, licence.Name.En, licence.AgencyCode,
                licence.Fields.Select(Field).ToList(),
                licence.Documents.Select(d => new DocumentTerms(d.Key, d.Name.Th, d.Name.En,
                    Required: d.StateHolds != Registry.Juristic, // only a company has a company certificate
                    HeldBy: d.StateHolds switch { Registry.Population => PrefillApplication.Registries.Population, Registry.Juristic => PrefillApplication.Registries.Juristic, _ => null })).ToList(),
                licence.Workflow.Select(s => new StepTerms(s.Stage, s.AgencyCode, s.RoleCode, s.AutoApprove)).ToList())
            {
                Renewable = licence.Validity.Renewable,
            }
            : null;

    public (long FeeSatang, int SlaDays) Charge(string licenceCode, Channel channel, IReadOnlyDictionary<string, string> answers)
    {
        var licence = catalogue.FindLicence(licenceCode) ?? throw new ArgumentException($"No licence '{licenceCode}'.", nameof(licenceCode));
        var typed = answers.ToDictionary(a => a.Key, a => Typed(a.Value), StringComparer.Ordinal);
        return (catalogue.QuoteFees(licence, typed, channel).TotalSatang, catalogue.SlaDays(licence, channel));
    }

    private static FieldTerms Field(FieldDefinition field)
        => new(field.Key, field.Label.Th, field.Label.En,
            field.Type switch { "number" => FieldKind.Number, "date" => FieldKind.Date, _ => FieldKind.Text },
            Required: field.Registry != Registry.Juristic, // a person applying for themselves has no company data
            Choices: [],
            Registry: RegistryData.GetValueOrDefault(field.Key));

    private static Answer Typed(string value)
        => value switch
        {
            "yes" => new YesNoAnswer(true),
            "no" => new YesNoAnswer(false),
            _ when decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) => new NumberAnswer(number),
            _ => new ChoiceAnswer([value]),
        };
}
