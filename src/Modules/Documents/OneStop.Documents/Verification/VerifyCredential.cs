using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Signing;

namespace OneStop.Documents.Verification;

/// <summary>
/// Checks a credential the way anyone holding the published keys could, then asks the status lists: is it a
/// well-formed <c>vc+jwt</c>, was it signed by a key an agency of this platform published for the issuer it names,
/// is it still in force (not revoked, not suspended, within its validity). Whatever comes in, the answer is a
/// verdict with a reason, never an error.
/// </summary>
internal static class VerifyCredential
{
    /// <summary>Longer than any credential this platform signs by far; anything bigger is not one of ours.</summary>
    public const int MaxLength = 64 * 1024;

    public sealed record Request(string? Credential);

    private static readonly string[] StatusNames = [.. Enum.GetValues<DocumentStatus>().Select(s => OneStop.SharedKernel.Workflow.WireNames.Kebab(s.ToString()))];

    /// <summary>The verdict.</summary>
    /// <param name="Valid">True only when every check passed.</param>
    /// <param name="Reason">Why not: <c>malformed</c>, <c>unknown-issuer</c>, <c>bad-signature</c>, <c>revoked</c>, <c>suspended</c>, <c>expired</c> or <c>not-yet-valid</c>.</param>
    /// <param name="Detail">The reason in a sentence.</param>
    /// <param name="Number">The document's number, when it could be read.</param>
    /// <param name="Issuer">The issuer's DID, when the signature was checked.</param>
    /// <param name="ValidFrom">When it starts being valid, from the verified contents.</param>
    /// <param name="ValidUntil">When it stops being valid, if it does.</param>
    /// <param name="Status">The document's status: <c>active</c>, <c>suspended</c> or <c>revoked</c>, when the signature holds.</param>
    /// <param name="Credential">The verified contents (the JWT's payload), when the signature holds.</param>
    public sealed record Result(bool Valid, string? Reason, string Detail, string? Number, string? Issuer, string? Status, DateTime? ValidFrom, DateTime? ValidUntil,
        JsonElement? Credential);

    internal sealed class Handler(DocumentsDbContext db, DocumentSigner signer, DocumentStatuses statuses, TimeProvider clock)
    {
        /// <summary>Verifies <paramref name="credential"/>; <paramref name="stored"/> is the record of it when the caller has already read it.</summary>
        public async Task<Result> HandleAsync(string? credential, CancellationToken ct, IssuedDocument? stored = null)
        {
            var token = credential?.Trim();
            if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
            {
                return Invalid("malformed", "Send the credential: a compact JWT (header.payload.signature) of at most 64 KB.");
            }

            var parts = token.Split('.');
            if (parts.Length != 3 || Decode(parts[0]) is not { } headerBytes || Decode(parts[1]) is not { } payloadBytes || Decode(parts[2]) is not { } signature)
            {
                return Invalid("malformed", "A credential is three base64url parts joined by dots (header.payload.signature).");
            }

            if (Parse(headerBytes) is not { ValueKind: JsonValueKind.Object } h || Parse(payloadBytes) is not { ValueKind: JsonValueKind.Object } p)
            {
                return Invalid("malformed", "The header and the payload must be JSON objects.");
            }

            if (Text(h, "alg") != "ES256" || Text(h, "typ") is not (DocumentSigner.TokenType or DocumentSigner.MediaType) || Text(h, "kid") is not { } kid)
            {
                return Invalid("malformed", "The header must say alg ES256, typ vc+jwt and the kid of the issuer's key.");
            }

            if (!IsCredential(p))
            {
                return Invalid("malformed", "The payload is not a verifiable credential (@context, type VerifiableCredential, issuer, credentialSubject).");
            }

            var number = NumberOf(p);
            var issuer = IssuerOf(p);
            var hash = kid.IndexOf('#', StringComparison.Ordinal);
            var key = hash > 0 && kid[..hash] == issuer && DocumentSigner.AgencyOf(issuer) is { } agency && kid[(hash + 1)..] is { Length: 43 } thumbprint
                ? await signer.FindAsync(thumbprint, ct) is { } found && found.AgencyCode == agency ? found : null
                : null;
            if (key is null)
            {
                return Invalid("unknown-issuer", $"No agency of this platform published the key '{kid}' for the issuer '{issuer}'.", number);
            }

            // What was signed is the token's first two parts as ASCII: one byte per character.
            var input = Encoding.ASCII.GetBytes(token, 0, parts[0].Length + 1 + parts[1].Length);
            if (signature.Length != 64 || !key.Verifier.VerifyData(input, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return Invalid("bad-signature", "The signature does not match the contents: the credential was changed or signed by someone else.", number);
            }

            var record = number is null ? null
                : stored is not null && stored.Number == number ? new DocumentStatuses.Record(stored.KeyThumbprint, stored.Status, stored.StatusReason)
                : await statuses.FindAsync(db, number, ct);
            if (record is null || record.KeyThumbprint != key.Thumbprint)
            {
                return Invalid("unknown-issuer", "The signature is an agency's, but this platform has no record of issuing this document.", number);
            }

            var validFrom = Date(p, "validFrom");
            var validUntil = Date(p, "validUntil");
            var now = clock.GetUtcNow().UtcDateTime;
            (string? reason, string detail) = record.Status switch
            {
                DocumentStatus.Revoked => ("revoked", $"Revoked by the issuing agency: {record.Reason}"),
                DocumentStatus.Suspended => ("suspended", $"Suspended by the issuing agency: {record.Reason}"),
                _ when validUntil is { } until && until < now => ("expired", $"Expired on {IssueDocument.Timestamp(until)}."),
                _ when validFrom is { } from && from > now => ("not-yet-valid", $"Valid from {IssueDocument.Timestamp(from)}."),
                _ => (null, "Genuine, issued by the agency named, and in force."),
            };
            return new Result(reason is null, reason, detail, number, issuer, StatusNames[(int)record.Status], validFrom, validUntil, p);
        }

        private static Result Invalid(string reason, string detail, string? number = null) => new(false, reason, detail, number, null, null, null, null, null);
    }

    /// <summary>The document number: the last segment of the credential's id, <c>…/verify/{number}</c>.</summary>
    private static string? NumberOf(JsonElement credential)
        => Text(credential, "id") is { } id && id.LastIndexOf("/verify/", StringComparison.Ordinal) is var at and >= 0 && id[(at + 8)..] is { Length: > 0 and <= 20 } number
            ? number
            : null;

    private static string? IssuerOf(JsonElement credential)
        => credential.TryGetProperty("issuer", out var issuer)
            ? issuer.ValueKind == JsonValueKind.String ? issuer.GetString() : issuer.ValueKind == JsonValueKind.Object ? Text(issuer, "id") : null
            : null;

    private static bool IsCredential(JsonElement credential)
        => credential.TryGetProperty("@context", out var context) && context.ValueKind == JsonValueKind.Array
            && context.EnumerateArray().FirstOrDefault().ValueKind == JsonValueKind.String && context[0].GetString() == IssueDocument.CredentialsContext
            && credential.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "VerifiableCredential")
            && IssuerOf(credential) is { Length: > 0 }
            && credential.TryGetProperty("credentialSubject", out var subject) && subject.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTime? Date(JsonElement element, string name)
        => Text(element, name) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    private static byte[]? Decode(string part)
    {
        if (part.Length == 0)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The JSON value, owned by no pooled document (the verdict hands it on), or null when it is not JSON.</summary>
    private static JsonElement? Parse(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 32 });
            var value = JsonElement.ParseValue(ref reader);
            return reader.Read() ? null : value; // one value, nothing after it
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
