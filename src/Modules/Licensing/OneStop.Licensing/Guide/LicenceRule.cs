using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Guide;

/// <summary>When a licence is required (or suggested), and the reason the guide gives.</summary>
internal sealed record LicenceRule(Condition When, LocalizedText Because, IReadOnlyList<string> Sources);
