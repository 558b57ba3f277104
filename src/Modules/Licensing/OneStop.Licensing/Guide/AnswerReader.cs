using System.Globalization;
using System.Text.Json;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Guide;

/// <summary>
/// Turns raw answers (JSON from the API, form values from the pages) into typed answers for a business type's
/// questions. Errors name the field as <c>answers.key</c>.
/// </summary>
internal static class AnswerReader
{
    public static string FieldName(string key) => $"answers.{key}";

    public static Result<IReadOnlyDictionary<string, Answer>> FromJson(BusinessTypeDefinition type, IReadOnlyDictionary<string, JsonElement> raw)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            if (type.Questions.FirstOrDefault(q => q.Key == key) is not { } question)
            {
                return Error.Invalid(FieldName(key), $"'{key}' is not a question of business type '{type.Code}'.");
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var answer = question.Type switch
            {
                QuestionType.YesNo when value.ValueKind is JsonValueKind.True or JsonValueKind.False => new YesNoAnswer(value.GetBoolean()),
                QuestionType.Number when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) => new NumberAnswer(number),
                QuestionType.Choice when value.ValueKind == JsonValueKind.String => new ChoiceAnswer([value.GetString()!]),
                QuestionType.Multi when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
                    => new ChoiceAnswer(value.EnumerateArray().Select(v => v.GetString()!).ToList()),
                _ => (Answer?)null,
            };
            if (answer is null)
            {
                return Error.Invalid(FieldName(key), $"'{key}' needs {Expected(question.Type)}.");
            }

            if (Check(question, answer) is { } error)
            {
                return error;
            }

            answers[key] = answer;
        }

        return answers;
    }

    /// <summary>Form values: "true"/"false" for yes/no, a number, an option, or several options for multi.</summary>
    public static Result<IReadOnlyDictionary<string, Answer>> FromForm(BusinessTypeDefinition type, Func<string, IReadOnlyList<string>> values)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var question in type.Questions)
        {
            var given = values(question.Key).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (given.Count == 0)
            {
                continue;
            }

            Answer? answer = question.Type switch
            {
                QuestionType.YesNo when given[0] is "true" or "false" => new YesNoAnswer(given[0] == "true"),
                QuestionType.Number when decimal.TryParse(given[0].Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => new NumberAnswer(n),
                QuestionType.Choice => new ChoiceAnswer([given[0]]),
                QuestionType.Multi => new ChoiceAnswer(given),
                _ => null,
            };
            if (answer is null)
            {
                return Error.Invalid(FieldName(question.Key), Bilingual.Pick($"กรุณาใส่{question.Text.Th}เป็นตัวเลข", $"Enter a number for: {question.Text.En}"));
            }

            if (Check(question, answer) is { } error)
            {
                return error;
            }

            answers[question.Key] = answer;
        }

        return answers;
    }

    private static Error? Check(QuestionDefinition question, Answer answer) => answer switch
    {
        NumberAnswer { Value: < 0 } => Error.Invalid(FieldName(question.Key), Bilingual.Pick($"{question.Text.Th} ต้องไม่ติดลบ", $"'{question.Key}' must not be negative.")),
        ChoiceAnswer choice when choice.Values.FirstOrDefault(v => question.Options.All(o => o.Value != v)) is { } unknown
            => Error.Invalid(FieldName(question.Key), $"'{unknown}' is not an option of '{question.Key}'; use one of {string.Join(", ", question.Options.Select(o => o.Value))}."),
        _ => null,
    };

    private static string Expected(QuestionType type) => type switch
    {
        QuestionType.YesNo => "true or false",
        QuestionType.Number => "a number",
        QuestionType.Choice => "one option as a string",
        QuestionType.Multi => "a list of options",
        _ => "an answer",
    };
}
