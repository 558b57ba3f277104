using System.Globalization;
using OneStop.Licensing.Contracts;
using YamlDotNet.RepresentationModel;

namespace OneStop.Licensing.Catalogue;

/// <summary>
/// Reads one catalogue file's node tree. Every problem is recorded with the node's line and reading goes on,
/// so that one start-up lists all mistakes instead of the first.
/// </summary>
internal sealed class YamlReader(string file, List<CatalogueError> errors)
{
    public string File => file;

    public SourceLocation At(YamlNode node) => new(file, checked((int)node.Start.Line));

    public void Error(YamlNode node, string message) => errors.Add(new CatalogueError(At(node), message));

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        if (node is not null)
        {
            Error(node, $"{what} must be a mapping of keys to values.");
        }

        return null;
    }

    /// <summary>Flags keys the format does not know, which are usually typos that would silently drop a fact.</summary>
    public void OnlyKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"Unknown key '{name}'; expected one of: {string.Join(", ", allowed)}.");
            }
        }
    }

    public YamlNode? Child(YamlMappingNode map, string key, bool required = true)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return node;
        }

        if (required)
        {
            Error(map, $"Missing '{key}'.");
        }

        return null;
    }

    public string? String(YamlMappingNode map, string key, bool required = true)
    {
        var node = Child(map, key, required);
        return node is null ? null : Scalar(node, key);
    }

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value.Trim();
        }

        Error(node, $"'{what}' must be a non-empty text.");
        return null;
    }

    public decimal? Number(YamlMappingNode map, string key, bool required = true)
    {
        var node = Child(map, key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"'{key}' must be a number.");
        return null;
    }

    public long? WholeNumber(YamlMappingNode map, string key, bool required = true, long min = 0)
    {
        var value = Number(map, key, required);
        if (value is null)
        {
            return null;
        }

        if (value != decimal.Truncate(value.Value) || value < min)
        {
            Error(map.Children[new YamlScalarNode(key)], $"'{key}' must be a whole number of at least {min}.");
            return null;
        }

        return (long)value.Value;
    }

    public bool Flag(YamlMappingNode map, string key, bool fallback = false)
    {
        var node = Child(map, key, required: false);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"'{key}' must be true or false.");
        return fallback;
    }

    public LocalizedText? Text(YamlMappingNode map, string key, bool required = true)
    {
        var node = Child(map, key, required);
        if (Mapping(node, key) is not { } text)
        {
            return null;
        }

        OnlyKeys(text, "th", "en");
        var th = String(text, "th");
        var en = String(text, "en");
        return th is null || en is null ? null : new LocalizedText(th, en);
    }

    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, bool required = true)
    {
        var node = Child(map, key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children.ToList();
            default:
                Error(node, $"'{key}' must be a list.");
                return [];
        }
    }

    /// <summary>A list of plain values, each with where it is written.</summary>
    public IReadOnlyList<Reference> Values(YamlMappingNode map, string key, bool required = true)
    {
        var references = new List<Reference>();
        foreach (var item in Sequence(map, key, required))
        {
            if (Scalar(item, key) is { } value)
            {
                references.Add(new Reference(value, At(item)));
            }
        }

        return references;
    }
}

/// <summary>A code written in a catalogue file (an agency, a question, a source tag) and where.</summary>
internal sealed record Reference(string Value, SourceLocation At);
