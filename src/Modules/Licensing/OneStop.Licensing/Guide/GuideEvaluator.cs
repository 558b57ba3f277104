using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Guide;

/// <summary>Decides which of a business type's licences are required or suggested for the answers. Pure.</summary>
internal static class GuideEvaluator
{
    public static GuideResult Evaluate(CatalogueData catalogue, BusinessTypeDefinition type, IReadOnlyDictionary<string, Answer> answers, Channel channel)
    {
        var required = new List<GuideLicence>();
        var optional = new List<GuideLicence>();
        foreach (var code in type.LicenceCodes)
        {
            var licence = catalogue.Licences.First(l => l.Code == code);
            var rules = catalogue.Rules[code];
            var because = Reasons(rules.Required, answers);
            if (because.Count > 0)
            {
                required.Add(Listed(licence, because, answers, channel));
                continue;
            }

            because = Reasons(rules.Optional, answers);
            if (because.Count > 0)
            {
                optional.Add(Listed(licence, because, answers, channel));
            }
        }

        var ranged = required.Any(r => r.Fees.MaxTotalSatang is not null);
        return new GuideResult(
            type,
            channel,
            required,
            optional,
            required.Sum(r => r.Fees.TotalSatang),
            ranged ? required.Sum(r => r.Fees.MaxTotalSatang ?? r.Fees.TotalSatang) : null,
            required.Count == 0 ? 0 : required.Max(r => r.SlaDays));
    }

    private static List<LocalizedText> Reasons(IReadOnlyList<LicenceRule> rules, IReadOnlyDictionary<string, Answer> answers)
        => rules.Where(r => Determinants.Holds(r.When, answers)).Select(r => r.Because).Distinct().ToList();

    private static GuideLicence Listed(LicenceDefinition licence, List<LocalizedText> because, IReadOnlyDictionary<string, Answer> answers, Channel channel)
        => new(licence, because, FeeCalculator.Quote(licence, answers, channel), Incentives.SlaDays(licence, channel));
}
