using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OneStop.SharedKernel.Identifiers;

/// <summary>
/// A 13-digit juristic-person registration number (เลขทะเบียนนิติบุคคล, DBD), which is also the
/// company's taxpayer ID. Grouping <c>0-AA-T-YYY-SSSSS-C</c>; same mod-11 check digit as citizen IDs.
/// </summary>
[JsonConverter(typeof(ThaiIdJsonConverter<JuristicPersonId>))]
public readonly record struct JuristicPersonId : IParsable<JuristicPersonId>, IThaiId<JuristicPersonId>
{
    private JuristicPersonId(string value) => Value = value;

    /// <summary>The 13 digits.</summary>
    public string Value { get; }

    /// <summary>The DBD grouping 0-AA-T-YYY-SSSSS-C.</summary>
    public string Formatted => $"{Value[0]}-{Value[1..3]}-{Value[3]}-{Value[4..7]}-{Value[7..12]}-{Value[12]}";

    /// <summary>The juristic-person type encoded in the 4th digit.</summary>
    public JuristicPersonKind Kind => Value[3] switch
    {
        '2' => JuristicPersonKind.OrdinaryPartnership,
        '3' => JuristicPersonKind.LimitedPartnership,
        '5' => JuristicPersonKind.CompanyLimited,
        '7' => JuristicPersonKind.PublicCompanyLimited,
        _ => JuristicPersonKind.Other,
    };

    /// <summary>Checks a candidate; dashes and spaces are ignored.</summary>
    public static ThaiIdProblem Check(string? input)
    {
        var problem = ThaiIdChecksum.Check(input, out var digits);
        if (problem != ThaiIdProblem.None)
        {
            return problem;
        }

        return digits[0] == '0' ? ThaiIdProblem.None : ThaiIdProblem.NotAJuristicId;
    }

    /// <summary>An explanation of <paramref name="problem"/> in English.</summary>
    public static string Describe(ThaiIdProblem problem) => ThaiIdChecksum.Message(problem, "juristic-person ID");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out JuristicPersonId result) => ThaiId.TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out JuristicPersonId result) => ThaiId.TryParse(s, out result);

    public static JuristicPersonId Parse(string s, IFormatProvider? provider = null) => ThaiId.Parse<JuristicPersonId>(s);

    static JuristicPersonId IThaiId<JuristicPersonId>.FromCheckedDigits(string digits) => new(digits);

    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Juristic-person types as encoded by DBD.</summary>
public enum JuristicPersonKind
{
    Other,
    OrdinaryPartnership,
    LimitedPartnership,
    CompanyLimited,
    PublicCompanyLimited,
}
