using Microsoft.AspNetCore.Identity;
using OneStop.Identity.Data;
using OneStop.Identity.Server;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Mail;
using OneStop.SharedKernel.Messaging;
using OpenIddict.Abstractions;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Someone asked for a password-reset link for this account. It goes through the outbox, so that the
/// e-mail survives a mail server that is down (the dispatcher retries), and the answer to the person
/// takes the same time whether the account exists or not. The event carries no token: the link is made
/// when the mail is sent, so no usable secret is ever stored.
/// </summary>
internal sealed record PasswordResetRequested(Guid AccountId) : IIntegrationEvent;

/// <summary>Forgotten passwords: a single-use link by e-mail, valid for an hour, then a new password under the usual rules.</summary>
internal sealed class PasswordReset(
    UserManager<Account> users, DigitalIdDbContext db, TimeProvider clock, PublicOrigin origin,
    IOpenIddictTokenManager tokens, IMailSender mail) : IIntegrationEventHandler<PasswordResetRequested>
{
    public const string ResetPath = "/Identity/Account/ResetPassword";

    /// <summary>How long a link works (it also stops working once used, or when the password changes otherwise).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    /// <summary>Asking again sooner sends nothing more (the answer on the page is the same).</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Asks for a link to be sent when <paramref name="login"/> (an e-mail or a citizen ID) names an account
    /// that has an e-mail address and is not deactivated; otherwise does nothing, saying nothing.
    /// </summary>
    public async Task RequestAsync(string login, CancellationToken ct)
    {
        var account = await users.FindByLoginAsync(login, ct);
        if (account?.Email is null || OfficerAccounts.IsDeactivated(account))
        {
            return;
        }

        // One link per account every few minutes: the form must not become a way to flood someone's mailbox.
        if (await AccountMail.QueuedLatelyAsync(db, clock, typeof(PasswordResetRequested), account.Id, ct))
        {
            return;
        }

        db.AddIntegrationEvent(new PasswordResetRequested(account.Id), clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether <paramref name="code"/> is a live link for this account (so the page can say so before the person types).</summary>
    public async Task<Account?> AccountForLinkAsync(Guid accountId, string code)
    {
        var account = await users.FindByIdAsync(accountId.ToString());
        return account is not null && !OfficerAccounts.IsDeactivated(account)
            && await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, code)
            ? account
            : null;
    }

    /// <summary>
    /// Sets the new password. Every session ends (the security stamp changes, which also spends the link),
    /// and every token issued to applications is revoked: someone else may have known the old password.
    /// </summary>
    public async Task<IdentityResult> ResetAsync(Account account, string code, string newPassword, CancellationToken ct)
    {
        var result = await users.ResetPasswordAsync(account, code, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        // The person proved they hold the mailbox: a temporary lockout after wrong guesses ends too,
        // and an address never confirmed is confirmed now.
        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        if (account.PasswordChangeRequired || !account.EmailConfirmed)
        {
            account.PasswordChangeRequired = false;
            account.EmailConfirmed = true;
            await users.UpdateAsync(account);
        }

        await SessionStore.EndAllAsync(db, account.Id, keep: null, ct);
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), ct);
        return result;
    }

    /// <summary>Sends the link (from the outbox; a failure is retried by the dispatcher).</summary>
    public async Task HandleAsync(Guid messageId, PasswordResetRequested request, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(request.AccountId.ToString());
        if (account?.Email is null || OfficerAccounts.IsDeactivated(account))
        {
            return;
        }

        var code = await users.GeneratePasswordResetTokenAsync(account);
        // The configured origin, never the Host header of whoever asked (PublicOrigin).
        var link = origin.Link($"{ResetPath}?account={account.Id}&code={Uri.EscapeDataString(code)}");
        await mail.SendAsync(Message(account.Email, link), cancellationToken);
    }

    /// <summary>Thai first, then English, as every message of the platform; nothing about the account but the link.</summary>
    public static OutgoingMail Message(string to, string link) => new(to, "ตั้งรหัสผ่านใหม่ดิจิทัลไอดี / Reset your Digital ID password", $"""
        มีผู้ขอตั้งรหัสผ่านใหม่สำหรับดิจิทัลไอดีที่ใช้อีเมลนี้
        เปิดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่ ลิงก์ใช้ได้ครั้งเดียวภายใน 1 ชั่วโมง:

        {link}

        หากคุณไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้ตามปกติ

        ---

        Someone asked to reset the password of the Digital ID that uses this e-mail address.
        Open this link to choose a new password. It works once, within one hour:

        {link}

        If it was not you, do nothing: your password stays as it is.

        OneStop
        """);
}
