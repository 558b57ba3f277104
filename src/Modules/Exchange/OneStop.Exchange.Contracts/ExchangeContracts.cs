namespace OneStop.Exchange.Contracts;

/// <summary>Names shared with the host and tests.</summary>
public static class ExchangeNames
{
    /// <summary>The named HttpClient the gateway uses to call providers on other machines (absolute URLs).</summary>
    public const string ProviderHttpClient = "exchange-providers";
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
