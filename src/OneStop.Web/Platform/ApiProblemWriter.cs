using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace OneStop.Web.Platform;

/// <summary>
/// APIs answer problem+json whatever the client's <c>Accept</c> says. ASP.NET Core's own writer writes
/// only when <c>Accept</c> allows JSON; otherwise nothing could write the error, and an API asked with
/// <c>Accept: text/html</c> or <c>application/xml</c> answered an empty body, an HTML page or a 500.
/// This writer takes exactly those API requests; every other one stays with the framework's writer.
/// </summary>
internal sealed class ApiProblemWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    private static readonly string[] JsonTypes = ["application/json", "application/problem+json", "application/*", "*/*"];

    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // After an exception the request's path is the error page's; the original one decides.
        return ApiExceptionHandler.IsApiRequest(context.HttpContext) && !AcceptsJson(context.HttpContext.Request);
    }

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        http.Response.ContentType = "application/problem+json";
        return new ValueTask(JsonSerializer.SerializeAsync(http.Response.Body, problem, json.Value.SerializerOptions, http.RequestAborted));
    }

    private static bool AcceptsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.Quality is not 0 && JsonTypes.Contains(a.MediaType.Value, StringComparer.OrdinalIgnoreCase));
    }
}
