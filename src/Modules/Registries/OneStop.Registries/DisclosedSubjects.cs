using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OneStop.Exchange.Contracts;

namespace OneStop.Registries;

/// <summary>Tells the exchange whose data an answer discloses, so that each of them sees the read.</summary>
internal sealed class DisclosedSubjects
{
    private static readonly DisclosedSubjects Marker = new();

    public static void Declare(HttpResponse response, IEnumerable<string> citizenIds)
    {
        var list = string.Join(',', citizenIds);
        if (list.Length > 0)
        {
            response.Headers[ExchangeProviderHeaders.DataSubjects] = list;
        }
    }

    /// <summary>Marks an endpoint that declares them, so that its OpenAPI document shows the header.</summary>
    public static RouteHandlerBuilder Declares(RouteHandlerBuilder endpoint) => endpoint.WithMetadata(Marker);

    /// <summary>Documents the header on the 200 answer of the endpoints marked by <see cref="Declares"/>.</summary>
    public static Task DocumentAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.Contains(Marker)
            && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse answer)
        {
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            answer.Headers[ExchangeProviderHeaders.DataSubjects] = new OpenApiHeader
            {
                Description = "Citizen IDs, comma-separated, of the other people this answer discloses (house members, directors). "
                    + "For the exchange, which records the read for each of them and does not pass the header on.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        return Task.CompletedTask;
    }
}
