using System.Text;

namespace OneStop.Notifications.Contracts;

/// <summary>
/// A message a module sends, in Thai and English, registered in code. The constructor checks the text:
/// a malformed placeholder, or a placeholder in one language but not the other, throws <see cref="ArgumentException"/>.
/// </summary>
public sealed class NotificationTemplate
{
    private readonly ParsedText thai;
    private readonly ParsedText english;

    /// <param name="key">A stable name, such as <c>licensing.application-approved</c>: letters, digits, '.', '-' and '_' (at most 100).</param>
    /// <param name="thai">The Thai text.</param>
    /// <param name="english">The English text, with the same placeholders.</param>
    public NotificationTemplate(string key, NotificationText thai, NotificationText english)
    {
        ArgumentNullException.ThrowIfNull(thai);
        ArgumentNullException.ThrowIfNull(english);
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"Template key '{key}' must be 1 to 100 letters, digits, '.', '-' or '_'.", nameof(key));
        }

        Key = key;
        Thai = thai;
        English = english;
        this.thai = ParsedText.Parse(key, NotificationLanguage.Thai, thai);
        this.english = ParsedText.Parse(key, NotificationLanguage.English, english);
        if (!this.thai.Placeholders.SetEquals(this.english.Placeholders))
        {
            var onlyThai = this.thai.Placeholders.Except(this.english.Placeholders);
            var onlyEnglish = this.english.Placeholders.Except(this.thai.Placeholders);
            throw new ArgumentException(
                $"Template '{key}' must use the same placeholders in Thai and English; only in Thai: {Names(onlyThai)}; only in English: {Names(onlyEnglish)}.",
                nameof(english));
        }
    }

    public string Key { get; }

    public NotificationText Thai { get; }

    public NotificationText English { get; }

    /// <summary>The names of the placeholders (without braces).</summary>
    public IReadOnlySet<string> Placeholders => thai.Placeholders;

    /// <summary>
    /// The text in <paramref name="language"/> with the values in place. Throws <see cref="ArgumentException"/>
    /// when a placeholder has no value or a value has no placeholder (a misspelt name would otherwise go unnoticed).
    /// </summary>
    public NotificationText Render(string language, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = language switch
        {
            NotificationLanguage.Thai => thai,
            NotificationLanguage.English => english,
            _ => throw new ArgumentException($"Language '{language}' is not '{NotificationLanguage.Thai}' or '{NotificationLanguage.English}'.", nameof(language)),
        };
        var missing = Placeholders.Where(p => !values.TryGetValue(p, out var v) || v is null).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Template '{Key}' needs a value for {Names(missing)}.", nameof(values));
        }

        var unknown = values.Keys.Where(k => !Placeholders.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Template '{Key}' has no placeholder {Names(unknown)}.", nameof(values));
        }

        return new NotificationText(text.Subject.Render(values), text.Body.Render(values));
    }

    private static bool IsValidKey(string? key)
        => !string.IsNullOrEmpty(key) && key.Length <= 100 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).Select(n => "{" + n + "}").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private sealed record ParsedText(Segments Subject, Segments Body, HashSet<string> Placeholders)
    {
        public static ParsedText Parse(string key, string language, NotificationText text)
        {
            if (string.IsNullOrWhiteSpace(text.Subject) || string.IsNullOrWhiteSpace(text.Body))
            {
                throw new ArgumentException($"Template '{key}' needs a subject and a body in '{language}'.", language == NotificationLanguage.Thai ? "thai" : "english");
            }

            if (text.Subject.Contains('\n', StringComparison.Ordinal) || text.Subject.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Template '{key}' has a line break in its '{language}' subject.", language == NotificationLanguage.Thai ? "thai" : "english");
            }

            var subject = Segments.Parse(key, language, text.Subject);
            var body = Segments.Parse(key, language, text.Body);
            return new ParsedText(subject, body, [.. subject.Names, .. body.Names]);
        }
    }

    /// <summary>Literal text and placeholder names, alternating as written.</summary>
    private sealed class Segments
    {
        private readonly List<(string Text, bool IsPlaceholder)> parts = [];

        public IEnumerable<string> Names => parts.Where(p => p.IsPlaceholder).Select(p => p.Text);

        public static Segments Parse(string key, string language, string text)
        {
            var segments = new Segments();
            var literal = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
                {
                    literal.Append(c);
                    i++;
                    continue;
                }

                if (c == '}')
                {
                    throw Malformed(key, language, text, i, "a '}' without its '{' (write '}}' for a brace)");
                }

                if (c != '{')
                {
                    literal.Append(c);
                    continue;
                }

                var end = text.IndexOf('}', i + 1);
                var name = end < 0 ? string.Empty : text[(i + 1)..end];
                if (end < 0 || name.Length == 0 || !char.IsAsciiLetter(name[0]) || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    throw Malformed(key, language, text, i, "a placeholder must be {name} with ASCII letters, digits and '_' (write '{{' for a brace)");
                }

                segments.parts.Add((literal.ToString(), false));
                literal.Clear();
                segments.parts.Add((name, true));
                i = end;
            }

            segments.parts.Add((literal.ToString(), false));
            return segments;
        }

        public string Render(IReadOnlyDictionary<string, string> values)
        {
            var result = new StringBuilder();
            foreach (var (text, isPlaceholder) in parts)
            {
                result.Append(isPlaceholder ? values[text] : text);
            }

            return result.ToString();
        }

        private static ArgumentException Malformed(string key, string language, string text, int index, string why)
            => new($"Template '{key}' ({language}) is malformed at character {index} of \"{text}\": {why}.", language == NotificationLanguage.Thai ? "thai" : "english");
    }
}
