using System.Text.Json;
using System.Text.Json.Serialization;
using OneStop.SharedKernel.Http;

namespace OneStop.Web.Platform;

/// <summary>
/// Refuses a request whose query or form holds text <see cref="AcceptedText"/> does not accept, before
/// anything reads it: APIs answer 400 problem+json naming the field, the Digital ID's protocol endpoints
/// an OAuth <c>invalid_request</c>, pages the 400 page. JSON bodies are checked as they are read
/// (<see cref="AcceptedJsonText"/>). The exchange's gateway checks its own requests: their bodies are
/// the provider's business and are passed on untouched.
/// </summary>
internal sealed class TextAtTheEdge(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/r1") && await FirstRefusedAsync(request) is { } refused)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            var detail = $"The value of '{refused.Field}' {refused.Problem}.";
            if (request.Path.StartsWithSegments("/connect"))
            {
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = detail });
            }
            else if (ApiExceptionHandler.IsApiRequest(context))
            {
                await problems.WriteAsync(new()
                {
                    HttpContext = context,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [refused.Field] = [detail] })
                    {
                        Status = StatusCodes.Status400BadRequest, Title = "One or more validation errors occurred.", Detail = detail,
                    },
                });
            }

            return; // pages: the status-code page explains 400 in Thai or English
        }

        await next(context);
    }

    private static async Task<(string Field, string Problem)?> FirstRefusedAsync(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (Check(key, values) is { } refused)
            {
                return refused;
            }
        }

        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException ex)
            {
                // ASP.NET Core's form reader refuses a decoded NUL itself, with an exception any later reader would meet too.
                return ("body", "cannot be read as a form (" + (ex.InnerException ?? ex).Message.TrimEnd('.') + ")");
            }

            foreach (var (key, values) in form)
            {
                if (Check(key, values) is { } refused)
                {
                    return refused;
                }
            }
        }

        return null;
    }

    private static (string, string)? Check(string key, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (AcceptedText.Problem(key) is { } keyProblem)
        {
            return ("(a parameter name)", keyProblem);
        }

        foreach (var value in values)
        {
            if (AcceptedText.Problem(value) is { } problem)
            {
                return (key, problem);
            }
        }

        return null;
    }
}

/// <summary>Every string read from a JSON body passes <see cref="AcceptedText"/>; a refused one names its field in the 400.</summary>
internal sealed class AcceptedJsonText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text;
        try
        {
            text = reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("The value is not a string of valid text.", ex);
        }

        return AcceptedText.Problem(text) is { } problem ? throw new JsonException($"The value {problem}.") : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// A list of strings in a JSON body holds no null: the handlers take its elements as text (an admin's
/// list of addresses, say), and C# cannot mark a list's elements as non-null for the serializer.
/// </summary>
internal sealed class ListsWithoutNulls : JsonConverterFactory
{
    private static readonly Dictionary<Type, Func<JsonConverter>> Converters = new()
    {
        [typeof(string[])] = () => new Converter<string[]>(items => [.. items]),
        [typeof(List<string>)] = () => new Converter<List<string>>(items => items),
        [typeof(IList<string>)] = () => new Converter<IList<string>>(items => items),
        [typeof(IReadOnlyList<string>)] = () => new Converter<IReadOnlyList<string>>(items => items),
        [typeof(IReadOnlyCollection<string>)] = () => new Converter<IReadOnlyCollection<string>>(items => items),
        [typeof(IEnumerable<string>)] = () => new Converter<IEnumerable<string>>(items => items),
    };

    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Converters[typeToConvert]();

    private sealed class Converter<TList>(Func<List<string>, TList> make) : JsonConverter<TList>
        where TList : IEnumerable<string>
    {
        public override TList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("The value must be a list.");
            }

            var items = new List<string>();
            var text = (JsonConverter<string>)options.GetConverter(typeof(string));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new JsonException(reader.TokenType == JsonTokenType.Null ? "The list holds null; every item must be text." : "Every item of the list must be text.");
                }

                items.Add(text.Read(ref reader, typeof(string), options)!);
            }

            return make(items);
        }

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
    }
}
