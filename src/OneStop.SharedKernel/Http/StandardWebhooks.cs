using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.SharedKernel.Http;

/// <summary>
/// Signed HTTP notifications the way the Standard Webhooks specification signs them, so that senders and receivers
/// can use its libraries: headers <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and
/// <c>webhook-signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body))</c>. The platform signs its own webhooks
/// this way and checks payment gateways' notifications the same way.
/// </summary>
public static class StandardWebhooks
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        return "v1," + Convert.ToBase64String(Mac(secret, id, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>
    /// Whether one of the space-separated signatures in <paramref name="signatures"/> is this body's, compared in
    /// constant time. The caller checks the timestamp against its clock (a valid signature on an old message is a replay).
    /// </summary>
    public static bool Verify(string secret, string id, long timestamp, ReadOnlySpan<byte> body, string? signatures)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(signatures))
        {
            return false;
        }

        var expected = Mac(secret, id, timestamp, body);
        Span<byte> given = stackalloc byte[64];
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith("v1,", StringComparison.Ordinal) && Convert.TryFromBase64String(candidate[3..], given, out var length)
                && CryptographicOperations.FixedTimeEquals(given[..length], expected))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Mac(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var head = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var signed = new byte[head.Length + body.Length];
        head.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(head.Length));
        return HMACSHA256.HashData(key, signed);
    }
}
