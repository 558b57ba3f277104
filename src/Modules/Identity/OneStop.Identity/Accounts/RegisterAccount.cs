using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Opens a Digital ID account. With only an e-mail address and a password the account is at IAL1
/// (browse and save drafts). With the ID card's details, checked against the population registry
/// through the exchange, it is at IAL2 and carries the registry's names as verified claims.
/// </summary>
internal static class RegisterAccount
{
    /// <summary>The card fields are all empty (IAL1) or all filled (IAL2). The birth year is Buddhist Era.</summary>
    public sealed record Request(
        string? Email, string? Password, string? CitizenId = null, string? FirstName = null, string? LastName = null,
        int? BirthDay = null, int? BirthMonth = null, int? BirthYear = null, string? Laser = null)
    {
        public bool WantsIal2 => !string.IsNullOrWhiteSpace(CitizenId) || !string.IsNullOrWhiteSpace(Laser);
    }

    /// <summary>Failed card checks allowed per citizen ID and hour, so that the check cannot be used to guess a card.</summary>
    public const int CardCheckAttemptsPerHour = 5;

    internal sealed class Handler(UserManager<Account> users, RegistryClient registry, IMemoryCache attempts, TimeProvider clock)
    {
        public async Task<Result<Account>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var email = request.Email?.Trim() ?? string.Empty;
            if (!IsEmail(email))
            {
                return Error.Invalid(nameof(Request.Email), "กรุณากรอกอีเมลที่ถูกต้อง / Enter a valid e-mail address.");
            }

            var account = new Account { UserName = email, Email = email, CreatedAt = clock.GetUtcNow().UtcDateTime };
            string? dopaBirthDate = null;
            if (request.WantsIal2)
            {
                if (CardProblem(request, out dopaBirthDate) is { } problem)
                {
                    return problem;
                }

                account.CitizenId = ThaiCitizenId.Parse(request.CitizenId!.Trim(), CultureInfo.InvariantCulture).Value;
            }

            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, account, request.Password);
                if (!check.Succeeded)
                {
                    return Error.Invalid(nameof(Request.Password), check.Errors.First().Description);
                }
            }

            if (await users.FindByEmailAsync(email) is not null)
            {
                return Error.Conflict("account.email_taken", "มีบัญชีที่ใช้อีเมลนี้อยู่แล้ว กรุณาเข้าสู่ระบบ / An account with this e-mail address exists already; sign in instead.") with { Field = nameof(Request.Email) };
            }

            if (account.CitizenId is { } citizenId && await ProofAsync(account, citizenId, request, dopaBirthDate!, cancellationToken) is { } failure)
            {
                return failure;
            }

            var created = await users.CreateAsync(account, request.Password!);
            if (!created.Succeeded)
            {
                // A concurrent registration with the same e-mail or citizen ID lost the race.
                return Error.Conflict("account.exists", "มีบัญชีนี้อยู่แล้ว กรุณาเข้าสู่ระบบ / This account exists already; sign in instead.");
            }

            return account;
        }

        private async Task<Error?> ProofAsync(Account account, string citizenId, Request request, string dopaBirthDate, CancellationToken cancellationToken)
        {
            var key = "card-check:" + citizenId;
            var failures = attempts.GetOrCreate(key, e => { e.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1); return new int[1]; })!;
            if (Volatile.Read(ref failures[0]) >= CardCheckAttemptsPerHour)
            {
                return new Error("account.card_check_limit", "ตรวจสอบบัตรไม่ผ่านหลายครั้งเกินไป กรุณาลองใหม่ในอีก 1 ชั่วโมง / Too many failed card checks; try again in an hour.", ErrorKind.Forbidden);
            }

            var purpose = $"digital-id-registration:{account.Id:N}";
            var card = new RegistryClient.CardCheck(citizenId, request.FirstName!.Trim(), request.LastName!.Trim(), dopaBirthDate, request.Laser!.Trim());
            var valid = await registry.CheckCardAsync(card, purpose, cancellationToken);
            if (valid is null)
            {
                return Unavailable;
            }

            if (valid is false)
            {
                Interlocked.Increment(ref failures[0]);
                // Never which field: that would let anyone complete a stolen card number field by field.
                return new Error("account.card_check_failed",
                    "ข้อมูลไม่ตรงกับบัตรประชาชนในทะเบียนราษฎร กรุณาตรวจสอบอีกครั้ง / The details do not match an ID card in the population registry; check them and try again.");
            }

            if (await users.Users.AnyAsync(a => a.CitizenId == citizenId, cancellationToken))
            {
                return Error.Conflict("account.citizen_taken", "มีบัญชีของเลขประจำตัวประชาชนนี้อยู่แล้ว กรุณาเข้าสู่ระบบ / An account for this citizen ID exists already; sign in instead.");
            }

            var person = await registry.GetPersonAsync(citizenId, purpose, cancellationToken);
            if (person is null)
            {
                return Unavailable;
            }

            account.IdentityLevel = IdentityLevels.Ial2;
            account.ProofedAt = clock.GetUtcNow().UtcDateTime;
            account.ProofingMethod = "dopa-card-check";
            account.Title = person.TitleTh;
            account.GivenName = person.GivenNameTh;
            account.FamilyName = person.FamilyNameTh;
            account.GivenNameEn = person.GivenNameEn;
            account.FamilyNameEn = person.FamilyNameEn;
            account.BirthDate = person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            account.Gender = person.Gender.ToLowerInvariant();
            account.Address = person.House.Address.Formatted();
            account.Province = person.House.Address.ProvinceTh;
            account.PostalCode = person.House.Address.Postcode;
            return null;
        }

        private static readonly Error Unavailable = new("account.registry_unavailable",
            "ระบบทะเบียนราษฎรไม่ตอบในขณะนี้ กรุณาลองใหม่ภายหลัง / The population registry cannot be reached just now; try again later.", ErrorKind.Conflict);

        private static Error? CardProblem(Request request, out string? dopaBirthDate)
        {
            dopaBirthDate = null;
            var problem = ThaiCitizenId.Check(request.CitizenId?.Trim());
            if (problem != ThaiIdProblem.None)
            {
                return Error.Invalid(nameof(Request.CitizenId), "เลขประจำตัวประชาชนไม่ถูกต้อง / " + ThaiCitizenId.Describe(problem));
            }

            if (string.IsNullOrWhiteSpace(request.FirstName))
            {
                return Error.Invalid(nameof(Request.FirstName), "กรุณากรอกชื่อตามบัตรประชาชน / Enter your first name as on your ID card (in Thai).");
            }

            if (string.IsNullOrWhiteSpace(request.LastName))
            {
                return Error.Invalid(nameof(Request.LastName), "กรุณากรอกนามสกุลตามบัตรประชาชน / Enter your last name as on your ID card (in Thai).");
            }

            if (request is not { BirthDay: { } day, BirthMonth: { } month, BirthYear: { } year }
                || !ThaiDates.TryParseDopaDate(FormattableString.Invariant($"{year:D4}{month:D2}{day:D2}"), out _) || year < 2400)
            {
                return Error.Invalid(nameof(Request.BirthDay), "กรุณากรอกวันเกิดตามบัตร ปีเป็นพุทธศักราช เช่น 15 8 2530 / Enter your birth date as on the card, the year in the Buddhist Era (e.g. 15 8 2530).");
            }

            dopaBirthDate = FormattableString.Invariant($"{year:D4}{month:D2}{day:D2}");
            var laser = request.Laser?.Replace("-", string.Empty, StringComparison.Ordinal).Trim() ?? string.Empty;
            if (laser.Length != 12 || !laser[..2].All(char.IsAsciiLetter) || !laser[2..].All(char.IsAsciiDigit))
            {
                return Error.Invalid(nameof(Request.Laser), "รหัสหลังบัตรมี 2 ตัวอักษรและ 10 ตัวเลข เช่น ME1-2345678-90 / The laser code on the back of the card is 2 letters and 10 digits, e.g. ME1-2345678-90.");
            }

            return null;
        }

        private static bool IsEmail(string email)
            => email.Length is > 3 and <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);
    }
}
