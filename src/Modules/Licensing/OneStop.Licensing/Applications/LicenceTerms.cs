using OneStop.Licensing.Contracts;
using System.Globalization;

namespace OneStop.Licensing.Applications;

internal enum FieldKind
{
    Text,
    Number,
    YesNo,
    Date,
    Choice,
}

/// <summary>A question of a licence's form. Several licences may share a key: the application asks it once.</summary>
internal sealed record FieldTerms(string Key, string LabelTh, string LabelEn, FieldKind Kind, bool Required, IReadOnlyList<string> Choices, string? Registry = null);

/// <summary>A document a licence needs; one a registry holds (<see cref="HeldBy"/>) is never asked for when the registry answered.</summary>
internal sealed record DocumentTerms(string Key, string NameTh, string NameEn, bool Required, string? HeldBy);

/// <summary>A review step: the tasks of one stage run in parallel, stages in order.</summary>
internal sealed record StepTerms(int Stage, string AgencyCode, string Role, bool AutoApprove);

/// <summary>What an application needs to know of a licence, read from the catalogue.</summary>
internal sealed record LicenceTerms(
    string Code, string NameTh, string NameEn, string AgencyCode,
    IReadOnlyList<FieldTerms> Fields, IReadOnlyList<DocumentTerms> Documents, IReadOnlyList<StepTerms> Steps)
{
    /// <summary>Whether a granted licence is renewed (from its application's data) rather than applied for again.</summary>
    public bool Renewable { get; init; }
}

/// <summary>The catalogue as applications read it.</summary>
internal interface ILicenceTerms
{
    bool IsBusinessType(string code);

    LicenceTerms? Find(string licenceCode);

    /// <summary>The fee (satang) and service level (working days) of a licence for this channel and these answers.</summary>
    (long FeeSatang, int SlaDays) Charge(string licenceCode, Channel channel, IReadOnlyDictionary<string, string> answers);
}

/// <summary>What an answer must look like for its field kind.</summary>
internal static class AnswerRules
{
    public const int MaxTextLength = 1000;

    /// <summary>An error message for the applicant (English; pages show their own words per field), or null when the value fits.</summary>
    public static string? Check(FieldTerms field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return field.Kind switch
        {
            FieldKind.Text => value.Length > MaxTextLength ? $"At most {MaxTextLength} characters." : null,
            FieldKind.Number => decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= 1_000_000_000
                ? null : "A number of 0 or more, digits only.",
            FieldKind.YesNo => value is "yes" or "no" ? null : "Answer yes or no.",
            FieldKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "A date as YYYY-MM-DD.",
            FieldKind.Choice => field.Choices.Contains(value, StringComparer.Ordinal) ? null : $"One of: {string.Join(", ", field.Choices)}.",
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind."),
        };
    }

    /// <summary>The union of the licences' fields, each key once, in the order the licences ask them.</summary>
    public static IReadOnlyList<FieldTerms> UnionOf(IEnumerable<LicenceTerms> licences)
        => InOrder(licences).SelectMany(l => l.Fields).GroupBy(f => f.Key, StringComparer.Ordinal)
            .Select(g => g.First() with { Required = g.Any(f => f.Required) }).ToList();

    /// <summary>The union of the licences' documents, each key once; required when any licence requires it.</summary>
    public static IReadOnlyList<DocumentTerms> DocumentsOf(IEnumerable<LicenceTerms> licences)
        => InOrder(licences).SelectMany(l => l.Documents).GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => g.First() with { Required = g.Any(d => d.Required) }).ToList();

    /// <summary>Licences by code, the order the application lists them in, so questions keep their places however the rows were read.</summary>
    private static IEnumerable<LicenceTerms> InOrder(IEnumerable<LicenceTerms> licences) => licences.OrderBy(l => l.Code, StringComparer.Ordinal);
}
