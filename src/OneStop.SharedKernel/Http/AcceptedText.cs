namespace OneStop.SharedKernel.Http;

/// <summary>
/// The one rule for text the platform accepts from outside, applied at the edge to every query value,
/// form field and JSON string: no control characters but tab and line breaks, and no half of a UTF-16
/// surrogate pair. PostgreSQL refuses a NUL in any text and an unpaired surrogate cannot be encoded
/// as UTF-8, so either would otherwise fail deep inside a request, after part of its work was done.
/// </summary>
public static class AcceptedText
{
    /// <summary>Why <paramref name="text"/> is refused, in English for the problem's detail; null when it is accepted.</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "holds half of a UTF-16 surrogate pair, which is not text";
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"holds the control character U+{(int)c:X4}, which is not accepted";
            }
        }

        return null;
    }
}
