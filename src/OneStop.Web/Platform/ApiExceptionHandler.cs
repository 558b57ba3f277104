using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OneStop.SharedKernel.Http;

namespace OneStop.Web.Platform;

/// <summary>
/// Turns request-binding failures anywhere, and unexpected exceptions under <c>/api</c>, into
/// RFC 9457 problem details. Bad input names the field; nothing internal leaves the server.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = Describe(bad);
        }
        else if (IsApiRequest(httpContext))
        {
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = environment.IsDevelopment() ? exception.ToString() : "The error has been logged; quote the traceId when reporting it.",
            };
        }
        else
        {
            return false; // pages get the HTML error page
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // The middleware has already rewritten the path to the error page; the original is in the feature.
    internal static bool IsApiRequest(HttpContext context)
        => (context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? string.Empty)
            is var path && PlatformSetup.ApiPrefixes.Any(p => path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));

    internal static ProblemDetails Describe(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        var json = FindJsonException(exception);
        if (json is null)
        {
            return new ProblemDetails { Status = exception.StatusCode, Title = "The request is not valid.", Detail = exception.Message };
        }

        var field = FieldName(json.Path);
        var message = json.InnerException is null && !json.Message.Contains("Path:", StringComparison.Ordinal)
            ? json.Message
            : $"The value of '{field}' is not valid.";
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this endpoint.",
            Detail = $"{message} (field '{field}')",
        };
        return problem;
    }

    internal static ProblemDetails TooLarge() => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large.",
        Detail = $"Request bodies are limited to {PlatformSetup.MaxRequestBodyBytes} bytes.",
    };

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary><c>$.holiday.date</c> becomes <c>holiday.date</c>; a syntax error before any field is the body.</summary>
    private static string FieldName(string? path) => path switch
    {
        null or "$" => "body",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ => path.TrimStart('$'),
    };
}

/// <summary>
/// Refuses bodies over the limit before they are read, from their declared length, so that
/// every host (Kestrel, IIS, the test server) answers 413 problem+json the same way.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength > PlatformSetup.MaxRequestBodyBytes && context.GetEndpoint()?.Metadata.GetMetadata<OwnsRequestLimits>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new() { HttpContext = context, ProblemDetails = ApiExceptionHandler.TooLarge() });
            return;
        }

        await next(context);
    }
}
