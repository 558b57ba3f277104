using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Data;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.Identity.Server;

/// <summary>
/// A client assertion (private_key_jwt) works once: its <c>jti</c> is recorded until the assertion
/// expires, in the database so that every node sees it (RFC 7523 section 3, FAPI). OpenIddict checks
/// the signature, issuer, audience and lifetime before this runs.
/// </summary>
internal sealed class RejectReplayedAssertions(DigitalIdDbContext db, TimeProvider clock) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<RejectReplayedAssertions>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertion.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.ClientAssertionPrincipal is not { } assertion)
        {
            return;
        }

        var jti = assertion.GetClaim(Claims.JwtId);
        if (string.IsNullOrEmpty(jti))
        {
            context.Reject(Errors.InvalidClient, "The client assertion has no 'jti' claim.");
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var expires = assertion.GetExpirationDate()?.UtcDateTime ?? now.AddMinutes(10);
        var id = $"{context.ClientId}:{jti}";
        if (id.Length > 200)
        {
            context.Reject(Errors.InvalidClient, "The client assertion's 'jti' is too long.");
            return;
        }

        if (!await UsedOnce.RecordAsync(db, id, expires, now, context.CancellationToken))
        {
            context.Reject(Errors.InvalidClient, "The client assertion was used before.");
        }
    }
}

/// <summary>Single use across every node: something (an assertion, a challenge) is recorded until it expires.</summary>
internal static class UsedOnce
{
    /// <summary>False when the same id was recorded before and has not expired.</summary>
    public static async Task<bool> RecordAsync(DigitalIdDbContext db, string id, DateTime expiresAt, DateTime now, CancellationToken cancellationToken)
    {
        // Expired records can never match again: clear them on the way.
        await db.UsedAssertions.Where(a => a.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.UsedAssertions.Add(new UsedAssertion { Id = id, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>A client assertion (client and jti) or a passkey challenge seen once, kept until it expires.</summary>
internal sealed class UsedAssertion
{
    public required string Id { get; set; }

    public DateTime ExpiresAt { get; set; }
}
