using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Signing;
using OneStop.Documents.Status;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Documents.Issuing;

/// <summary>
/// Makes an e-licence: a W3C Verifiable Credential (Data Model 2.0) that the granting agency signs with ES256,
/// holding what the paper licence says (holder, premises, licence, validity), its number as the verification
/// link, and its places in the agency's revocation and suspension lists. The caller saves it.
/// </summary>
internal sealed class IssueDocument(DocumentsDbContext db, DocumentSigner signer, IAgencyDirectory agencies, TimeProvider clock)
{
    public const string CredentialsContext = "https://www.w3.org/ns/credentials/v2";

    public async Task<IssuedDocument> LicenceAsync(LicenceToIssue licence, LicenceDefinition? definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(licence);
        var now = DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(clock.GetUtcNow().ToUnixTimeSeconds()), DateTimeKind.Utc);
        var number = DocumentNumbers.New(DocumentKind.Licence, now);
        var (list, index) = await TakeStatusPlaceAsync(licence.AgencyCode, ct);
        var validUntil = definition is null ? null : ValidUntil(definition.Validity, now);
        var titleTh = definition?.Name.Th ?? licence.LicenceCode;
        var titleEn = definition?.Name.En ?? licence.LicenceCode;
        var agency = await agencies.FindAgencyAsync(licence.AgencyCode, ct);

        var subject = new JsonObject
        {
            ["type"] = "LicensedBusiness",
            ["holder"] = Holder(licence.HolderName, licence.HolderJuristicId),
            ["licence"] = new JsonObject
            {
                ["number"] = number, ["code"] = licence.LicenceCode, ["name"] = Text(titleTh, titleEn), ["applicationNumber"] = licence.ApplicationNumber,
            },
        };
        if (definition is not null)
        {
            subject["licence"]!["law"] = Text(definition.Law.Th, definition.Law.En);
        }

        if (licence.BusinessName is { Length: > 0 } business)
        {
            subject["businessName"] = business;
        }

        if (licence.PremisesAddress is { Length: > 0 } premises)
        {
            subject["premises"] = premises;
        }

        var payload = Credential(number, ["VerifiableCredential", "LicenceCredential"], licence.AgencyCode, agency, Text(titleTh, titleEn), now, validUntil, subject, list, index);
        var (jws, thumbprint) = await signer.SignAsync(db, licence.AgencyCode, payload, ct);
        var document = new IssuedDocument
        {
            Id = Guid.CreateVersion7(), Number = number, Kind = DocumentKind.Licence, AgencyCode = licence.AgencyCode, LicenceCode = licence.LicenceCode,
            ApplicationId = licence.ApplicationId, ApplicationNumber = licence.ApplicationNumber, HolderCitizenId = licence.HolderCitizenId,
            HolderJuristicId = licence.HolderJuristicId, HolderName = licence.HolderName, BusinessName = licence.BusinessName, PremisesAddress = licence.PremisesAddress,
            TitleTh = titleTh, TitleEn = titleEn, ValidFrom = now, ValidUntil = validUntil, IssuedAt = now, KeyThumbprint = thumbprint,
            StatusList = list, StatusIndex = index, Credential = jws,
        };
        db.Documents.Add(document);
        db.AddIntegrationEvent(new DocumentIssued(number, "licence", licence.ApplicationId, licence.LicenceCode, licence.AgencyCode, licence.HolderCitizenId,
            licence.HolderJuristicId, now, validUntil, signer.Link($"/verify/{number}"), now), clock);
        return document;
    }

    /// <summary>When a licence of these terms, issued at <paramref name="from"/>, stops being valid; null when it does not expire.</summary>
    public static DateTime? ValidUntil(Validity validity, DateTime from)
    {
        ArgumentNullException.ThrowIfNull(validity);
        return validity.Term switch
        {
            ValidityTerm.Months when validity.Months is > 0 => from.AddMonths(validity.Months.Value),
            // The last second of 31 December, Thai time (UTC+7), of the year of issue.
            ValidityTerm.EndOfYear => new DateTime(ThaiDates.ToThaiTime(from).Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-7).AddSeconds(-1),
            _ => null,
        };
    }

    /// <summary>The status list URL of an agency's list and purpose (<c>revocation</c> or <c>suspension</c>).</summary>
    public string StatusListUrl(string agencyCode, int list, string purpose) => signer.Link($"/api/documents/status/{agencyCode}/{list}/{purpose}");

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Text in Thai and English, as VC 2.0 writes a value in several languages.</summary>
    public static JsonArray Text(string thai, string english)
        => [new JsonObject { ["@value"] = thai, ["@language"] = "th" }, new JsonObject { ["@value"] = english, ["@language"] = "en" }];

    private JsonObject Credential(string number, string[] types, string agencyCode, AgencySummary? agency, JsonArray name, DateTime validFrom, DateTime? validUntil,
        JsonObject subject, int list, int index)
    {
        var issuer = new JsonObject { ["id"] = signer.IssuerDid(agencyCode) };
        if (agency is not null)
        {
            issuer["name"] = Text(agency.NameTh, agency.NameEn);
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialsContext),
            ["id"] = signer.Link($"/verify/{number}"),
            ["type"] = new JsonArray([.. types.Select(t => JsonValue.Create(t))]),
            ["issuer"] = issuer,
            ["name"] = name,
            ["validFrom"] = Timestamp(validFrom),
        };
        if (validUntil is { } until)
        {
            credential["validUntil"] = Timestamp(until);
        }

        credential["credentialSubject"] = subject;
        credential["credentialStatus"] = new JsonArray(StatusEntry(agencyCode, list, index, "revocation"), StatusEntry(agencyCode, list, index, "suspension"));
        return credential;
    }

    private JsonObject StatusEntry(string agencyCode, int list, int index, string purpose)
    {
        var url = StatusListUrl(agencyCode, list, purpose);
        return new JsonObject
        {
            ["id"] = $"{url}#{index}", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = purpose,
            ["statusListIndex"] = index.ToString(CultureInfo.InvariantCulture), ["statusListCredential"] = url,
        };
    }

    private static JsonObject Holder(string name, string? juristicId)
    {
        var holder = new JsonObject { ["name"] = name };
        if (juristicId is not null)
        {
            holder["juristicId"] = juristicId;
        }

        return holder;
    }

    /// <summary>The next free place in the agency's newest status list, starting a new list when it is full.</summary>
    private async Task<(int List, int Index)> TakeStatusPlaceAsync(string agencyCode, CancellationToken ct)
    {
        var list = db.StatusLists.Local.Where(l => l.AgencyCode == agencyCode).MaxBy(l => l.Number)
            ?? await db.StatusLists.Where(l => l.AgencyCode == agencyCode).OrderByDescending(l => l.Number).FirstOrDefaultAsync(ct);
        if (list is null || list.IsFull)
        {
            list = new StatusList { AgencyCode = agencyCode, Number = (list?.Number ?? 0) + 1 };
            db.StatusLists.Add(list);
        }
        else
        {
            list.Version++;
        }

        var index = list.Used;
        list.Used++;
        return (list.Number, index);
    }
}
