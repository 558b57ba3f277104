using Microsoft.Extensions.Configuration;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// The body sizes the gateway accepts, from configuration: <c>Exchange:Gateway:MaxRequestBodyBytes</c>
/// (default 1 MiB) and <c>Exchange:Gateway:MaxResponseBodyBytes</c> (default 10 MiB, X-Road's default
/// largest loggable body). Bodies are held in memory while they are hashed and logged, so the limits
/// bound the memory one exchange takes.
/// </summary>
internal sealed record GatewayLimits(long MaxRequestBody, long MaxResponseBody)
{
    public const string MaxRequestBodyKey = "Exchange:Gateway:MaxRequestBodyBytes";
    public const string MaxResponseBodyKey = "Exchange:Gateway:MaxResponseBodyBytes";

    public static GatewayLimits From(IConfiguration configuration)
    {
        var request = configuration.GetValue(MaxRequestBodyKey, 1024L * 1024);
        var response = configuration.GetValue(MaxResponseBodyKey, 10L * 1024 * 1024);
        // A byte array holds at most Array.MaxLength bytes; a limit past it could never be met anyway.
        return request < 1 || request > Array.MaxLength || response < 1 || response > Array.MaxLength
            ? throw new InvalidOperationException($"{MaxRequestBodyKey} and {MaxResponseBodyKey} are 1 to {Array.MaxLength} bytes.")
            : new GatewayLimits(request, response);
    }
}
