namespace OneStop.Licensing.Contracts;

/// <summary>A kind of business, the questions that decide its licences, and the licences it may need.</summary>
public sealed record BusinessTypeDefinition(
    string Code,
    LocalizedText Name,
    IReadOnlyList<string> Sources,
    IReadOnlyList<QuestionDefinition> Questions,
    IReadOnlyList<string> LicenceCodes);

/// <summary>A determinant question.</summary>
/// <param name="Group">The question group; a form shows a group together.</param>
/// <param name="Unit">The unit of a number answer.</param>
/// <param name="Options">The allowed values of a choice or multi-choice question.</param>
public sealed record QuestionDefinition(
    string Key,
    QuestionType Type,
    QuestionGroup Group,
    LocalizedText Text,
    LocalizedText? Unit,
    IReadOnlyList<QuestionOption> Options);

/// <summary>A group of questions asked together.</summary>
public sealed record QuestionGroup(string Key, LocalizedText Name);

/// <summary>An allowed answer of a choice question.</summary>
public sealed record QuestionOption(string Value, LocalizedText Label);

/// <summary>Kinds of questions and their answers.</summary>
public enum QuestionType
{
    /// <summary>Answered with <see cref="YesNoAnswer"/>.</summary>
    YesNo,

    /// <summary>Answered with <see cref="NumberAnswer"/>, zero or more.</summary>
    Number,

    /// <summary>Answered with a <see cref="ChoiceAnswer"/> of one value.</summary>
    Choice,

    /// <summary>Answered with a <see cref="ChoiceAnswer"/> of any number of values.</summary>
    Multi,
}

/// <summary>An answer to a determinant question.</summary>
public abstract record Answer;

/// <summary>An answer to a yes/no question.</summary>
public sealed record YesNoAnswer(bool Value) : Answer;

/// <summary>An answer to a number question.</summary>
public sealed record NumberAnswer(decimal Value) : Answer;

/// <summary>The chosen values of a choice or multi-choice question.</summary>
public sealed record ChoiceAnswer(IReadOnlyList<string> Values) : Answer;
