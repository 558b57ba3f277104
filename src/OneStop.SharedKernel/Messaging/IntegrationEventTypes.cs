using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.SharedKernel.Messaging;

/// <summary>Names event types in the outbox and finds them again when dispatching.</summary>
public static class IntegrationEventTypes
{
    private static readonly ConcurrentDictionary<string, Type> Known = new(StringComparer.Ordinal);

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The stable name written to the outbox: the type's full name and assembly.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = $"{type.FullName}, {type.Assembly.GetName().Name}";
        Known.TryAdd(name, type);
        return name;
    }

    internal static Type? Resolve(string name) => Known.TryGetValue(name, out var type) ? type : Type.GetType(name, throwOnError: false);
}
