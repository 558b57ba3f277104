using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Catalogue;

/// <summary>A business type in a list.</summary>
internal sealed record BusinessTypeListItem(string Code, LocalizedText Name, int LicenceCount);

/// <summary>A business type with its questions and the licences it may need.</summary>
internal sealed record BusinessTypeDto(string Code, LocalizedText Name, IReadOnlyList<string> Sources, IReadOnlyList<QuestionDefinition> Questions, IReadOnlyList<string> Licences);

/// <summary>An agency as the catalogue names it.</summary>
internal sealed record AgencyDto(string Code, LocalizedText? Name);

/// <summary>A licence with everything an applicant and an agency need to know.</summary>
internal sealed record LicenceDto(
    string Code,
    LocalizedText Name,
    AgencyDto Agency,
    LocalizedText Law,
    IReadOnlyList<LocalizedText> RequiredWhen,
    IReadOnlyList<LocalizedText> OptionalWhen,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<DocumentDefinition> Documents,
    IReadOnlyList<FeeDto> Fees,
    int SlaWorkingDays,
    OnlineIncentive? Online,
    Validity Validity,
    IReadOnlyList<WorkflowStep> Workflow,
    FactSources Sources,
    IReadOnlyList<string> BusinessTypes)
{
    public static LicenceDto From(LicenceDefinition l, AgencyNames agencies, IEnumerable<BusinessTypeDefinition> types) => new(
        l.Code, l.Name, AgencyOf(l.AgencyCode, agencies), l.Law, l.RequiredWhen, l.OptionalWhen, l.Fields, l.Documents,
        l.Fees.Select(f => FeeDto.From(f, agencies)).ToList(), l.SlaWorkingDays, l.Online, l.Validity, l.Workflow, l.Sources,
        types.Select(t => t.Code).ToList());

    public static AgencyDto AgencyOf(string code, AgencyNames agencies)
        => new(code, agencies.Find(code) is { } a ? new LocalizedText(a.NameTh, a.NameEn) : null);
}

/// <summary>
/// A fee: <c>fixed</c> (<c>satang</c>, a range when <c>maxSatang</c> is set), <c>perUnit</c> (a rate per unit of
/// the answer to <c>question</c>), <c>bands</c> (by bands of that answer) or <c>unpublished</c>.
/// </summary>
internal sealed record FeeDto(
    LocalizedText Label, AgencyDto Agency, string Kind, long? Satang, long? MaxSatang, string? Question,
    decimal? UnitSize, long? SatangPerUnit, long? MinSatang, IReadOnlyList<FeeBand>? Bands, IReadOnlyList<string> Sources)
{
    public static FeeDto From(Fee fee, AgencyNames agencies)
    {
        var agency = LicenceDto.AgencyOf(fee.AgencyCode, agencies);
        return fee.Formula switch
        {
            FixedFee f => new FeeDto(fee.Label, agency, "fixed", f.Satang, f.MaxSatang, null, null, null, null, null, fee.Sources),
            PerUnitFee p => new FeeDto(fee.Label, agency, "perUnit", null, p.MaxSatang, p.QuestionKey, p.UnitSize, p.SatangPerUnit, p.MinSatang, null, fee.Sources),
            BandedFee b => new FeeDto(fee.Label, agency, "bands", null, null, b.QuestionKey, null, null, null, b.Bands, fee.Sources),
            _ => new FeeDto(fee.Label, agency, "unpublished", null, null, null, null, null, null, null, fee.Sources),
        };
    }
}
