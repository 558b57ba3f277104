using OneStop.SharedKernel;

namespace OneStop.Licensing.Contracts;

/// <summary>
/// The licence catalogue: which licences exist, who issues them, what they cost and how they are reviewed,
/// and which of them a business needs. Read-only; loaded from the catalogue files when the host starts.
/// </summary>
public interface ILicenceCatalogue
{
    /// <summary>The catalogue's version, as written in its files.</summary>
    string Version { get; }

    /// <summary>All business types, in catalogue order.</summary>
    IReadOnlyList<BusinessTypeDefinition> BusinessTypes { get; }

    /// <summary>All licences, in catalogue order.</summary>
    IReadOnlyList<LicenceDefinition> Licences { get; }

    /// <summary>A business type by its code, or null.</summary>
    BusinessTypeDefinition? FindBusinessType(string code);

    /// <summary>A licence by its code, or null.</summary>
    LicenceDefinition? FindLicence(string code);

    /// <summary>
    /// The fees of a licence for the given answers (formulas read them, e.g. rooms or horsepower) and channel
    /// (the online discount applies only to <see cref="Channel.Online"/>). Missing answers count as zero.
    /// </summary>
    FeeQuote QuoteFees(LicenceDefinition licence, IReadOnlyDictionary<string, Answer> answers, Channel channel);

    /// <summary>The promised processing time in working days for the channel.</summary>
    int SlaDays(LicenceDefinition licence, Channel channel);

    /// <summary>
    /// Which licences a business of the given type needs for these answers, each with the reason.
    /// Fails with <see cref="ErrorKind.NotFound"/> for an unknown business type and <see cref="ErrorKind.Invalid"/>
    /// (naming the question as <c>answers.key</c>) for an answer that does not fit its question.
    /// Unanswered questions count as "no".
    /// </summary>
    Result<GuideResult> Evaluate(string businessTypeCode, IReadOnlyDictionary<string, Answer> answers, Channel channel);
}

/// <summary>Where an application is made: the portal, or an agency's counter.</summary>
public enum Channel
{
    Online,
    Counter,
}
