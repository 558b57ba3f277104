using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Guide;

/// <summary>Evaluates determinants. An unanswered question satisfies no test, so a rule never fires on a guess.</summary>
internal static class Determinants
{
    public static bool Holds(Condition condition, IReadOnlyDictionary<string, Answer> answers) => condition switch
    {
        AlwaysCondition => true,
        AllCondition all => all.Parts.All(p => Holds(p, answers)),
        AnyCondition any => any.Parts.Any(p => Holds(p, answers)),
        EqualsCondition eq => answers.GetValueOrDefault(eq.QuestionKey) switch
        {
            YesNoAnswer yes => string.Equals(eq.Value, yes.Value ? "true" : "false", StringComparison.Ordinal),
            ChoiceAnswer choice => choice.Values.Contains(eq.Value, StringComparer.Ordinal),
            _ => false,
        },
        NumberCondition number => answers.GetValueOrDefault(number.QuestionKey) is NumberAnswer n && number.Comparison switch
        {
            NumberComparison.AtLeast => n.Value >= number.Limit,
            NumberComparison.LessThan => n.Value < number.Limit,
            NumberComparison.MoreThan => n.Value > number.Limit,
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        },
        IncludesAnyCondition includes => answers.GetValueOrDefault(includes.QuestionKey) is ChoiceAnswer c
            && c.Values.Any(v => includes.Values.Contains(v, StringComparer.Ordinal)),
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    /// <summary>The questions a condition reads, with where each is named.</summary>
    public static IEnumerable<(string Key, Catalogue.SourceLocation At)> Questions(Condition condition) => condition switch
    {
        AllCondition all => all.Parts.SelectMany(Questions),
        AnyCondition any => any.Parts.SelectMany(Questions),
        EqualsCondition eq => [(eq.QuestionKey, eq.At)],
        NumberCondition number => [(number.QuestionKey, number.At)],
        IncludesAnyCondition includes => [(includes.QuestionKey, includes.At)],
        _ => [],
    };
}
