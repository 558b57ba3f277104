using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Identity.Accounts;

/// <summary>
/// A person's Digital ID account. IAL1 accounts have only an e-mail address; IAL2 accounts were
/// proofed against the population registry and carry the registry's names, birth date and address.
/// </summary>
internal sealed class Account : IdentityUser<Guid>
{
    // Known before the account is saved: the registration's exchange calls carry it as their purpose.
    public Account() => Id = Guid.NewGuid();

    public AccountKind Kind { get; set; } = AccountKind.Person;

    /// <summary>Identity assurance level reached (NIST SP 800-63A): <c>ial1</c> or <c>ial2</c>.</summary>
    public string IdentityLevel { get; set; } = IdentityLevels.Ial1;

    /// <summary>The 13-digit citizen ID, set once proofed (unique).</summary>
    public string? CitizenId { get; set; }

    /// <summary>When and how the identity was proofed (for the verified-claims evidence).</summary>
    public DateTime? ProofedAt { get; set; }

    public string? ProofingMethod { get; set; }

    public string? Title { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenNameEn { get; set; }

    public string? FamilyNameEn { get; set; }

    /// <summary>Gregorian birth date, ISO 8601 (as OIDC's <c>birthdate</c> claim).</summary>
    public string? BirthDate { get; set; }

    public string? Gender { get; set; }

    /// <summary>The house-registration address, formatted on one line.</summary>
    public string? Address { get; set; }

    public string? PostalCode { get; set; }

    public string? Province { get; set; }

    /// <summary>Officers only: the agency and office they serve in.</summary>
    public string? AgencyCode { get; set; }

    public string? OfficeCode { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set for a password someone else chose (an officer's first one): the next sign-in asks for a new one.</summary>
    public bool PasswordChangeRequired { get; set; }

    /// <summary>Someone registered this account and has not yet shown the e-mail address is theirs: it cannot sign in.</summary>
    public bool AwaitsEmailConfirmation => Kind == AccountKind.Person && Email is not null && !EmailConfirmed;
}

internal enum AccountKind
{
    Person,
    Officer,
}

/// <summary>Identity assurance levels as OpenID Connect for Identity Assurance names them.</summary>
internal static class IdentityLevels
{
    public const string Ial1 = "ial1";
    public const string Ial2 = "ial2";

    /// <summary>The trust framework the levels belong to.</summary>
    public const string TrustFramework = "nist_800_63A";
}

/// <summary>What people type to name their account: an e-mail address or a 13-digit citizen ID.</summary>
internal static class Logins
{
    public static async Task<Account?> FindByLoginAsync(this UserManager<Account> users, string? login, CancellationToken ct)
    {
        login = login?.Trim() ?? string.Empty;
        return login.Contains('@', StringComparison.Ordinal)
            ? await users.FindByEmailAsync(login)
            : await users.Users.SingleOrDefaultAsync(a => a.CitizenId == login, ct);
    }
}
