using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Documents.Issuing;

internal enum DocumentKind
{
    Licence,
    Receipt,
}

/// <summary>Active, suspended for a while (an inspection, a dispute), or revoked for good.</summary>
internal enum DocumentStatus
{
    Active,
    Suspended,
    Revoked,
}

internal enum DocumentTrigger
{
    Suspend,
    Reinstate,
    Revoke,
}

/// <summary>
/// A signed document: the verifiable credential (a JWT, <c>application/vc+jwt</c>) as issued, what it says in
/// columns for pages and queries, and its place in its agency's status lists.
/// </summary>
internal sealed class IssuedDocument
{
    public static readonly StateMachine<DocumentStatus, DocumentTrigger> Workflow = new("document", (state, trigger) => (state, trigger) switch
    {
        (DocumentStatus.Active, DocumentTrigger.Suspend) => DocumentStatus.Suspended,
        (DocumentStatus.Suspended, DocumentTrigger.Reinstate) => DocumentStatus.Active,
        (DocumentStatus.Active or DocumentStatus.Suspended, DocumentTrigger.Revoke) => DocumentStatus.Revoked,
        _ => null,
    });

    public Guid Id { get; init; }

    /// <summary>What is printed and typed: <c>LIC-2569-7KQ2M9XD</c>; the QR code opens <c>/verify/{number}</c>.</summary>
    public required string Number { get; init; }

    public DocumentKind Kind { get; init; }

    /// <summary>The agency that grants it, and signs it.</summary>
    public required string AgencyCode { get; init; }

    public string? LicenceCode { get; init; }

    public Guid? ApplicationId { get; init; }

    public string? ApplicationNumber { get; init; }

    public required string HolderCitizenId { get; init; }

    public string? HolderJuristicId { get; init; }

    public required string HolderName { get; init; }

    public string? BusinessName { get; init; }

    public string? PremisesAddress { get; init; }

    /// <summary>What a receipt says was paid, in satang.</summary>
    public long? AmountSatang { get; init; }

    public required string TitleTh { get; init; }

    public required string TitleEn { get; init; }

    public DateTime ValidFrom { get; init; }

    public DateTime? ValidUntil { get; init; }

    public DateTime IssuedAt { get; init; }

    /// <summary>The key that signed it (its thumbprint).</summary>
    public required string KeyThumbprint { get; init; }

    /// <summary>Its agency's status list, and its bit there (the same bit in the revocation and the suspension list).</summary>
    public int StatusList { get; init; }

    public int StatusIndex { get; init; }

    public DocumentStatus Status { get; private set; }

    /// <summary>The last expiry reminder sent, as days before expiry (90, 30 or 7); null before the first.</summary>
    public int? RemindedDaysBefore { get; set; }

    public string? StatusReason { get; private set; }

    public DateTime? StatusChangedAt { get; private set; }

    public string? StatusChangedBy { get; private set; }

    /// <summary>The credential as signed: header.payload.signature.</summary>
    public required string Credential { get; init; }

    public int Version { get; set; }

    /// <summary>This document as signed: its credential, the key, and its places in the status lists.</summary>
    public IssuedDocument Signed(string credential, string thumbprint, int list, int index)
        => new()
        {
            Id = Id, Number = Number, Kind = Kind, AgencyCode = AgencyCode, LicenceCode = LicenceCode, ApplicationId = ApplicationId, ApplicationNumber = ApplicationNumber,
            HolderCitizenId = HolderCitizenId, HolderJuristicId = HolderJuristicId, HolderName = HolderName, BusinessName = BusinessName, PremisesAddress = PremisesAddress,
            AmountSatang = AmountSatang, TitleTh = TitleTh, TitleEn = TitleEn, ValidFrom = ValidFrom, ValidUntil = ValidUntil, IssuedAt = IssuedAt,
            KeyThumbprint = thumbprint, StatusList = list, StatusIndex = index, Credential = credential,
        };

    public Result<DocumentStatus> Change(DocumentTrigger trigger, string reason, string by, DateTime now)
    {
        var next = Workflow.Fire(Status, trigger);
        if (next.IsSuccess)
        {
            Status = next.Value;
            StatusReason = reason;
            StatusChangedAt = now;
            StatusChangedBy = by;
            Version++;
        }

        return next;
    }
}

/// <summary>Document numbers people can read out: <c>LIC-2569-7KQ2M9XD</c>.</summary>
internal static class DocumentNumbers
{
    public static string New(DocumentKind kind, DateTime now)
        => $"{(kind == DocumentKind.Licence ? "LIC" : "RCT")}-{ReadableCode.BuddhistYear(now)}-{ReadableCode.Random(8)}";
}
