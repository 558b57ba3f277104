using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Identity.Accounts;

/// <summary>The details printed on a Thai ID card that the population registry can confirm; the birth year is Buddhist Era.</summary>
internal sealed record IdCard(string? CitizenId, string? FirstName, string? LastName, int? BirthDay, int? BirthMonth, int? BirthYear, string? Laser);

/// <summary>
/// Proves a person's identity (IAL2) from their ID card's details, checked against the population registry
/// through the exchange, for registration and for an e-mail-only account proving itself later alike.
/// </summary>
internal sealed class IdCardCheck(UserManager<Account> users, RegistryClient registry, IMemoryCache attempts, TimeProvider clock)
{
    /// <summary>Failed card checks allowed per citizen ID and hour, whichever form made them, so that the check cannot be used to guess a card.</summary>
    public const int AttemptsPerHour = 5;

    /// <summary>
    /// Checks <paramref name="card"/> with the registry and, when it matches and no other account has the citizen ID,
    /// gives <paramref name="account"/> the registry's names and IAL2. The caller saves the account.
    /// </summary>
    public async Task<Error?> ProveAsync(Account account, IdCard card, string purpose, CancellationToken cancellationToken)
    {
        if (Problem(card, out var dopaBirthDate) is { } problem)
        {
            return problem;
        }

        var citizenId = ThaiCitizenId.Parse(card.CitizenId!.Trim(), CultureInfo.InvariantCulture).Value;
        var failures = attempts.GetOrCreate("card-check:" + citizenId, e => { e.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1); return new int[1]; })!;
        if (Volatile.Read(ref failures[0]) >= AttemptsPerHour)
        {
            return new Error("account.card_check_limit", Bilingual.Pick("ตรวจสอบบัตรไม่ผ่านหลายครั้งเกินไป กรุณาลองใหม่ในอีก 1 ชั่วโมง", "Too many failed card checks; try again in an hour."), ErrorKind.Forbidden);
        }

        var check = new RegistryClient.CardCheck(citizenId, card.FirstName!.Trim(), card.LastName!.Trim(), dopaBirthDate!, card.Laser!.Trim());
        switch (await registry.CheckCardAsync(check, purpose, cancellationToken))
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
        return null;
    }

    /// <summary>What is wrong with the card's details as typed, before the registry is asked; null when nothing.</summary>
    public static Error? Problem(IdCard card, out string? dopaBirthDate)
    {
        dopaBirthDate = null;
        var problem = ThaiCitizenId.Check(card.CitizenId?.Trim());
        if (problem != ThaiIdProblem.None)
        {
            return Error.Invalid(nameof(IdCard.CitizenId), Bilingual.Pick(
                "เลขประจำตัวประชาชนไม่ถูกต้อง กรุณาตรวจสอบทั้ง 13 หลักอีกครั้ง", "The citizen ID is not valid: " + ThaiCitizenId.Describe(problem)));
        }

        if (string.IsNullOrWhiteSpace(card.FirstName))
        {
            return Error.Invalid(nameof(IdCard.FirstName), Bilingual.Pick("กรุณากรอกชื่อตามบัตรประชาชน", "Enter your first name as on your ID card (in Thai)."));
        }

        if (string.IsNullOrWhiteSpace(card.LastName))
        {
            return Error.Invalid(nameof(IdCard.LastName), Bilingual.Pick("กรุณากรอกนามสกุลตามบัตรประชาชน", "Enter your last name as on your ID card (in Thai)."));
        }

        if (card is not { BirthDay: { } day, BirthMonth: { } month, BirthYear: { } year }
            || !ThaiDates.TryParseDopaDate(FormattableString.Invariant($"{year:D4}{month:D2}{day:D2}"), out _) || year < 2400)
        {
            return Error.Invalid(nameof(IdCard.BirthDay), Bilingual.Pick(
                "กรุณากรอกวันเกิดตามบัตร ปีเป็นพุทธศักราช เช่น 15 8 2530", "Enter your birth date as on the card, the year in the Buddhist Era (e.g. 15 8 2530)."));
        }

        dopaBirthDate = FormattableString.Invariant($"{year:D4}{month:D2}{day:D2}");
        var laser = card.Laser?.Replace("-", string.Empty, StringComparison.Ordinal).Trim() ?? string.Empty;
        if (laser.Length != 12 || !laser[..2].All(char.IsAsciiLetter) || !laser[2..].All(char.IsAsciiDigit))
        {
            return Error.Invalid(nameof(IdCard.Laser), Bilingual.Pick(
                "รหัสหลังบัตรมี 2 ตัวอักษรและ 10 ตัวเลข เช่น ME1-2345678-90", "The laser code on the back of the card is 2 letters and 10 digits, e.g. ME1-2345678-90."));
        }

        return null;
    }

    private static Error Unavailable() => new("account.registry_unavailable", Bilingual.Pick(
        "ระบบทะเบียนราษฎรไม่ตอบในขณะนี้ กรุณาลองใหม่ภายหลัง", "The population registry cannot be reached just now; try again later."), ErrorKind.Conflict);
}
