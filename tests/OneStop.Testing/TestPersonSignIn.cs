using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Testing;

/// <summary>
/// Signs a test request in as a person with an account: with <see cref="TestAuthHandler"/>'s roles header,
/// the header <c>X-Test-Sub</c> adds the account's subject claim (<c>sub</c>) that the platform's real
/// sign-in carries, and <c>X-Test-Email</c> the e-mail claim.
/// </summary>
public static class TestPersonSignIn
{
    public const string SubjectHeader = "X-Test-Sub";
    public const string EmailHeader = "X-Test-Email";

    /// <summary>A role no policy asks for: it only makes <see cref="TestAuthHandler"/> sign the request in.</summary>
    public const string PersonRole = "Person";

    /// <summary>A client signed in as the person whose account subject is <paramref name="subject"/>.</summary>
    public static HttpClient CreateClientAsPerson(this AppFactory factory, string subject, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClientWithRoles(PersonRole);
        client.DefaultRequestHeaders.Add(SubjectHeader, subject);
        if (email is not null)
        {
            client.DefaultRequestHeaders.Add(EmailHeader, email);
        }

        return client;
    }
}

/// <summary>Adds the claims of <see cref="TestPersonSignIn"/>'s headers to a request signed in by <see cref="TestAuthHandler"/>.</summary>
internal sealed class TestPersonClaims(IHttpContextAccessor http) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var headers = http.HttpContext?.Request.Headers;
        if (headers is null || principal.Identity?.AuthenticationType != TestAuthHandler.SchemeName || principal.HasClaim(c => c.Type == Claims.Subject)
            || !headers.TryGetValue(TestPersonSignIn.SubjectHeader, out var subject))
        {
            return Task.FromResult(principal);
        }

        // A copy: the transformation may run more than once per request on the same principal.
        var identity = new ClaimsIdentity(principal.Claims, TestAuthHandler.SchemeName);
        identity.AddClaim(new Claim(Claims.Subject, subject.ToString()));
        if (headers.TryGetValue(TestPersonSignIn.EmailHeader, out var email))
        {
            identity.AddClaim(new Claim(Claims.Email, email.ToString()));
        }

        return Task.FromResult(new ClaimsPrincipal(identity));
    }
}
