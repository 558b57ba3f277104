namespace OneStop.Exchange.Contracts;

/// <summary>Names shared with the host and tests.</summary>
public static class ExchangeNames
{
    /// <summary>The named HttpClient the gateway uses to call providers on other machines (absolute URLs).</summary>
    public const string ProviderHttpClient = "exchange-providers";

    /// <summary>
    /// The named HttpClient through which other modules consume exchange services, with relative
    /// addresses such as <c>TH/GOV/DOPA/population/card-check</c>. It reaches this node's gateway in
    /// process, or the gateway at <see cref="GatewayUrlKey"/> when that is configured.
    /// </summary>
    public const string ConsumerHttpClient = "exchange-consumer";

    /// <summary>Configuration key: base URL of a separate exchange gateway (empty: this node's own).</summary>
    public const string GatewayUrlKey = "Exchange:GatewayUrl";

    /// <summary>The Digital ID's own subsystem: it checks ID cards and reads the records of people who prove who they are.</summary>
    public const string DigitalIdClient = "TH/GOV/DGA/digital-id";

    /// <summary>The business portal's subsystem: it prefills licence applications from the registries, quoting the application number.</summary>
    public const string BizPortalClient = "TH/GOV/DGA/biz-portal";
}

/// <summary>What a provider tells the exchange beside its answer; the exchange does not pass it on to the consumer.</summary>
public static class ExchangeProviderHeaders
{
    /// <summary>
    /// Citizen IDs, comma-separated, of the people whose data an answer discloses besides the one asked
    /// about: the members of a house registration, a company's directors. The exchange records the read
    /// for each of them too, so that they see it among the reads of their data.
    /// </summary>
    public const string DataSubjects = "X-OneStop-Data-Subjects";
}

/// <summary>Checks the signed, hash-chained message log end to end.</summary>
public interface IMessageLogVerifier
{
    Task<MessageLogVerification> VerifyAsync(CancellationToken cancellationToken);
}

/// <summary>The outcome of verifying the message log.</summary>
/// <param name="Records">Records checked.</param>
/// <param name="FirstAlteredSequence">Sequence number of the first record that does not verify, or null.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record MessageLogVerification(long Records, long? FirstAlteredSequence, string? Problem)
{
    public bool Intact => FirstAlteredSequence is null;
}

/// <summary>Checks the consent history: its hash chain, and that every consent is what its history says.</summary>
public interface IConsentHistoryVerifier
{
    Task<ConsentHistoryVerification> VerifyAsync(CancellationToken cancellationToken);
}

/// <summary>The outcome of verifying the consent history.</summary>
/// <param name="Events">Events in the history.</param>
/// <param name="Consents">Consents compared with their history.</param>
/// <param name="Problem">The first thing found wrong (an event or a consent named), or null.</param>
public sealed record ConsentHistoryVerification(long Events, int Consents, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>Moves message-log records older than the retention period into archive files.</summary>
public interface IMessageLogArchiver
{
    /// <summary>The folder archive files are written to.</summary>
    string Folder { get; }

    /// <summary>Archives records older than <paramref name="olderThan"/>, or than the configured retention period when null.</summary>
    Task<MessageLogArchiveResult> ArchiveAsync(DateTime? olderThan, CancellationToken cancellationToken);

    /// <summary>
    /// A witness of the log as it is now (JSON): the signed checkpoints, the chain head, the archives and
    /// the public keys. Kept outside (another agency, paper, a notary), it proves later that the log
    /// up to it was not rewritten, even by someone holding the signing key.
    /// </summary>
    Task<string> ExportWitnessAsync(CancellationToken cancellationToken);

    /// <summary>Checks the log against a witness exported earlier; null when it agrees, else what differs.</summary>
    Task<string?> CheckWitnessAsync(string witnessJson, CancellationToken cancellationToken);
}

/// <summary>What an archive run did.</summary>
/// <param name="Records">Records moved out of the database.</param>
/// <param name="File">The archive file written, or null.</param>
/// <param name="Note">Why nothing was archived, when nothing was.</param>
public sealed record MessageLogArchiveResult(int Records, string? File, string? Note);
