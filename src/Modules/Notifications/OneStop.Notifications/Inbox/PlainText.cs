namespace OneStop.Notifications.Inbox;

/// <summary>Plain-text bodies on a page: paragraphs at blank lines, line breaks kept, and no markup ever taken from the text.</summary>
internal static class PlainText
{
    public static IReadOnlyList<string[]> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('\n'))];
    }
}
