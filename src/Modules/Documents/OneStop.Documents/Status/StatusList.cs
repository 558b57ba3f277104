using System.IO.Compression;
using OneStop.Documents.Signing;

namespace OneStop.Documents.Status;

/// <summary>
/// One of an agency's Bitstring Status Lists (W3C): 131,072 places, the spec's minimum size, so that one document's
/// status cannot be told apart by the size of the list. Each document takes one place, and the same bit in the
/// revocation and the suspension bitstring tells its state; the lists are published as credentials the agency signs.
/// </summary>
internal sealed class StatusList
{
    public const int Size = 131_072;

    public required string AgencyCode { get; init; }

    /// <summary>1, 2, …: a new list when the last is full.</summary>
    public int Number { get; init; }

    /// <summary>How many places are taken.</summary>
    public int Used { get; set; }

    public byte[] Revoked { get; set; } = new byte[Size / 8];

    public byte[] Suspended { get; set; } = new byte[Size / 8];

    public int Version { get; set; }

    public bool IsFull => Used >= Size;

    /// <summary>Bit <paramref name="index"/>, counted from the first byte's most significant bit, as the spec orders them.</summary>
    public static bool IsSet(byte[] bits, int index)
    {
        ArgumentNullException.ThrowIfNull(bits);
        return (bits[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    /// <summary>A copy with the bit set or cleared (a new array, so that the change is seen and saved).</summary>
    public static byte[] With(byte[] bits, int index, bool value)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var copy = (byte[])bits.Clone();
        var mask = (byte)(0x80 >> (index % 8));
        copy[index / 8] = value ? (byte)(copy[index / 8] | mask) : (byte)(copy[index / 8] & ~mask);
        return copy;
    }

    /// <summary>The spec's <c>encodedList</c>: the bitstring GZIP-compressed, then multibase base64url (prefix <c>u</c>, no padding).</summary>
    public static string Encode(byte[] bits)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bits);
        }

        return "u" + DocumentSigner.Encode(buffer.ToArray());
    }

    /// <summary>Reads an <c>encodedList</c> back (what an offline verifier does).</summary>
    public static byte[] Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!encoded.StartsWith('u'))
        {
            throw new FormatException("An encodedList is multibase base64url: it starts with 'u'.");
        }

        using var gzip = new GZipStream(new MemoryStream(System.Buffers.Text.Base64Url.DecodeFromChars(encoded.AsSpan(1))), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        return bits.ToArray();
    }
}
