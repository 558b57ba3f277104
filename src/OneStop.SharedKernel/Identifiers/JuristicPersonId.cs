using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.SharedKernel.Identifiers;

/// <summary>
/// A 13-digit juristic-person registration number (เลขทะเบียนนิติบุคคล, DBD), which is also the
/// company's taxpayer ID. Grouping <c>0-AA-T-YYY-SSSSS-C</c>; same mod-11 check digit as citizen IDs.
/// </summary>
[JsonConverter(typeof(JuristicPersonIdJsonConverter))]
public readonly record struct JuristicPersonId : IParsable<JuristicPersonId>
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
        if (input is null)
        {
            return ThaiIdProblem.WrongLength;
        }

        var digits = ThaiIdChecksum.Normalize(input);
        var problem = ThaiIdChecksum.Check(digits);
        if (problem != ThaiIdProblem.None)
        {
            return problem;
        }

        return digits[0] == '0' ? ThaiIdProblem.None : ThaiIdProblem.NotAJuristicId;
    }

    /// <summary>An explanation of <paramref name="problem"/> in English.</summary>
    public static string Describe(ThaiIdProblem problem) => ThaiIdChecksum.Message(problem, "juristic-person ID");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out JuristicPersonId result)
    {
        if (Check(s) == ThaiIdProblem.None)
        {
            result = new JuristicPersonId(ThaiIdChecksum.Normalize(s!));
            return true;
        }

        result = default;
        return false;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out JuristicPersonId result) => TryParse(s, null, out result);

    public static JuristicPersonId Parse(string s, IFormatProvider? provider = null)
    {
        var problem = Check(s);
        return problem == ThaiIdProblem.None
            ? new JuristicPersonId(ThaiIdChecksum.Normalize(s))
            : throw new FormatException(Describe(problem));
    }

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

internal sealed class JuristicPersonIdJsonConverter : JsonConverter<JuristicPersonId>
{
    public override JuristicPersonId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Write the ID as a JSON string of 13 digits.");
        }

        var text = reader.GetString();
        var problem = JuristicPersonId.Check(text);
        return problem == ThaiIdProblem.None
            ? JuristicPersonId.Parse(text!, System.Globalization.CultureInfo.InvariantCulture)
            : throw new JsonException(JuristicPersonId.Describe(problem));
    }

    public override void Write(Utf8JsonWriter writer, JuristicPersonId value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
