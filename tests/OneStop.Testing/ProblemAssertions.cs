using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Testing;

/// <summary>Reads an RFC 9457 problem response, failing loudly when it is not one.</summary>
public static class ProblemResponse
{
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw new InvalidOperationException($"Expected application/problem+json but got {response.Content.Headers.ContentType}: {body}");
        }

        var problem = JsonDocument.Parse(body).RootElement.Clone();
        if (problem.GetProperty("status").GetInt32() != (int)expected || !problem.TryGetProperty("traceId", out _))
        {
            throw new InvalidOperationException($"The problem lacks a matching status or a traceId: {body}");
        }

        return problem;
    }

    /// <summary>The messages for one field in <c>errors</c>, or empty.</summary>
    public static IReadOnlyList<string> ErrorsFor(this JsonElement problem, string field)
        => problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Where(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => p.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)).ToList()
            : [];

    public static Task<T?> ReadJsonAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Content.ReadFromJsonAsync<T>(Json);
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>GETs a JSON document, failing with the body when the status is not a success.</summary>
    public static async Task<JsonElement> GetFromJsonOrFailAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
