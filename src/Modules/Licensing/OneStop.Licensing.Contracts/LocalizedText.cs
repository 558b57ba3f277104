using OneStop.SharedKernel;

namespace OneStop.Licensing.Contracts;

/// <summary>A text in Thai and English.</summary>
public sealed record LocalizedText(string Th, string En)
{
    /// <summary>The variant for the current UI language.</summary>
    public string Pick() => Bilingual.Pick(Th, En);
}
