using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Mail;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Identity.Accounts;

/// <summary>A new account's e-mail address is to be confirmed; <see cref="ReturnUrl"/> is where the person was going.</summary>
internal sealed record ConfirmationRequested(Guid AccountId, string? ReturnUrl) : IIntegrationEvent;

/// <summary>Someone registered with the e-mail address of an existing account: its mailbox is told, the page says nothing.</summary>
internal sealed record AccountExistsNoticeRequested(Guid AccountId) : IIntegrationEvent;

/// <summary>
/// The mail that answers a registration. Both go through the outbox (a mail server that is down only
/// delays them), carry no secret in the event (the link is made when the mail is sent), and are sent at
/// most once every few minutes per account, so that the form cannot flood anyone's mailbox.
/// </summary>
internal sealed class AccountMail(UserManager<Account> users, DigitalIdDbContext db, TimeProvider clock, PublicOrigin origin, IMailSender mail)
    : IIntegrationEventHandler<ConfirmationRequested>, IIntegrationEventHandler<AccountExistsNoticeRequested>
{
    public const string ConfirmPath = "/Identity/Account/ConfirmEmail";

    public Task RequestConfirmationAsync(Account account, string? returnUrl, CancellationToken ct)
        => QueueOnceAsync(account.Id, new ConfirmationRequested(account.Id, SafeReturnUrl(returnUrl)), ct);

    public Task RequestAccountExistsNoticeAsync(Account account, CancellationToken ct)
        => QueueOnceAsync(account.Id, new AccountExistsNoticeRequested(account.Id), ct);

    /// <summary>The account a confirmation link is for, while the link is live and the address unconfirmed.</summary>
    public async Task<Account?> AccountForLinkAsync(Guid accountId, string code)
    {
        var account = await users.FindByIdAsync(accountId.ToString());
        return account is { AwaitsEmailConfirmation: true }
            && await users.VerifyUserTokenAsync(account, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<Account>.ConfirmEmailTokenPurpose, code)
            ? account
            : null;
    }

    /// <summary>Whether a mail of this kind for this account was queued within <see cref="PasswordReset.ResendAfter"/>.</summary>
    public static Task<bool> QueuedLatelyAsync(DigitalIdDbContext db, TimeProvider clock, Type eventType, Guid accountId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - PasswordReset.ResendAfter;
        var type = IntegrationEventTypes.NameOf(eventType);
        var id = accountId.ToString();
        return db.OutboxMessages.AnyAsync(m => m.Type == type && m.OccurredAt > since && m.Payload.Contains(id), ct);
    }

    private async Task QueueOnceAsync(Guid accountId, IIntegrationEvent message, CancellationToken ct)
    {
        if (await QueuedLatelyAsync(db, clock, message.GetType(), accountId, ct))
        {
            return;
        }

        db.AddIntegrationEvent(message, clock);
        await db.SaveChangesAsync(ct);
    }

    public async Task HandleAsync(Guid messageId, ConfirmationRequested request, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(request.AccountId.ToString());
        if (account?.Email is null || account.EmailConfirmed)
        {
            return;
        }

        var code = await users.GenerateEmailConfirmationTokenAsync(account);
        var link = origin.Link($"{ConfirmPath}?account={account.Id}&code={Uri.EscapeDataString(code)}"
            + (request.ReturnUrl is { } back ? "&returnUrl=" + Uri.EscapeDataString(back) : string.Empty));
        await mail.SendAsync(ConfirmationMessage(account.Email, link), cancellationToken);
    }

    public async Task HandleAsync(Guid messageId, AccountExistsNoticeRequested request, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(request.AccountId.ToString());
        if (account?.Email is null || OfficerAccounts.IsDeactivated(account))
        {
            return;
        }

        await mail.SendAsync(AccountExistsMessage(account.Email, origin.Link(Server.ProtocolEndpoints.SignInPage), origin.Link("/Identity/Account/ForgotPassword")), cancellationToken);
    }

    /// <summary>Thai first, then English, as every message of the platform.</summary>
    public static OutgoingMail ConfirmationMessage(string to, string link) => new(to, "ยืนยันอีเมลของดิจิทัลไอดี / Confirm your Digital ID e-mail address", $"""
        มีผู้สมัครดิจิทัลไอดีด้วยอีเมลนี้ เปิดลิงก์นี้แล้วใส่รหัสผ่านที่ตั้งไว้เพื่อยืนยันว่าเป็นอีเมลของคุณ
        ลิงก์ใช้ได้ภายใน 1 ชั่วโมง หากหมดอายุ ให้เข้าสู่ระบบด้วยอีเมลและรหัสผ่าน ระบบจะส่งลิงก์ใหม่ให้:

        {link}

        หากคุณไม่ได้สมัคร ไม่ต้องทำอะไร บัญชีที่ไม่ได้ยืนยันจะถูกลบเอง

        ---

        Someone registered for a Digital ID with this e-mail address. Open this link and enter the password
        you chose to confirm the address is yours. The link works for one hour; after that, sign in with your
        e-mail address and password and a new link is sent:

        {link}

        If it was not you, do nothing: an account that is never confirmed is deleted.

        OneStop
        """);

    public static OutgoingMail AccountExistsMessage(string to, string signInLink, string resetLink) => new(to, "คุณมีดิจิทัลไอดีอยู่แล้ว / You already have a Digital ID", $"""
        มีผู้สมัครดิจิทัลไอดีด้วยอีเมลนี้ แต่อีเมลนี้มีบัญชีอยู่แล้ว จึงไม่ได้สร้างบัญชีใหม่
        เข้าสู่ระบบได้ที่: {signInLink}
        หากลืมรหัสผ่าน ตั้งรหัสผ่านใหม่ได้ที่: {resetLink}

        หากคุณไม่ได้สมัคร ไม่ต้องทำอะไร บัญชีของคุณไม่มีอะไรเปลี่ยนแปลง

        ---

        Someone tried to register for a Digital ID with this e-mail address, which already has an account,
        so no new account was made.
        Sign in: {signInLink}
        Forgot your password? Choose a new one: {resetLink}

        If it was not you, do nothing: nothing changed in your account.

        OneStop
        """);

    /// <summary>Only a path of this site travels in the link.</summary>
    private static string? SafeReturnUrl(string? returnUrl)
        => returnUrl is { Length: > 1 } && SharedKernel.Http.LocalUrl.IsLocal(returnUrl) ? returnUrl : null;
}
