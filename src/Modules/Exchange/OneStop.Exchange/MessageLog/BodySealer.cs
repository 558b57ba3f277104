using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using OneStop.Exchange.Data;

namespace OneStop.Exchange.MessageLog;

/// <summary>
/// Optional encrypted bodies in the message log (<c>Exchange:MessageLog:BodyEncryptionKey</c>, 32
/// bytes in base64): each request and response body is sealed with AES-256-GCM, bound to its record's
/// sequence number, so that a dispute can be settled from the log without the bodies being readable
/// to anyone who only holds the database. The records' body hashes still cover the plain bodies.
/// </summary>
internal sealed class BodySealer
{
    public const string KeyKey = "Exchange:MessageLog:BodyEncryptionKey";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[]? key;

    public BodySealer(IConfiguration configuration)
    {
        if (configuration[KeyKey] is not { Length: > 0 } configured)
        {
            return;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(configured);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{KeyKey} must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).", ex);
        }

        key = bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{KeyKey} must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).");
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    /// <summary>Whether bodies are kept (encrypted) at all.</summary>
    public bool Enabled => key is not null;

    /// <summary>Names the key (a hash of it), so that a rotated key is recognised.</summary>
    public string? KeyId { get; }

    public MessageBody? Seal(long sequence, byte[]? request, byte[]? response)
        => key is null || (request is not { Length: > 0 } && response is not { Length: > 0 }) ? null : new MessageBody
        {
            Sequence = sequence, KeyId = KeyId!,
            Request = request is { Length: > 0 } ? Encrypt(request, sequence, "request") : null,
            Response = response is { Length: > 0 } ? Encrypt(response, sequence, "response") : null,
        };

    /// <summary>The plain body, or null when this node has no key or another key sealed it.</summary>
    public byte[]? Open(MessageBody body, bool request)
    {
        var sealedBody = request ? body.Request : body.Response;
        if (key is null || sealedBody is null || body.KeyId != KeyId)
        {
            return null;
        }

        var plain = new byte[sealedBody.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBody.AsSpan(0, NonceSize), sealedBody.AsSpan(NonceSize, plain.Length), sealedBody.AsSpan(NonceSize + plain.Length), plain,
            Context(body.Sequence, request ? "request" : "response"));
        return plain;
    }

    private byte[] Encrypt(byte[] plain, long sequence, string part)
    {
        var output = new byte[NonceSize + plain.Length + TagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key!, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Context(sequence, part));
        return output;
    }

    // Bound to the record and to which body it is, so a sealed body cannot be moved to another record.
    private static byte[] Context(long sequence, string part) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"onestop-message-log|{sequence}|{part}"));
}
