using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Identity.Accounts;

/// <summary>
/// An e-mail-only account (IAL1) proves who the person is with their ID card later: the card's details are
/// checked against the population registry through the exchange exactly as registration checks them, and the
/// account then is at IAL2 and carries the registry's names.
/// </summary>
internal static class ProveIdentity
{
    /// <summary>The ID card's details; the birth year is Buddhist Era.</summary>
    public sealed record Request(string? CitizenId, string? FirstName, string? LastName, int? BirthDay, int? BirthMonth, int? BirthYear, string? Laser);

    internal sealed class Handler(UserManager<Account> users, RegistryClient registry, IMemoryCache attempts, TimeProvider clock)
    {
        public async Task<Result<Account>> HandleAsync(Account account, Request request, CancellationToken cancellationToken)
        {
            if (account.IdentityLevel == IdentityLevels.Ial2)
            {
                return Error.Conflict("account.proved_already", Bilingual.Pick("บัญชีนี้ยืนยันตัวตนด้วยบัตรประชาชนแล้ว", "This account is proved with an ID card already."));
            }

            if (CardProblem(request, out var dopaBirthDate) is { } problem)
            {
                return problem;
            }

            var citizenId = ThaiCitizenId.Parse(request.CitizenId!.Trim(), CultureInfo.InvariantCulture).Value;
            // The same counter as registration's, so that the two forms together allow no more guesses at a card.
            var failures = attempts.GetOrCreate("card-check:" + citizenId, e => { e.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1); return new int[1]; })!;
            if (Volatile.Read(ref failures[0]) >= RegisterAccount.CardCheckAttemptsPerHour)
            {
                return new Error("account.card_check_limit", Bilingual.Pick("ตรวจสอบบัตรไม่ผ่านหลายครั้งเกินไป กรุณาลองใหม่ในอีก 1 ชั่วโมง", "Too many failed card checks; try again in an hour."), ErrorKind.Forbidden);
            }

            var purpose = $"digital-id-proofing:{account.Id:N}";
            var card = new RegistryClient.CardCheck(citizenId, request.FirstName!.Trim(), request.LastName!.Trim(), dopaBirthDate!, request.Laser!.Trim());
            switch (await registry.CheckCardAsync(card, purpose, cancellationToken))
            {
                case null:
                    return Unavailable();
                case false:
                    Interlocked.Increment(ref failures[0]);
                    // Never which field: that would let anyone complete a stolen card number field by field.
                    return new Error("account.card_check_failed", Bilingual.Pick(
                        "ข้อมูลไม่ตรงกับบัตรประชาชนในทะเบียนราษฎร กรุณาตรวจสอบอีกครั้ง",
                        "The details do not match an ID card in the population registry; check them and try again."));
            }

            if (await users.Users.AnyAsync(a => a.CitizenId == citizenId && a.Id != account.Id, cancellationToken))
            {
                return Error.Conflict("account.citizen_taken", Bilingual.Pick(
                    "มีบัญชีดิจิทัลไอดีอื่นของเลขประจำตัวประชาชนนี้อยู่แล้ว กรุณาเข้าสู่ระบบด้วยบัญชีนั้น",
                    "Another Digital ID account has this citizen ID already; sign in with that one."));
            }

            if (await registry.GetPersonAsync(citizenId, purpose, cancellationToken) is not { } person)
            {
                return Unavailable();
            }

            account.CitizenId = citizenId;
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
            if (!(await users.UpdateAsync(account)).Succeeded)
            {
                // Another account took this citizen ID at the same moment (the unique index), or the account changed meanwhile.
                return Error.Conflict("account.not_proved", Bilingual.Pick("บันทึกไม่สำเร็จ กรุณาลองใหม่อีกครั้ง", "That could not be saved; please try again."));
            }

            return account;
        }

        private static Error Unavailable() => new("account.registry_unavailable", Bilingual.Pick(
            "ระบบทะเบียนราษฎรไม่ตอบในขณะนี้ กรุณาลองใหม่ภายหลัง", "The population registry cannot be reached just now; try again later."), ErrorKind.Conflict);

        /// <summary>The card's details as registration checks them, before the registry is asked.</summary>
        private static Error? CardProblem(Request request, out string? dopaBirthDate)
        {
            dopaBirthDate = null;
            var problem = ThaiCitizenId.Check(request.CitizenId?.Trim());
            if (problem != ThaiIdProblem.None)
            {
                return Error.Invalid(nameof(Request.CitizenId), Bilingual.Pick(
                    "เลขประจำตัวประชาชนไม่ถูกต้อง กรุณาตรวจสอบทั้ง 13 หลักอีกครั้ง", "The citizen ID is not valid: " + ThaiCitizenId.Describe(problem)));
            }

            if (string.IsNullOrWhiteSpace(request.FirstName))
            {
                return Error.Invalid(nameof(Request.FirstName), Bilingual.Pick("กรุณากรอกชื่อตามบัตรประชาชน", "Enter your first name as on your ID card (in Thai)."));
            }

            if (string.IsNullOrWhiteSpace(request.LastName))
            {
                return Error.Invalid(nameof(Request.LastName), Bilingual.Pick("กรุณากรอกนามสกุลตามบัตรประชาชน", "Enter your last name as on your ID card (in Thai)."));
            }

            if (request is not { BirthDay: { } day, BirthMonth: { } month, BirthYear: { } year }
                || !ThaiDates.TryParseDopaDate(FormattableString.Invariant($"{year:D4}{month:D2}{day:D2}"), out _) || year < 2400)
            {
                return Error.Invalid(nameof(Request.BirthDay), Bilingual.Pick(
                    "กรุณากรอกวันเกิดตามบัตร ปีเป็นพุทธศักราช เช่น 15 8 2530", "Enter your birth date as on the card, the year in the Buddhist Era (e.g. 15 8 2530)."));
            }

            dopaBirthDate = FormattableString.Invariant($"{year:D4}{month:D2}{day:D2}");
            var laser = request.Laser?.Replace("-", string.Empty, StringComparison.Ordinal).Trim() ?? string.Empty;
            if (laser.Length != 12 || !laser[..2].All(char.IsAsciiLetter) || !laser[2..].All(char.IsAsciiDigit))
            {
                return Error.Invalid(nameof(Request.Laser), Bilingual.Pick(
                    "รหัสหลังบัตรมี 2 ตัวอักษรและ 10 ตัวเลข เช่น ME1-2345678-90", "The laser code on the back of the card is 2 letters and 10 digits, e.g. ME1-2345678-90."));
            }

            return null;
        }
    }
}
