using System.Globalization;

namespace OneStop.SharedKernel;

/// <summary>Picks the Thai or English variant of data that is stored in both languages.</summary>
public static class Bilingual
{
    /// <summary>True when the current UI language is Thai.</summary>
    public static bool IsThai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";

    public static string Pick(string thai, string english) => IsThai ? thai : english;
}
