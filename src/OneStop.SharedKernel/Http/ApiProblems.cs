using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OneStop.SharedKernel.Http;

/// <summary>RFC 9457 problem results with the shapes every module uses.</summary>
public static class ApiProblems
{
    /// <summary>400 with the offending field named in <c>errors</c>, like built-in validation.</summary>
    public static ProblemHttpResult Invalid(string field, string message)
        => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Detail = message,
        });

    public static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    public static ProblemHttpResult Conflict(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail);

    /// <summary>Maps an expected failure of a use case to its status.</summary>
    public static ProblemHttpResult From(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ErrorKind.Invalid => Invalid(error.Field ?? "body", error.Message),
            ErrorKind.NotFound => NotFound(error.Message),
            ErrorKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: error.Message, type: null,
                extensions: error.Field is null ? new Dictionary<string, object?> { ["code"] = error.Code } : new Dictionary<string, object?> { ["code"] = error.Code, ["field"] = error.Field }),
            ErrorKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: error.Message),
            _ => throw new ArgumentOutOfRangeException(nameof(error)),
        };
    }
}

/// <summary>
/// Endpoint metadata: the endpoint enforces the request-size limit itself and answers in its own
/// error format (the exchange gateway speaks X-Road errors, not problem details).
/// </summary>
public sealed class OwnsRequestLimits;
