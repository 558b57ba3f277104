using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.SharedKernel.Identifiers;

/// <summary>
/// A 13-digit Thai citizen identification number (เลขประจำตัวประชาชน) with a valid check digit.
/// Serialised as the 13 digits; accepts the dashed form <c>1-2345-67890-12-3</c> on input.
/// </summary>
[JsonConverter(typeof(ThaiCitizenIdJsonConverter))]
public readonly record struct ThaiCitizenId : IParsable<ThaiCitizenId>
{
    private ThaiCitizenId(string value) => Value = value;

    /// <summary>The 13 digits.</summary>
    public string Value { get; }

    /// <summary>The grouping printed on the ID card: N-NNNN-NNNNN-NN-N.</summary>
    public string Formatted => $"{Value[0]}-{Value[1..5]}-{Value[5..10]}-{Value[10..12]}-{Value[12]}";

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

        // Leading 0 is used by juristic and other numbers; 9 is not issued to persons.
        return digits[0] is '0' or '9' ? ThaiIdProblem.NotACitizenId : ThaiIdProblem.None;
    }

    /// <summary>An explanation of <paramref name="problem"/> in English.</summary>
    public static string Describe(ThaiIdProblem problem) => ThaiIdChecksum.Message(problem, "citizen ID");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ThaiCitizenId result)
    {
        if (Check(s) == ThaiIdProblem.None)
        {
            result = new ThaiCitizenId(ThaiIdChecksum.Normalize(s!));
            return true;
        }

        result = default;
        return false;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out ThaiCitizenId result) => TryParse(s, null, out result);

    public static ThaiCitizenId Parse(string s, IFormatProvider? provider = null)
    {
        var problem = Check(s);
        return problem == ThaiIdProblem.None
            ? new ThaiCitizenId(ThaiIdChecksum.Normalize(s))
            : throw new FormatException(Describe(problem));
    }

    public override string ToString() => Value ?? string.Empty;
}

internal sealed class ThaiCitizenIdJsonConverter : JsonConverter<ThaiCitizenId>
{
    public override ThaiCitizenId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Write the ID as a JSON string of 13 digits.");
        }

        var text = reader.GetString();
        var problem = ThaiCitizenId.Check(text);
        return problem == ThaiIdProblem.None
            ? ThaiCitizenId.Parse(text!, System.Globalization.CultureInfo.InvariantCulture)
            : throw new JsonException(ThaiCitizenId.Describe(problem));
    }

    public override void Write(Utf8JsonWriter writer, ThaiCitizenId value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
