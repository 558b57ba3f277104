namespace OneStop.Licensing.Contracts;

/// <summary>A licence, registration or notification as the catalogue defines it.</summary>
/// <param name="Code">Stable code, e.g. <c>liquor-sale-licence</c>.</param>
/// <param name="AgencyCode">The issuing agency's code in the Agencies module.</param>
/// <param name="RequiredWhen">Plain-language reasons for which the licence is required.</param>
/// <param name="OptionalWhen">Plain-language reasons for which the licence is suggested.</param>
/// <param name="SlaWorkingDays">Processing time at the counter, in working days.</param>
/// <param name="Online">What applying through the portal earns, if anything.</param>
/// <param name="Workflow">Review steps; steps with the same <see cref="WorkflowStep.Stage"/> run in parallel.</param>
/// <param name="Sources">Where each fact comes from.</param>
public sealed record LicenceDefinition(
    string Code,
    LocalizedText Name,
    string AgencyCode,
    LocalizedText Law,
    IReadOnlyList<LocalizedText> RequiredWhen,
    IReadOnlyList<LocalizedText> OptionalWhen,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<DocumentDefinition> Documents,
    IReadOnlyList<Fee> Fees,
    int SlaWorkingDays,
    OnlineIncentive? Online,
    Validity Validity,
    IReadOnlyList<WorkflowStep> Workflow,
    FactSources Sources);

/// <summary>A piece of data an application for the licence asks for.</summary>
/// <param name="Type">text, number, date, address, phone, citizenId or juristicId.</param>
/// <param name="Registry">The registry that already holds it, so that the applicant need not type it.</param>
public sealed record FieldDefinition(string Key, LocalizedText Label, string Type, Registry Registry);

/// <summary>A document an application for the licence needs.</summary>
/// <param name="StateHolds">The registry that already holds its content; <see cref="Registry.None"/> when the applicant must upload it.</param>
public sealed record DocumentDefinition(string Key, LocalizedText Name, Registry StateHolds);

/// <summary>Registries that hold data the state already has.</summary>
public enum Registry
{
    None,
    Population,
    Juristic,
}

/// <summary>A fee of a licence, paid to <paramref name="AgencyCode"/>.</summary>
public sealed record Fee(LocalizedText Label, string AgencyCode, FeeFormula Formula, IReadOnlyList<string> Sources);

/// <summary>How a fee is worked out.</summary>
public abstract record FeeFormula;

/// <summary>A fixed amount; with <paramref name="MaxSatang"/>, the amount depends on facts the catalogue does not ask for and lies in the range.</summary>
public sealed record FixedFee(long Satang, long? MaxSatang) : FeeFormula;

/// <summary><paramref name="SatangPerUnit"/> for every started <paramref name="UnitSize"/> of the answer to <paramref name="QuestionKey"/>, within the bounds.</summary>
public sealed record PerUnitFee(string QuestionKey, decimal UnitSize, long SatangPerUnit, long? MinSatang, long? MaxSatang) : FeeFormula;

/// <summary>An amount by bands of the answer to <paramref name="QuestionKey"/>: the first band whose <see cref="FeeBand.UpTo"/> is not below the answer.</summary>
public sealed record BandedFee(string QuestionKey, IReadOnlyList<FeeBand> Bands) : FeeFormula;

/// <summary>One band of a <see cref="BandedFee"/>; the last band has no upper bound.</summary>
public sealed record FeeBand(decimal? UpTo, long Satang);

/// <summary>The fee is set by a regulation whose amount the catalogue does not have yet.</summary>
public sealed record UnpublishedFee : FeeFormula;

/// <summary>Portal-channel incentives: a shorter processing time and a fee discount.</summary>
public sealed record OnlineIncentive(int SlaDays, int FeeDiscountPercent);

/// <summary>How long the licence lasts.</summary>
public sealed record Validity(ValidityTerm Term, int? Months, bool Renewable, int? RenewalWorkingDays);

/// <summary>Kinds of licence terms.</summary>
public enum ValidityTerm
{
    /// <summary>Does not expire.</summary>
    None,

    /// <summary>Lasts <see cref="Validity.Months"/> months.</summary>
    Months,

    /// <summary>Lasts to 31 December of the year of issue.</summary>
    EndOfYear,

    /// <summary>A one-off act (a hearing, a notice).</summary>
    OneOff,

    /// <summary>The term is written on the licence.</summary>
    OnTheLicence,
}

/// <summary>A step in an agency's review of an application.</summary>
/// <param name="Stage">1-based; steps of one stage run in parallel, stages one after another.</param>
/// <param name="RoleCode">An officer role code of the Agencies module.</param>
/// <param name="AutoApprove">The platform completes the step itself when the application's checks pass.</param>
public sealed record WorkflowStep(int Stage, string Code, LocalizedText Name, string AgencyCode, string RoleCode, bool AutoApprove);

/// <summary>
/// Source tags of a licence's facts: <c>BP</c> (Biz Portal data), <c>P1</c>… (a public page), or
/// <c>assumption</c> for facts not yet confirmed with the agency.
/// </summary>
public sealed record FactSources(
    IReadOnlyList<string> Agency,
    IReadOnlyList<string> Law,
    IReadOnlyList<string> Sla,
    IReadOnlyList<string> Online,
    IReadOnlyList<string> Validity,
    IReadOnlyList<string> Workflow)
{
    /// <summary>The tag that marks an unverified fact.</summary>
    public const string Assumption = "assumption";
}
