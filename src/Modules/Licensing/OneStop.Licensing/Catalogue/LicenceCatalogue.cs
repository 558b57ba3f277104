using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Catalogue;

/// <summary>The catalogue as other modules see it; immutable, so one instance serves every request.</summary>
internal sealed class LicenceCatalogue : ILicenceCatalogue
{
    private readonly Dictionary<string, LicenceDefinition> licences;
    private readonly Dictionary<string, BusinessTypeDefinition> businessTypes;

    public LicenceCatalogue(CatalogueData data)
    {
        Data = data;
        licences = data.Licences.ToDictionary(l => l.Code, StringComparer.Ordinal);
        businessTypes = data.BusinessTypes.ToDictionary(b => b.Code, StringComparer.Ordinal);
    }

    public CatalogueData Data { get; }

    public string Version => Data.Version;

    public IReadOnlyList<BusinessTypeDefinition> BusinessTypes => Data.BusinessTypes;

    public IReadOnlyList<LicenceDefinition> Licences => Data.Licences;

    public BusinessTypeDefinition? FindBusinessType(string code) => businessTypes.GetValueOrDefault(code);

    public LicenceDefinition? FindLicence(string code) => licences.GetValueOrDefault(code);

    /// <summary>Business types that list the licence.</summary>
    public IEnumerable<BusinessTypeDefinition> TypesNeeding(string licenceCode) => Data.BusinessTypes.Where(b => b.LicenceCodes.Contains(licenceCode, StringComparer.Ordinal));

    public FeeQuote QuoteFees(LicenceDefinition licence, IReadOnlyDictionary<string, Answer> answers, Channel channel)
        => FeeCalculator.Quote(licence, answers, channel);

    public int SlaDays(LicenceDefinition licence, Channel channel) => Incentives.SlaDays(licence, channel);

    public Result<GuideResult> Evaluate(string businessTypeCode, IReadOnlyDictionary<string, Answer> answers, Channel channel)
    {
        if (FindBusinessType(businessTypeCode) is not { } type)
        {
            return Error.NotFound("business type", businessTypeCode);
        }

        foreach (var (key, answer) in answers)
        {
            var question = type.Questions.FirstOrDefault(q => q.Key == key);
            var fits = (question?.Type, answer) switch
            {
                (QuestionType.YesNo, YesNoAnswer) => true,
                (QuestionType.Number, NumberAnswer n) => n.Value >= 0,
                (QuestionType.Choice, ChoiceAnswer c) => c.Values.Count == 1 && c.Values.All(v => question!.Options.Any(o => o.Value == v)),
                (QuestionType.Multi, ChoiceAnswer c) => c.Values.All(v => question!.Options.Any(o => o.Value == v)),
                _ => false,
            };
            if (!fits)
            {
                return Error.Invalid(AnswerReader.FieldName(key), question is null
                    ? $"'{key}' is not a question of business type '{type.Code}'."
                    : $"The answer to '{key}' does not fit a {question.Type} question.");
            }
        }

        return GuideEvaluator.Evaluate(Data, type, answers, channel);
    }

    /// <summary>Words of a licence that a search matches: names, law, agency code, business types.</summary>
    public IEnumerable<LicenceDefinition> Search(string? words, string? businessType)
    {
        IEnumerable<LicenceDefinition> found = Data.Licences;
        if (!string.IsNullOrWhiteSpace(businessType))
        {
            var type = FindBusinessType(businessType.Trim());
            found = type is null ? [] : found.Where(l => type.LicenceCodes.Contains(l.Code, StringComparer.Ordinal));
        }

        if (string.IsNullOrWhiteSpace(words))
        {
            return found;
        }

        // Thai is written without spaces between words, so each term is matched as a substring.
        var terms = words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return found.Where(l => terms.All(t => Haystack(l).Contains(t, StringComparison.OrdinalIgnoreCase)));
    }

    private static string Haystack(LicenceDefinition l)
        => string.Join(' ', l.Code, l.Name.Th, l.Name.En, l.Law.Th, l.Law.En, string.Join(' ', l.RequiredWhen.Select(r => r.Th + " " + r.En)));
}
