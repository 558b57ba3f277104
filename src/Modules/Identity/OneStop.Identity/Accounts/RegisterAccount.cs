using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using OneStop.SharedKernel;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Opens a Digital ID account. With only an e-mail address and a password the account is at IAL1
/// (browse and save drafts). With the ID card's details, checked against the population registry
/// through the exchange, it is at IAL2 and carries the registry's names as verified claims.
/// The answer is the same whether the e-mail address is new or taken: the mailbox learns which
/// (a link to confirm the new account, or a note that an account exists), nobody else does.
/// </summary>
internal static class RegisterAccount
{
    /// <summary>The card fields are all empty (IAL1) or all filled (IAL2). The birth year is Buddhist Era.</summary>
    public sealed record Request(
        string? Email, string? Password, string? CitizenId = null, string? FirstName = null, string? LastName = null,
        int? BirthDay = null, int? BirthMonth = null, int? BirthYear = null, string? Laser = null, string? ReturnUrl = null)
    {
        public bool WantsIal2 => !string.IsNullOrWhiteSpace(CitizenId) || !string.IsNullOrWhiteSpace(Laser);

        public IdCard Card => new(CitizenId, FirstName, LastName, BirthDay, BirthMonth, BirthYear, Laser);
    }

    /// <summary>Where the confirmation (or the note that the account exists) was sent.</summary>
    public sealed record Registered(string Email);

    internal sealed class Handler(UserManager<Account> users, IdCardCheck cards, AccountMail mail, IPasswordHasher<Account> hasher, TimeProvider clock)
    {
        public async Task<Result<Registered>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var email = request.Email?.Trim() ?? string.Empty;
            if (!IsEmail(email))
            {
                return Error.Invalid(nameof(Request.Email), Bilingual.Pick("กรุณากรอกอีเมลที่ถูกต้อง", "Enter a valid e-mail address."));
            }

            var account = new Account { UserName = email, Email = email, CreatedAt = clock.GetUtcNow().UtcDateTime };
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, account, request.Password);
                if (!check.Succeeded)
                {
                    return Error.Invalid(nameof(Request.Password), check.Errors.First().Description);
                }
            }

            // The card is checked whether or not the e-mail address is taken, so that the time taken tells nothing either.
            if (request.WantsIal2 && await cards.ProveAsync(account, request.Card, $"digital-id-registration:{account.Id:N}", cancellationToken) is { } failure)
            {
                return failure;
            }

            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // As much work as creating an account, and the same answer: only the mailbox is told it has one.
                UnknownAccounts.SpendAsMuchAsAPasswordCheck(hasher, request.Password);
                await mail.RequestAccountExistsNoticeAsync(existing, cancellationToken);
                return new Registered(email);
            }

            if (!(await users.CreateAsync(account, request.Password!)).Succeeded)
            {
                // A concurrent registration with the same e-mail address or citizen ID won the race; its mailbox has the link.
                return request.WantsIal2
                    ? Error.Conflict("account.exists", Bilingual.Pick("มีบัญชีนี้อยู่แล้ว กรุณาเข้าสู่ระบบ", "This account exists already; sign in instead."))
                    : new Registered(email);
            }

            await mail.RequestConfirmationAsync(account, request.ReturnUrl, cancellationToken);
            return new Registered(email);
        }

        private static bool IsEmail(string email)
            => email.Length is > 3 and <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);
    }
}
