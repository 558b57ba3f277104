using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OneStop.SharedKernel.Identifiers;

/// <summary>
/// A 13-digit Thai citizen identification number (เลขประจำตัวประชาชน) with a valid check digit.
/// Serialised as the 13 digits; accepts the dashed form <c>1-2345-67890-12-3</c> on input.
/// </summary>
[JsonConverter(typeof(ThaiIdJsonConverter<ThaiCitizenId>))]
public readonly record struct ThaiCitizenId : IParsable<ThaiCitizenId>, IThaiId<ThaiCitizenId>
{
    private ThaiCitizenId(string value) => Value = value;

    /// <summary>The 13 digits.</summary>
    public string Value { get; }

    /// <summary>The grouping printed on the ID card: N-NNNN-NNNNN-NN-N.</summary>
    public string Formatted => $"{Value[0]}-{Value[1..5]}-{Value[5..10]}-{Value[10..12]}-{Value[12]}";

    /// <summary>Checks a candidate; dashes and spaces are ignored.</summary>
    public static ThaiIdProblem Check(string? input)
    {
        var problem = ThaiIdChecksum.Check(input, out var digits);
        if (problem != ThaiIdProblem.None)
        {
            return problem;
        }

        // Leading 0 is used by juristic and other numbers; 9 is not issued to persons.
        return digits[0] is '0' or '9' ? ThaiIdProblem.NotACitizenId : ThaiIdProblem.None;
    }

    /// <summary>An explanation of <paramref name="problem"/> in English.</summary>
    public static string Describe(ThaiIdProblem problem) => ThaiIdChecksum.Message(problem, "citizen ID");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ThaiCitizenId result) => ThaiId.TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out ThaiCitizenId result) => ThaiId.TryParse(s, out result);

    public static ThaiCitizenId Parse(string s, IFormatProvider? provider = null) => ThaiId.Parse<ThaiCitizenId>(s);

    static ThaiCitizenId IThaiId<ThaiCitizenId>.FromCheckedDigits(string digits) => new(digits);

    public override string ToString() => Value ?? string.Empty;
}
