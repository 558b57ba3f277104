using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Signing;
using OneStop.Documents.Status;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Contracts;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Messaging;
using OneStop.SharedKernel.Workflow;

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
        var now = Now();
        var number = DocumentNumbers.New(DocumentKind.Licence, now);
        var from = await RenewedUntilAsync(licence, now, ct) ?? now;
        var titleTh = definition?.Name.Th ?? licence.LicenceCode;
        var titleEn = definition?.Name.En ?? licence.LicenceCode;
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

        return await IssueAsync(new IssuedDocument
        {
            Id = Guid.CreateVersion7(), Number = number, Kind = DocumentKind.Licence, AgencyCode = licence.AgencyCode, LicenceCode = licence.LicenceCode,
            ApplicationId = licence.ApplicationId, ApplicationNumber = licence.ApplicationNumber, HolderCitizenId = licence.HolderCitizenId,
            HolderJuristicId = licence.HolderJuristicId, HolderName = licence.HolderName, BusinessName = licence.BusinessName, PremisesAddress = licence.PremisesAddress,
            TitleTh = titleTh, TitleEn = titleEn, ValidFrom = from, ValidUntil = definition is null ? null : ValidUntil(definition.Validity, from), IssuedAt = now,
            KeyThumbprint = string.Empty, Credential = string.Empty,
        }, "LicenceCredential", subject, ct);
    }

    /// <summary>
    /// When a renewal is issued before the licence it renews ends, the end of that licence: the renewal takes over from
    /// it then, so a holder who renews early loses no days. Null when there is none, or it has already ended.
    /// </summary>
    private async Task<DateTime?> RenewedUntilAsync(LicenceToIssue licence, DateTime now, CancellationToken ct)
    {
        if (licence.RenewalOf is not { } previous)
        {
            return null;
        }

        var until = await db.Documents.Where(d => d.ApplicationId == previous && d.LicenceCode == licence.LicenceCode && d.Kind == DocumentKind.Licence
                && d.Status != DocumentStatus.Revoked && d.ValidUntil > now)
            .OrderByDescending(d => d.ValidUntil).Select(d => d.ValidUntil).FirstOrDefaultAsync(ct);
        return until is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : null;
    }

    /// <summary>
    /// Signs a payment's receipt as the collecting agency (whose account took the money): who paid, how much, for
    /// what, each agency's share, and when. Its number is the receipt's, so the receipt page links to its check page.
    /// </summary>
    public async Task<IssuedDocument> ReceiptAsync(InvoicePaid paid, string collectedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paid);
        var now = Now();
        var payerName = paid.PayerName is { Length: > 0 and <= 300 } name ? name : paid.PayerJuristicId ?? paid.PayerCitizenId!;
        var subject = new JsonObject
        {
            ["type"] = "PaymentReceipt",
            ["payer"] = Holder(payerName, paid.PayerJuristicId),
            ["receipt"] = new JsonObject
            {
                ["number"] = paid.ReceiptNumber, ["invoiceNumber"] = paid.Number, ["for"] = Text(paid.TitleTh ?? paid.Number, paid.TitleEn ?? paid.Number),
                ["amount"] = new JsonObject { ["value"] = (paid.AmountSatang / 100m).ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = "THB" },
                ["amountSatang"] = paid.AmountSatang,
                ["paidAt"] = Timestamp(paid.PaidAt),
                ["items"] = new JsonArray([.. paid.Items.Select(i => new JsonObject { ["agencyCode"] = i.AgencyCode, ["itemCode"] = i.ItemCode, ["amountSatang"] = i.AmountSatang })]),
            },
        };
        return await IssueAsync(new IssuedDocument
        {
            Id = Guid.CreateVersion7(), Number = paid.ReceiptNumber!, Kind = DocumentKind.Receipt, AgencyCode = collectedBy, ApplicationId = paid.ApplicationId,
            HolderCitizenId = paid.PayerCitizenId!, HolderJuristicId = paid.PayerJuristicId, HolderName = payerName, AmountSatang = paid.AmountSatang,
            TitleTh = Fit($"ใบเสร็จรับเงิน: {paid.TitleTh ?? paid.Number}"), TitleEn = Fit($"Receipt: {paid.TitleEn ?? paid.Number}"),
            ValidFrom = now, ValidUntil = null, IssuedAt = now, KeyThumbprint = string.Empty, Credential = string.Empty,
        }, "ReceiptCredential", subject, ct);
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

    /// <summary>Takes the document's status places, signs its credential as its agency, stores it and tells the others; the caller saves.</summary>
    private async Task<IssuedDocument> IssueAsync(IssuedDocument draft, string type, JsonObject subject, CancellationToken ct)
    {
        var (list, index) = await TakeStatusPlaceAsync(draft.AgencyCode, ct);
        var agency = await agencies.FindAgencyAsync(draft.AgencyCode, ct);
        var payload = Credential(draft.Number, ["VerifiableCredential", type], draft.AgencyCode, agency, Text(draft.TitleTh, draft.TitleEn), draft.ValidFrom, draft.ValidUntil,
            subject, list, index);
        var (jws, thumbprint) = await signer.SignAsync(db, draft.AgencyCode, payload, ct);
        var document = draft.Signed(jws, thumbprint, list, index);
        db.Documents.Add(document);
        db.AddIntegrationEvent(new DocumentIssued(document.Number, WireNames.Kebab(document.Kind.ToString()), document.ApplicationId, document.LicenceCode,
            document.AgencyCode, document.HolderCitizenId, document.HolderJuristicId, document.ValidFrom, document.ValidUntil, signer.Link($"/verify/{document.Number}"),
            document.IssuedAt), clock);
        return document;
    }

    /// <summary>Now, to the second: what the credential says and what is stored are the same instant.</summary>
    private DateTime Now() => DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(clock.GetUtcNow().ToUnixTimeSeconds()), DateTimeKind.Utc);

    private static string Fit(string title) => title.Length <= 300 ? title : title[..300];

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
        var url = SignedStatusLists.UrlOf(signer, agencyCode, list, purpose);
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
