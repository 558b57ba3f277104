using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;

namespace OneStop.Licensing.Catalogue;

/// <summary>The catalogue files as read, with where everything was written, before cross-checks.</summary>
internal sealed class ParsedCatalogue
{
    public string? Version { get; set; }

    public SourceLocation? VersionAt { get; set; }

    public List<Reference> SourceTags { get; } = [];

    public List<(QuestionGroup Group, SourceLocation At)> Groups { get; } = [];

    public List<ParsedQuestion> Questions { get; } = [];

    public List<ParsedLicence> Licences { get; } = [];

    public List<ParsedBusinessType> BusinessTypes { get; } = [];
}

/// <summary>A question as read; its group is resolved by the validator.</summary>
internal sealed record ParsedQuestion(
    string Key, QuestionType Type, Reference Group, LocalizedText Text, LocalizedText? Unit, IReadOnlyList<(QuestionOption Option, SourceLocation At)> Options, SourceLocation At);

/// <summary>A licence as read, with the references the validator must resolve.</summary>
internal sealed record ParsedLicence(
    LicenceDefinition Definition,
    SourceLocation At,
    IReadOnlyList<LicenceRule> Required,
    IReadOnlyList<LicenceRule> Optional,
    IReadOnlyList<Reference> FeeQuestions,
    IReadOnlyList<Reference> Agencies,
    IReadOnlyList<Reference> Roles,
    IReadOnlyList<Reference> SourceTags,
    IReadOnlyList<Reference> FieldKeys,
    IReadOnlyList<Reference> StepCodes,
    SourceLocation WorkflowAt);

/// <summary>A business type as read; its questions and licences are resolved by the validator.</summary>
internal sealed record ParsedBusinessType(
    string Code, LocalizedText Name, IReadOnlyList<Reference> Sources, IReadOnlyList<Reference> QuestionKeys, IReadOnlyList<Reference> LicenceCodes, SourceLocation At);
