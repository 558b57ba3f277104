namespace OneStop.Licensing.Catalogue;

/// <summary>One mistake in the catalogue files.</summary>
internal sealed record CatalogueError(SourceLocation At, string Message)
{
    public override string ToString() => $"{At}: {Message}";
}
