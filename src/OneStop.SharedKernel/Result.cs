namespace OneStop.SharedKernel;

/// <summary>An expected failure of a use case: a stable code, a message and, when one input is to blame, its name.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Invalid, string? Field = null)
{
    public static Error NotFound(string what, string id) => new($"{what}.not_found", $"No {what} with code '{id}'.", ErrorKind.NotFound);

    public static Error Invalid(string field, string message) => new("validation", message, ErrorKind.Invalid, field);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
}

/// <summary>Broad class of an expected failure, mapped to an HTTP status at the edge.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>The outcome of a use case: a value or an <see cref="Error"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
