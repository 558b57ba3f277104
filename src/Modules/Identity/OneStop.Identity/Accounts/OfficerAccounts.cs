using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Identity.Data;
using OneStop.Identity.Server;
using OneStop.SharedKernel;
using OpenIddict.Abstractions;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Officer and counter-staff accounts: bound to an agency (and optionally one of its offices), with
/// roles from the Agencies module, created by that agency's administrator (role <c>agency-admin</c>).
/// </summary>
internal sealed class OfficerAccounts(UserManager<Account> users, IAgencyDirectory agencies, DigitalIdDbContext db,
    IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, TimeProvider clock)
{
    public const string RoleClaim = "agency_role";

    /// <summary>Roles an agency administrator may give.</summary>
    public static readonly string[] Roles =
    [
        OfficerRoleCodes.Officer, OfficerRoleCodes.CounterStaff, OfficerRoleCodes.Reviewer, OfficerRoleCodes.Approver,
        OfficerRoleCodes.DataOwner, OfficerRoleCodes.DataSteward, OfficerRoleCodes.AgencyAdmin, OfficerRoleCodes.Finance,
    ];

    public sealed record Input(string? Email, string? GivenName, string? FamilyName, string? OfficeCode, IReadOnlyList<string>? Roles);

    public sealed record Officer(Guid Id, string Email, string Name, string? OfficeCode, IReadOnlyList<string> Roles, bool Active = true);

    /// <summary>The created account and its first password, shown once to the administrator to hand over.</summary>
    public sealed record Created(Officer Officer, string Password);

    public async Task<bool> IsAgencyAdminAsync(Account account)
        => account.Kind == AccountKind.Officer && account.AgencyCode is not null
            && (await users.GetClaimsAsync(account)).Any(c => c.Type == RoleClaim && c.Value == OfficerRoleCodes.AgencyAdmin);

    public async Task<IReadOnlyList<Officer>> ListAsync(string agencyCode, CancellationToken ct)
    {
        var officers = await users.Users.AsNoTracking().Where(a => a.Kind == AccountKind.Officer && a.AgencyCode == agencyCode).OrderBy(a => a.Email).ToListAsync(ct);
        var ids = officers.Select(o => o.Id).ToList();
        var roles = (await db.Set<IdentityUserClaim<Guid>>().AsNoTracking().Where(c => c.ClaimType == RoleClaim && ids.Contains(c.UserId)).ToListAsync(ct))
            .ToLookup(c => c.UserId, c => c.ClaimValue ?? string.Empty);
        return [.. officers.Select(o => new Officer(o.Id, o.Email ?? "", $"{o.GivenName} {o.FamilyName}".Trim(), o.OfficeCode, [.. roles[o.Id]], !IsDeactivated(o)))];
    }

    /// <summary>Deactivated: locked with no end, until an administrator reactivates the account.</summary>
    public static bool IsDeactivated(Account account) => account.LockoutEnd == DateTimeOffset.MaxValue;

    /// <summary>
    /// Deactivates an officer of the administrator's agency (sign-in refused, sessions end within a
    /// minute, every token revoked) or reactivates one. Doing it twice changes nothing more.
    /// </summary>
    public async Task<Error?> SetActiveAsync(Account admin, Guid officerId, bool active, CancellationToken ct)
    {
        if (!await IsAgencyAdminAsync(admin))
        {
            return new Error("officer.not_admin", Bilingual.Pick("เฉพาะผู้ดูแลของหน่วยงานเท่านั้น", "Only an agency administrator can do this."), ErrorKind.Forbidden);
        }

        var officer = await users.FindByIdAsync(officerId.ToString());
        if (officer is null || officer.Kind != AccountKind.Officer || officer.AgencyCode != admin.AgencyCode)
        {
            return new Error("officer.not_found", Bilingual.Pick("ไม่พบเจ้าหน้าที่นี้ในหน่วยงานของคุณ", "There is no such officer in your agency."), ErrorKind.NotFound);
        }

        if (officer.Id == admin.Id)
        {
            return Error.Invalid("id", Bilingual.Pick("ปิดบัญชีของตนเองไม่ได้", "You cannot deactivate your own account."));
        }

        if (IsDeactivated(officer) == !active)
        {
            return null;
        }

        await users.SetLockoutEnabledAsync(officer, true);
        await users.SetLockoutEndDateAsync(officer, active ? null : DateTimeOffset.MaxValue);
        if (!active)
        {
            await users.UpdateSecurityStampAsync(officer);
            await SessionStore.EndAllAsync(db, officer.Id, keep: null, ct);
            await authorizations.RevokeBySubjectAsync(officer.Id.ToString(), ct);
            await tokens.RevokeBySubjectAsync(officer.Id.ToString(), ct);
        }

        return null;
    }

    public static async Task<IReadOnlyList<string>> RolesOfAsync(UserManager<Account> users, Account account)
        => account.Kind == AccountKind.Officer ? [.. (await users.GetClaimsAsync(account)).Where(c => c.Type == RoleClaim).Select(c => c.Value)] : [];

    public async Task<Result<Created>> CreateAsync(Account admin, Input input, CancellationToken ct)
    {
        if (!await IsAgencyAdminAsync(admin))
        {
            return new Error("officer.not_admin", Bilingual.Pick("เฉพาะผู้ดูแลของหน่วยงานเท่านั้น", "Only an agency administrator can do this."), ErrorKind.Forbidden);
        }

        var email = input.Email?.Trim() ?? string.Empty;
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
        {
            return Error.Invalid("Email", Bilingual.Pick("กรุณากรอกอีเมลที่ถูกต้อง", "Enter a valid e-mail address."));
        }

        if (string.IsNullOrWhiteSpace(input.GivenName) || string.IsNullOrWhiteSpace(input.FamilyName) || input.GivenName.Length > 100 || input.FamilyName.Length > 100)
        {
            return Error.Invalid("GivenName", Bilingual.Pick("กรุณากรอกชื่อและนามสกุล", "Enter the first and last name."));
        }

        var roles = (input.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0 || roles.Any(r => !Roles.Contains(r)))
        {
            return Error.Invalid("Roles", Bilingual.Pick("เลือกบทบาทอย่างน้อยหนึ่งบทบาท", "Choose at least one role."));
        }

        var office = string.IsNullOrWhiteSpace(input.OfficeCode) ? null : input.OfficeCode.Trim();
        if (office is not null && (await agencies.FindOfficeAsync(office, ct))?.AgencyCode != admin.AgencyCode)
        {
            return Error.Invalid("OfficeCode", Bilingual.Pick("ไม่พบสำนักงานนี้ในหน่วยงานของคุณ", "There is no such office in your agency."));
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return Error.Conflict("officer.email_taken", Bilingual.Pick("มีบัญชีที่ใช้อีเมลนี้อยู่แล้ว", "An account with this e-mail address exists already.")) with { Field = "Email" };
        }

        var account = new Account
        {
            UserName = email, Email = email, Kind = AccountKind.Officer, AgencyCode = admin.AgencyCode, OfficeCode = office,
            GivenName = input.GivenName.Trim(), FamilyName = input.FamilyName.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            PasswordChangeRequired = true,
        };
        var password = NewPassword();
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return Error.Conflict("officer.not_created", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddClaimsAsync(account, roles.Select(r => new Claim(RoleClaim, r)));
        return new Created(new Officer(account.Id, email, $"{account.GivenName} {account.FamilyName}", office, roles), password);
    }

    /// <summary>Four groups of five letters and digits: about 100 bits, and easy to read out at a counter.</summary>
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 5)));
    }
}
