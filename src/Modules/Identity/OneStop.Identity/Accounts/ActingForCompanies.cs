using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Identity.Accounts;

/// <summary>Who may act for a juristic person: its directors with signing authority, and the people they delegate to.</summary>
internal sealed class CompanyRole
{
    public long Id { get; set; }

    public Guid AccountId { get; set; }

    public required string JuristicId { get; set; }

    public required string CompanyName { get; set; }

    public CompanyRoleKind Kind { get; set; }

    /// <summary>For delegates: the director who granted the right.</summary>
    public Guid? GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal enum CompanyRoleKind
{
    /// <summary>A director with signing authority, as the juristic registry lists them.</summary>
    Director,

    /// <summary>An employee a director allowed to act for the company.</summary>
    Delegate,
}

/// <summary>The companies a person may act for, as the <c>companies</c> claim carries them.</summary>
internal sealed record CompanyClaim(string JuristicId, string Name, string Role);

/// <summary>
/// Acting for companies. A proofed person (IAL2) claims a company: the juristic registry, read through
/// the exchange, must list their citizen ID as a director with signing authority of an active company.
/// A director grants and revokes the right for other proofed people.
/// </summary>
internal sealed class ActingForCompanies(DigitalIdDbContext db, UserManager<Account> users, RegistryClient registry, TimeProvider clock)
{
    public async Task<IReadOnlyList<CompanyClaim>> ClaimsOfAsync(Guid accountId, CancellationToken ct)
        => [.. (await db.CompanyRoles.AsNoTracking().Where(r => r.AccountId == accountId && r.RevokedAt == null).OrderBy(r => r.JuristicId).ToListAsync(ct))
            .Select(r => new CompanyClaim(r.JuristicId, r.CompanyName, r.Kind == CompanyRoleKind.Director ? "director" : "delegate"))];

    /// <summary>The people a director's company has delegated to (active ones), with their e-mail.</summary>
    public async Task<IReadOnlyList<(Guid AccountId, string Email, DateTime Since)>> DelegatesOfAsync(string juristicId, CancellationToken ct)
    {
        var roles = await db.CompanyRoles.AsNoTracking().Where(r => r.JuristicId == juristicId && r.Kind == CompanyRoleKind.Delegate && r.RevokedAt == null).ToListAsync(ct);
        var ids = roles.Select(r => r.AccountId).ToList();
        var emails = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Email ?? "", ct);
        return [.. roles.Select(r => (r.AccountId, emails.GetValueOrDefault(r.AccountId, ""), r.GrantedAt))];
    }

    /// <summary>Records the person as a director of the company, if the registry says they may sign for it. Idempotent.</summary>
    public async Task<Result<CompanyClaim>> ClaimDirectorshipAsync(Account account, string? juristicIdInput, CancellationToken ct)
    {
        if (!JuristicPersonId.TryParse(juristicIdInput?.Trim(), out var juristicId))
        {
            return Error.Invalid("JuristicId", Bilingual.Pick("เลขทะเบียนนิติบุคคลไม่ถูกต้อง (13 หลัก)", "Enter a valid 13-digit juristic-person ID."));
        }

        if (account.IdentityLevel != IdentityLevels.Ial2 || account.CitizenId is null)
        {
            return new Error("company.ial2_required", Bilingual.Pick("ต้องยืนยันตัวตนด้วยบัตรประชาชนก่อน", "Prove who you are with your ID card first."), ErrorKind.Forbidden);
        }

        var (reached, company) = await registry.GetCompanyAsync(juristicId.Value, $"digital-id-act-for:{account.Id:N}", ct);
        if (!reached)
        {
            return new Error("company.registry_unavailable", Bilingual.Pick("ระบบทะเบียนนิติบุคคลไม่ตอบในขณะนี้ กรุณาลองใหม่ภายหลัง", "The juristic-person registry cannot be reached just now; try again later."), ErrorKind.Conflict);
        }

        // The same answer for an unknown company and for one the person does not direct: nothing about others leaks.
        if (company is null || company.Status != "Active" || !company.Directors.Any(d => d.CitizenId == account.CitizenId && d.MaySign))
        {
            return new Error("company.not_a_director",
                Bilingual.Pick("ทะเบียนนิติบุคคลไม่ได้ระบุว่าคุณเป็นกรรมการผู้มีอำนาจลงนามของนิติบุคคลนี้", "The juristic-person registry does not list you as a director with signing authority of this company."), ErrorKind.Forbidden);
        }

        var role = await ActiveRoleAsync(account.Id, juristicId.Value, ct);
        if (role is null || role.Kind != CompanyRoleKind.Director)
        {
            role ??= new CompanyRole { AccountId = account.Id, JuristicId = juristicId.Value, CompanyName = company.NameTh, GrantedAt = clock.GetUtcNow().UtcDateTime };
            role.Kind = CompanyRoleKind.Director;
            role.GrantedBy = null;
            role.CompanyName = company.NameTh;
            if (role.Id == 0)
            {
                db.CompanyRoles.Add(role);
            }

            await db.SaveChangesAsync(ct);
        }

        return new CompanyClaim(role.JuristicId, role.CompanyName, "director");
    }

    /// <summary>A director lets another proofed person, named by e-mail or citizen ID, act for the company. Idempotent.</summary>
    public async Task<Result<CompanyClaim>> GrantAsync(Account director, string juristicId, string? employeeInput, CancellationToken ct)
    {
        var directorship = await ActiveRoleAsync(director.Id, juristicId, ct);
        if (directorship?.Kind != CompanyRoleKind.Director)
        {
            return new Error("company.not_a_director", Bilingual.Pick("เฉพาะกรรมการผู้มีอำนาจลงนามเท่านั้นที่มอบสิทธิ์ได้", "Only a director with signing authority can grant this right."), ErrorKind.Forbidden);
        }

        var employee = await users.FindByLoginAsync(employeeInput, ct);
        if (employee is null || employee.IdentityLevel != IdentityLevels.Ial2)
        {
            return Error.Invalid("Employee", Bilingual.Pick("ไม่พบบัญชีดิจิทัลไอดีที่ยืนยันตัวตนด้วยบัตรประชาชนแล้วของอีเมลหรือเลขประจำตัวนี้", "No Digital ID account proved with an ID card has this e-mail or citizen ID."));
        }

        if (await ActiveRoleAsync(employee.Id, juristicId, ct) is { } existing)
        {
            return new CompanyClaim(juristicId, existing.CompanyName, existing.Kind == CompanyRoleKind.Director ? "director" : "delegate");
        }

        db.CompanyRoles.Add(new CompanyRole
        {
            AccountId = employee.Id, JuristicId = juristicId, CompanyName = directorship.CompanyName, Kind = CompanyRoleKind.Delegate,
            GrantedBy = director.Id, GrantedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new CompanyClaim(juristicId, directorship.CompanyName, "delegate");
    }

    /// <summary>A director takes a delegate's right away. Revoking a right already gone is not an error.</summary>
    public async Task<Result<bool>> RevokeAsync(Account director, string juristicId, Guid delegateId, CancellationToken ct)
    {
        if ((await ActiveRoleAsync(director.Id, juristicId, ct))?.Kind != CompanyRoleKind.Director)
        {
            return new Error("company.not_a_director", Bilingual.Pick("เฉพาะกรรมการผู้มีอำนาจลงนามเท่านั้นที่ยกเลิกสิทธิ์ได้", "Only a director with signing authority can revoke this right."), ErrorKind.Forbidden);
        }

        var role = await ActiveRoleAsync(delegateId, juristicId, ct);
        if (role is { Kind: CompanyRoleKind.Delegate })
        {
            role.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return true;
        }

        return false;
    }

    private Task<CompanyRole?> ActiveRoleAsync(Guid accountId, string juristicId, CancellationToken ct)
        => db.CompanyRoles.SingleOrDefaultAsync(r => r.AccountId == accountId && r.JuristicId == juristicId && r.RevokedAt == null, ct);
}
