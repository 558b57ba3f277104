using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Notifications.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;

namespace OneStop.Notifications.Inbox;

internal static class InboxEndpoints
{
    public static RouteGroupBuilder MapInboxEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("Notifications_Inbox_List")
            .WithSummary("The signed-in person's notifications, newest first")
            .WithDescription("Subjects and bodies are in the request's language (Accept-Language or the language cookie), Thai by default.")
            .RequireAuthorization(NotificationsPolicies.Person);
        group.MapPost("/{id:guid}/read", MarkReadAsync).WithName("Notifications_Inbox_MarkRead")
            .WithSummary("Mark one of the signed-in person's notifications as read")
            .WithDescription("Idempotent: marking a read notification again is 204 too and keeps the first reading time. Another person's notification is 404.")
            .RequireAuthorization(NotificationsPolicies.Person);
        return group;
    }

    private static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, NotificationsDbContext db,
        [Description("Page number, from 1; 1 when omitted")] int? page,
        [Description("Notifications per page, 1 to 100; 20 when omitted")] int? pageSize,
        CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? InboxQueries.DefaultPageSize;
        if (p < 1)
        {
            return ApiProblems.Invalid("page", "The page number must be 1 or more.");
        }

        if (size is < 1 or > InboxQueries.MaxPageSize)
        {
            return ApiProblems.Invalid("pageSize", $"The page size must be between 1 and {InboxQueries.MaxPageSize}.");
        }

        var language = Bilingual.IsThai ? "th" : "en";
        return TypedResults.Ok(await InboxQueries.ListAsync(db, user.FindFirstValue(Claims.Subject)!, p, size, language, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(Guid id, ClaimsPrincipal user, MarkAsRead handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(user.FindFirstValue(Claims.Subject)!, id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiProblems.From(result.Error!);
    }
}
