using OneStop.Licensing.Catalogue;

namespace OneStop.Licensing.Guide;

/// <summary>A determinant: a test over a business's answers. Each keeps where it was written, for error messages.</summary>
internal abstract record Condition(SourceLocation At);

/// <summary>True for every business of the types that list the licence.</summary>
internal sealed record AlwaysCondition(SourceLocation At) : Condition(At);

internal sealed record AllCondition(IReadOnlyList<Condition> Parts, SourceLocation At) : Condition(At);

internal sealed record AnyCondition(IReadOnlyList<Condition> Parts, SourceLocation At) : Condition(At);

/// <summary>A yes/no answer is <c>true</c>/<c>false</c>, or a choice answer is the value.</summary>
internal sealed record EqualsCondition(string QuestionKey, string Value, SourceLocation At) : Condition(At);

/// <summary>A number answer compared with a limit.</summary>
internal sealed record NumberCondition(string QuestionKey, NumberComparison Comparison, decimal Limit, SourceLocation At) : Condition(At);

/// <summary>A choice or multi-choice answer includes at least one of the values.</summary>
internal sealed record IncludesAnyCondition(string QuestionKey, IReadOnlyList<string> Values, SourceLocation At) : Condition(At);

internal enum NumberComparison
{
    AtLeast,
    LessThan,
    MoreThan,
}
