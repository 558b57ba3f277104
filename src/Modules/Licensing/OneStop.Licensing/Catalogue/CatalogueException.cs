namespace OneStop.Licensing.Catalogue;

/// <summary>The catalogue files have mistakes; the host must not start with them.</summary>
internal sealed class CatalogueException : Exception
{
    public CatalogueException(IReadOnlyList<CatalogueError> errors)
        : base($"The licence catalogue has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
        => Errors = errors;

    public CatalogueException()
        : this([])
    {
    }

    public CatalogueException(string message)
        : base(message) => Errors = [];

    public CatalogueException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<CatalogueError> Errors { get; }
}
