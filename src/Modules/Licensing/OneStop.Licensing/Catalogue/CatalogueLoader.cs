using System.Reflection;

namespace OneStop.Licensing.Catalogue;

/// <summary>Reads and checks the catalogue; any mistake throws a <see cref="CatalogueException"/> listing every file and line.</summary>
internal static class CatalogueLoader
{
    private const string ResourcePrefix = "catalogue/";

    public static CatalogueData Load(IEnumerable<CatalogueFile> files, IReadOnlySet<string>? knownAgencies = null)
    {
        var errors = new List<CatalogueError>();
        var parsed = new CatalogueParser(errors).Parse(files);
        var data = new CatalogueValidator(errors).Validate(parsed, knownAgencies);
        return errors.Count > 0 || data is null ? throw new CatalogueException(errors) : data;
    }

    /// <summary>The catalogue shipped in this assembly.</summary>
    public static CatalogueData LoadEmbedded() => Load(EmbeddedFiles());

    public static IReadOnlyList<CatalogueFile> EmbeddedFiles()
    {
        var assembly = typeof(CatalogueLoader).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => new CatalogueFile(n[ResourcePrefix.Length..].Replace('\\', '/'), Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
