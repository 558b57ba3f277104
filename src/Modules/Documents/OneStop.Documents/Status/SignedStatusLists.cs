using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Signing;

namespace OneStop.Documents.Status;

/// <summary>
/// An agency's status lists as the <c>BitstringStatusListCredential</c>s verifiers fetch, each signed once per version of
/// the list (it changes only when the agency suspends, reinstates or revokes), not once per request.
/// </summary>
internal sealed class SignedStatusLists(DocumentSigner signer, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Agency, int List, string Purpose), (int Version, string Jws)> signed = new();

    /// <summary>Where an agency's list is published for a purpose (<c>revocation</c> or <c>suspension</c>).</summary>
    public static string UrlOf(DocumentSigner signer, string agencyCode, int list, string purpose)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return signer.Link($"/api/documents/status/{agencyCode}/{list}/{purpose}");
    }

    /// <summary>The list as a signed credential (compact JWS) for <paramref name="purpose"/>, <c>revocation</c> or <c>suspension</c>.</summary>
    public async Task<string> SignedAsync(DocumentsDbContext db, StatusList list, string purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(list);
        var key = (list.AgencyCode, list.Number, purpose);
        if (signed.TryGetValue(key, out var known) && known.Version == list.Version)
        {
            return known.Jws;
        }

        var url = UrlOf(signer, list.AgencyCode, list.Number, purpose);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(IssueDocument.CredentialsContext),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = signer.IssuerDid(list.AgencyCode),
            ["validFrom"] = IssueDocument.Timestamp(clock.GetUtcNow().UtcDateTime),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{url}#list", ["type"] = "BitstringStatusList", ["statusPurpose"] = purpose,
                ["encodedList"] = StatusList.Encode(purpose == "revocation" ? list.Revoked : list.Suspended),
            },
        };
        var (jws, _) = await signer.SignAsync(db, list.AgencyCode, credential, ct);
        signed[key] = (list.Version, jws);
        return jws;
    }
}
