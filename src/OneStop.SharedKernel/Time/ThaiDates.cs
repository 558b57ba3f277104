using System.Globalization;

namespace OneStop.SharedKernel;

/// <summary>
/// Display of dates for Thai readers: Buddhist Era years (BE = CE + 543), Thai month names and,
/// on request, Thai digits. Dates are stored and exchanged in the Gregorian calendar; this is display only.
/// </summary>
public static class ThaiDates
{
    /// <summary>Years between the Common Era and the Buddhist Era as used in Thailand.</summary>
    public const int BuddhistEraOffset = 543;

    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    /// <summary>The Buddhist Era year of a Gregorian year.</summary>
    public static int ToBuddhistYear(int gregorianYear) => gregorianYear + BuddhistEraOffset;

    /// <summary>Formats a date as e.g. <c>20 มกราคม 2568</c> (long) or <c>20 ม.ค. 2568</c> (short).</summary>
    public static string Format(DateOnly date, ThaiDateStyle style = ThaiDateStyle.Long, bool thaiDigits = false)
    {
        var pattern = style switch
        {
            ThaiDateStyle.Long => "d MMMM yyyy",
            ThaiDateStyle.Short => "d MMM yyyy",
            ThaiDateStyle.Numeric => "dd/MM/yyyy",
            ThaiDateStyle.WithWeekday => "dddd'ที่' d MMMM 'พ.ศ.' yyyy",
            _ => throw new ArgumentOutOfRangeException(nameof(style)),
        };
        var text = date.ToString(pattern, Thai);
        return thaiDigits ? ThaiDigits.Apply(text) : text;
    }

    /// <summary>Formats a date for a culture: Thai gets the Buddhist Era, others the Gregorian calendar.</summary>
    public static string FormatFor(DateOnly date, CultureInfo culture, bool thaiDigits = false)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "th"
            ? Format(date, ThaiDateStyle.Long, thaiDigits)
            : date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
    }

    /// <summary>Thailand keeps one offset all year: UTC+7, no daylight saving.</summary>
    public static readonly TimeSpan ThailandOffset = TimeSpan.FromHours(7);

    /// <summary>A stored UTC time as a clock in Thailand reads it.</summary>
    public static DateTime ToThaiTime(DateTime utc) => DateTime.SpecifyKind(utc + ThailandOffset, DateTimeKind.Unspecified);

    /// <summary>A moment for a reader in Thailand: the date as <see cref="FormatFor"/> gives it, then the time of day in Thailand.</summary>
    public static string FormatMomentFor(DateTime utc, CultureInfo culture)
    {
        var local = ToThaiTime(utc);
        return $"{FormatFor(DateOnly.FromDateTime(local), culture)} {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The <c>YYYYMMDD</c> Buddhist Era form used by DOPA's card-check interfaces.</summary>
    public static string ToDopaDate(DateOnly date)
        => FormattableString.Invariant($"{ToBuddhistYear(date.Year):D4}{date.Month:D2}{date.Day:D2}");

    /// <summary>Parses DOPA's <c>YYYYMMDD</c> Buddhist Era form; false for impossible dates.</summary>
    public static bool TryParseDopaDate(string? text, out DateOnly date)
    {
        date = default;
        if (text is not { Length: 8 } || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var year = int.Parse(text[..4], CultureInfo.InvariantCulture) - BuddhistEraOffset;
        var month = int.Parse(text[4..6], CultureInfo.InvariantCulture);
        var day = int.Parse(text[6..], CultureInfo.InvariantCulture);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}

/// <summary>How much of a Thai date to write.</summary>
public enum ThaiDateStyle
{
    Long,
    Short,
    Numeric,
    WithWeekday,
}

/// <summary>Thai digits (๐–๙), which .NET never substitutes on its own.</summary>
public static class ThaiDigits
{
    /// <summary>Replaces ASCII digits with Thai digits.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)('๐' + (c - '0')) : c;
            }
        });
    }
}
