using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.SharedKernel.Hosting;

namespace OneStop.SharedKernel.Http;

/// <summary>
/// The <c>Idempotency-Key</c> request header (IETF draft-ietf-httpapi-idempotency-key-header) on POSTs
/// that create something: a retry with the same key and the same request gets the first answer again
/// (status and body) and creates nothing; the same key with another request is 422. Keys belong to the
/// signed-in caller and are kept for <see cref="KeptFor"/>.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public const int MaxCallerLength = 64;

    /// <summary>How long a key is remembered; a retry after that is a new request.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    /// <summary>A first request not answered within this time is taken to have died with its node; a retry may take its key.</summary>
    public static readonly TimeSpan AnsweredWithin = TimeSpan.FromMinutes(2);

    /// <summary>How long a retry waits for an identical request still being answered before it is told so (409).</summary>
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps the keys in <typeparamref name="TContext"/>, whose model holds <see cref="IdempotencyRecordConfiguration"/>.</summary>
    public static IServiceCollection AddIdempotencyKeys<TContext>(this IServiceCollection services)
        where TContext : DbContext, IIdempotencyKeyContext
        => services.AddScoped(sp => new IdempotencyStore(sp.GetRequiredService<TContext>(), sp.GetRequiredService<TimeProvider>()));

    /// <summary>Honours an <c>Idempotency-Key</c> header on this endpoint.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilterFactory((factory, next) =>
        {
            // What identifies the request: its route values and body as bound, not the services the handler asks for.
            var isService = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var bound = factory.MethodInfo.GetParameters().Select((p, i) => (p, i)).Where(x => IsRequestPart(x.p, isService)).Select(x => x.i).ToArray();
            return invocation => InvokeAsync(invocation, bound, next);
        });
    }

    private static bool IsRequestPart(ParameterInfo parameter, IServiceProviderIsService? isService)
    {
        var type = parameter.ParameterType;
        return type != typeof(CancellationToken) && type != typeof(HttpContext) && type != typeof(HttpRequest) && type != typeof(HttpResponse)
            && type != typeof(ClaimsPrincipal) && isService?.IsService(type) != true;
    }

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, int[] bound, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        // Without a signed-in caller there is nobody to scope a key to: a key shared by strangers would hand one the other's answer.
        if (!http.Request.Headers.TryGetValue(Header, out var values) || http.User.Identity?.IsAuthenticated != true)
        {
            return await next(invocation);
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength)
        {
            return ApiProblems.Invalid(Header, $"An Idempotency-Key is one value of 1 to {MaxKeyLength} characters.");
        }

        var caller = CallerOf(http.User);
        var fingerprint = FingerprintOf(http.Request, bound.Select(i => invocation.Arguments[i]));
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var ct = http.RequestAborted;
        var waitUntil = DateTime.UtcNow + WaitForFirst;
        while (true)
        {
            var earlier = await store.BeginAsync(caller, key, fingerprint, ct);
            if (earlier is null)
            {
                break;
            }

            if (earlier.Fingerprint != fingerprint)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused.",
                    detail: "This Idempotency-Key was used for a different request; use a new key for a new request.");
            }

            if (earlier.Status is { } status)
            {
                http.Response.StatusCode = status;
                http.Response.ContentType = earlier.ContentType;
                if (earlier.Location is not null)
                {
                    http.Response.Headers.Location = earlier.Location;
                }

                await http.Response.Body.WriteAsync(earlier.Body ?? [], ct);
                return Results.Empty;
            }

            if (DateTime.UtcNow > waitUntil)
            {
                return ApiProblems.Conflict("A request with this Idempotency-Key is still being answered; retry later.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }

        // This request holds the key: answer it, keeping the answer for its retries.
        object? result;
        try
        {
            result = await next(invocation);
        }
        catch
        {
            await store.ForgetAsync(caller, key, CancellationToken.None);
            throw;
        }

        if (result is not IResult answer)
        {
            await store.ForgetAsync(caller, key, CancellationToken.None);
            return result;
        }

        using var buffer = new MemoryStream();
        var responseBody = http.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await answer.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(responseBody);
        }

        var body = buffer.ToArray();
        if (http.Response.StatusCode >= 500)
        {
            // A failure is not an answer to repeat: the retry should try again.
            await store.ForgetAsync(caller, key, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(caller, key, http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, body, CancellationToken.None);
        }

        await http.Response.Body.WriteAsync(body, ct);
        return Results.Empty;
    }

    /// <summary>The signed-in caller: the account and, for a citizen, the verified citizen ID, hashed to a bounded length.</summary>
    private static string CallerOf(ClaimsPrincipal user)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            user.Identity?.AuthenticationType, user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue("sub"), user.FindFirstValue(Claims.CitizenId)))));

    private static string FingerprintOf(HttpRequest request, IEnumerable<object?> arguments)
    {
        var parts = arguments.Select(a => a is null ? "null" : JsonSerializer.Serialize(a, a.GetType(), Json));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Prepend(request.Path.Value).Prepend(request.Method)))));
    }
}
