namespace OneStop.Licensing.Catalogue;

/// <summary>A line in a catalogue file, so that an error tells the editor where to look.</summary>
internal sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
