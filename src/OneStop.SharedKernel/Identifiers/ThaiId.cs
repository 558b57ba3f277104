using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.SharedKernel.Identifiers;

/// <summary>What the 13-digit Thai ID types share, so that parsing and JSON are written once.</summary>
public interface IThaiId<TSelf>
    where TSelf : struct, IThaiId<TSelf>
{
    /// <summary>The 13 digits.</summary>
    string Value { get; }

    /// <summary>Checks a candidate; dashes and spaces are ignored.</summary>
    static abstract ThaiIdProblem Check(string? input);

    /// <summary>An explanation of <paramref name="problem"/> in English.</summary>
    static abstract string Describe(ThaiIdProblem problem);

    /// <summary>Wraps digits that <see cref="Check"/> has accepted.</summary>
    internal static abstract TSelf FromCheckedDigits(string digits);
}

internal static class ThaiId
{
    public static bool TryParse<T>(string? s, out T result)
        where T : struct, IThaiId<T>
    {
        if (T.Check(s) == ThaiIdProblem.None)
        {
            result = T.FromCheckedDigits(ThaiIdChecksum.Normalize(s!));
            return true;
        }

        result = default;
        return false;
    }

    public static T Parse<T>(string s)
        where T : struct, IThaiId<T>
    {
        var problem = T.Check(s);
        return problem == ThaiIdProblem.None
            ? T.FromCheckedDigits(ThaiIdChecksum.Normalize(s))
            : throw new FormatException(T.Describe(problem));
    }
}

/// <summary>Reads and writes a Thai ID as a JSON string; a bad one fails with the reason.</summary>
internal sealed class ThaiIdJsonConverter<T> : JsonConverter<T>
    where T : struct, IThaiId<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Write the ID as a JSON string of 13 digits.");
        }

        var text = reader.GetString();
        var problem = T.Check(text);
        return problem == ThaiIdProblem.None ? ThaiId.Parse<T>(text!) : throw new JsonException(T.Describe(problem));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}

