using System.Security.Cryptography;

namespace OneStop.SharedKernel.Identifiers;

/// <summary>
/// Random codes people read out at a counter and type into banking apps: capitals and digits without the
/// look-alikes 0/O, 1/I/L and U, so a code read aloud or copied by hand is not mistaken.
/// </summary>
public static class ReadableCode
{
    /// <summary>The 30 characters a code is made of.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary><paramref name="length"/> characters drawn from <see cref="Alphabet"/> by a cryptographic random generator.</summary>
    public static string Random(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        Span<char> random = stackalloc char[length];
        for (var i = 0; i < random.Length; i++)
        {
            random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(random);
    }

    /// <summary>The Buddhist Era year of <paramref name="utc"/>, as codes carry it (2569 for 2026).</summary>
    public static int BuddhistYear(DateTime utc) => utc.Year + 543;
}
