namespace OneStop.SharedKernel.Identifiers;

/// <summary>
/// The mod-11 check digit shared by the 13-digit citizen ID (DOPA) and the juristic-person /
/// taxpayer ID (DBD, Revenue Department): weights 13..2 over the first 12 digits.
/// </summary>
public static class ThaiIdChecksum
{
    /// <summary>Number of digits in a Thai citizen or juristic-person ID.</summary>
    public const int Length = 13;

    /// <summary>Computes the check digit for the first 12 digits of <paramref name="first12"/>.</summary>
    public static int CheckDigit(ReadOnlySpan<char> first12)
    {
        if (first12.Length < Length - 1)
        {
            throw new ArgumentException("Twelve digits are needed.", nameof(first12));
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += (first12[i] - '0') * (Length - i);
        }

        return (11 - (sum % 11)) % 10;
    }

    /// <summary>Why a candidate ID is not valid, or <see cref="ThaiIdProblem.None"/>.</summary>
    public static ThaiIdProblem Check(ReadOnlySpan<char> digits)
    {
        if (digits.Length != Length)
        {
            return ThaiIdProblem.WrongLength;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return ThaiIdProblem.NotDigits;
            }
        }

        return digits[Length - 1] - '0' == CheckDigit(digits) ? ThaiIdProblem.None : ThaiIdProblem.BadCheckDigit;
    }

    /// <summary>Normalises <paramref name="input"/> and checks length, digits and check digit.</summary>
    public static ThaiIdProblem Check(string? input, out string digits)
    {
        digits = input is null ? string.Empty : Normalize(input);
        return Check(digits);
    }

    /// <summary>Removes the dashes and spaces people type between the groups.</summary>
    public static string Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal)
            .Trim();
    }

    /// <summary>Appends the check digit to twelve digits.</summary>
    public static string Complete(string first12) => first12 + CheckDigit(first12).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string Message(ThaiIdProblem problem, string what) => problem switch
    {
        ThaiIdProblem.WrongLength => $"A {what} has exactly 13 digits.",
        ThaiIdProblem.NotDigits => $"A {what} contains digits only.",
        ThaiIdProblem.BadCheckDigit => $"The check digit of this {what} is wrong.",
        ThaiIdProblem.NotACitizenId => "A citizen ID does not start with 0 or 9.",
        ThaiIdProblem.NotAJuristicId => "A juristic-person ID starts with 0.",
        _ => string.Empty,
    };
}

/// <summary>What is wrong with a candidate Thai ID.</summary>
public enum ThaiIdProblem
{
    None,
    WrongLength,
    NotDigits,
    BadCheckDigit,
    NotACitizenId,
    NotAJuristicId,
}
