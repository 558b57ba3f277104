using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Identity.Tests.Http;

namespace OneStop.Identity.Tests;

/// <summary>
/// A software authenticator for tests: an ES256 key pair answering WebAuthn ceremonies as a platform
/// authenticator with user verification would (attestation "none", discoverable credential).
/// </summary>
internal sealed class SoftwarePasskey : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);

    public byte[] UserHandle { get; private set; } = [];

    /// <summary>The flags byte: user present (0x01) and user verified (0x04) unless a test says otherwise.</summary>
    public bool UserVerified { get; set; } = true;

    /// <summary>Answers navigator.credentials.create with these options (the JSON the page carries).</summary>
    public string Create(JsonElement options, string origin = "http://localhost")
    {
        UserHandle = OidcDance.Base64UrlDecode(options.GetProperty("user").GetProperty("id").GetString()!);
        var rpId = options.GetProperty("rp").GetProperty("id").GetString()!;
        var clientData = ClientData("webauthn.create", options, origin);
        var authData = AuthenticatorData(rpId, attested: true);
        var attestation = new CborWriter();
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();
        return Json(new JsonObject
        {
            ["attestationObject"] = OidcDance.Base64Url(attestation.Encode()),
            ["clientDataJSON"] = OidcDance.Base64Url(clientData),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>Answers navigator.credentials.get with these options.</summary>
    public string Get(JsonElement options, string origin = "http://localhost", string? rpId = null)
    {
        var clientData = ClientData("webauthn.get", options, origin);
        var authData = AuthenticatorData(rpId ?? options.GetProperty("rpId").GetString()!, attested: false);
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Json(new JsonObject
        {
            ["authenticatorData"] = OidcDance.Base64Url(authData),
            ["clientDataJSON"] = OidcDance.Base64Url(clientData),
            ["signature"] = OidcDance.Base64Url(signature),
            ["userHandle"] = OidcDance.Base64Url(UserHandle),
        });
    }

    private string Json(JsonObject response) => new JsonObject
    {
        ["id"] = OidcDance.Base64Url(CredentialId),
        ["rawId"] = OidcDance.Base64Url(CredentialId),
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
    }.ToJsonString();

    private static byte[] ClientData(string type, JsonElement options, string origin)
        => Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["challenge"] = options.GetProperty("challenge").GetString(), ["origin"] = origin, ["crossOrigin"] = false }.ToJsonString());

    private byte[] AuthenticatorData(string rpId, bool attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        data.Add((byte)(0x01 | (UserVerified ? 0x04 : 0) | (attested ? 0x40 : 0)));
        data.AddRange(new byte[4]); // signature counter: always 0, as synced passkeys send it
        if (attested)
        {
            data.AddRange(new byte[16]); // AAGUID: none
            data.AddRange([(byte)(CredentialId.Length >> 8), (byte)CredentialId.Length]);
            data.AddRange(CredentialId);
            data.AddRange(CosePublicKey());
        }

        return [.. data];
    }

    private byte[] CosePublicKey()
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);  // kty
        cose.WriteInt32(2);  // EC2
        cose.WriteInt32(3);  // alg
        cose.WriteInt32(-7); // ES256
        cose.WriteInt32(-1); // crv
        cose.WriteInt32(1);  // P-256
        cose.WriteInt32(-2); // x
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3); // y
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    public void Dispose() => key.Dispose();
}
