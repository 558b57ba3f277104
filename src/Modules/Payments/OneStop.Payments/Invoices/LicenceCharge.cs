namespace OneStop.Payments.Invoices;

/// <summary>
/// A licence's fee as licensing announced it (FeesDue), held until every licence of the application is decided;
/// then the application's one invoice is raised from them. Unique per application and licence.
/// </summary>
internal sealed class LicenceCharge
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public required string ApplicationNumber { get; init; }

    public required string LicenceCode { get; init; }

    public required string AgencyCode { get; init; }

    public long AmountSatang { get; init; }

    public long StandardSatang { get; init; }

    public required string PayerCitizenId { get; init; }

    public string? PayerJuristicId { get; init; }

    /// <summary>The company's name when the applicant acted for one, else the applicant's: the invoice and receipt name them.</summary>
    public required string PayerName { get; init; }

    public DateTime ReceivedAt { get; init; }
}

/// <summary>Licensing said every licence of the application is decided (ApplicationApproved): which were approved.</summary>
internal sealed class DecidedApplication
{
    public Guid ApplicationId { get; init; }

    public required string ApplicationNumber { get; init; }

    /// <summary>The approved licence codes, comma-separated.</summary>
    public required string ApprovedLicences { get; init; }

    public DateTime DecidedAt { get; init; }
}
