using System.Globalization;
using System.Text;

namespace OneStop.Payments.ThaiQr;

/// <summary>
/// The EMVCo merchant-presented QR grammar: a run of objects, each a two-digit id, a two-digit length
/// and that many characters of value; templates nest the same grammar; the last object is the CRC.
/// </summary>
internal static class Emv
{
    public const string CrcTag = "63";

    public static StringBuilder Append(this StringBuilder payload, string id, string value)
    {
        if (value.Length is 0 or > 99)
        {
            throw new ArgumentException($"Object {id} must hold 1 to 99 characters.", nameof(value));
        }

        return payload.Append(id).Append(value.Length.ToString("00", CultureInfo.InvariantCulture)).Append(value);
    }

    /// <summary>Ends a payload with its CRC object, computed over everything before it and the CRC's own id and length.</summary>
    public static string Seal(StringBuilder payload)
    {
        payload.Append(CrcTag).Append("04");
        return payload.Append(Crc16(payload.ToString()).ToString("X4", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) of the ASCII text.</summary>
    public static ushort Crc16(string text)
    {
        ushort crc = 0xFFFF;
        foreach (var c in text)
        {
            crc ^= (ushort)((c & 0xFF) << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }

    /// <summary>Splits a run of objects, in the order written; null when the run does not follow the grammar.</summary>
    public static List<(string Id, string Value)>? Split(string text)
    {
        var objects = new List<(string, string)>();
        var at = 0;
        while (at < text.Length)
        {
            if (at + 4 > text.Length || !IsDigits(text.AsSpan(at, 4)))
            {
                return null;
            }

            var length = int.Parse(text.AsSpan(at + 2, 2), CultureInfo.InvariantCulture);
            if (length == 0 || at + 4 + length > text.Length)
            {
                return null;
            }

            objects.Add((text.Substring(at, 2), text.Substring(at + 4, length)));
            at += 4 + length;
        }

        return objects;
    }

    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
