namespace OneStop.Documents.Issuing;

/// <summary>An approved licence, kept until its application's fees are paid; then it is issued and the document's number written here.</summary>
internal sealed class LicenceToIssue
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public required string ApplicationNumber { get; init; }

    public required string LicenceCode { get; init; }

    public required string AgencyCode { get; init; }

    public required string HolderCitizenId { get; init; }

    public string? HolderJuristicId { get; init; }

    public required string HolderName { get; init; }

    public string? BusinessName { get; init; }

    public string? PremisesAddress { get; init; }

    public DateTime ApprovedAt { get; init; }

    /// <summary>The application whose licence this one renews: it starts when that one ends.</summary>
    public Guid? RenewalOf { get; init; }

    public string? DocumentNumber { get; set; }
}

/// <summary>An application whose fees are paid (or owed nothing): its approved licences can be issued.</summary>
internal sealed class PaidApplication
{
    public Guid ApplicationId { get; init; }

    public required string InvoiceNumber { get; init; }

    public string? ReceiptNumber { get; init; }

    public DateTime PaidAt { get; init; }
}
