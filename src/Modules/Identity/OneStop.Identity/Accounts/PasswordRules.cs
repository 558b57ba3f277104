using Microsoft.AspNetCore.Identity;
using OneStop.SharedKernel;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Passwords as NIST SP 800-63B asks: long enough, no composition rules, and not one that attackers
/// try first (common passwords, repeated or sequential characters, the person's own e-mail or ID).
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<Account>
{
    public const int MinimumLength = 10;

    // The most common passwords in public breach corpora and their Thai-keyboard favourites.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword", "p@ssword123",
        "qwerty", "qwertyuiop", "qwerty123", "qwerty1234", "asdfghjkl", "zxcvbnm", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "1qaz2wsx3edc",
        "iloveyou", "iloveyou1", "admin", "admin123", "administrator", "welcome", "welcome1", "welcome123", "letmein", "letmein123",
        "monkey", "dragon", "football", "baseball", "sunshine", "princess", "superman", "starwars", "whatever", "trustno1",
        "abc123", "abcd1234", "abcdefgh", "abcdefghij", "a1b2c3d4", "aa123456", "changeme", "secret", "secret123", "default",
        "thailand", "thailand1", "bangkok", "bangkok1", "krungthep", "sawasdee", "sawadee", "chiangmai", "pattaya", "phuket",
        "onestop", "onestop123", "government", "digitalid", "thaid", "khonthai", "kanchana", "somchai", "somsak", "malee",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problem = Check(password ?? string.Empty, user.Email, user.CitizenId);
        return Task.FromResult(problem is null ? IdentityResult.Success : IdentityResult.Failed(problem));
    }

    /// <summary>Null when the password is acceptable, else what is wrong with it, in the page's language.</summary>
    public static IdentityError? Check(string password, string? email, string? citizenId)
    {
        if (password.Length < MinimumLength)
        {
            return Error("too_short", Bilingual.Pick($"รหัสผ่านต้องยาวอย่างน้อย {MinimumLength} ตัวอักษร", $"The password must be at least {MinimumLength} characters long."));
        }

        if (password.Length > 128)
        {
            return Error("too_long", Bilingual.Pick("รหัสผ่านยาวเกิน 128 ตัวอักษร", "The password must be at most 128 characters long."));
        }

        var stripped = password.TrimEnd('!', '.', '?', '@', '#', '$', '*');
        var letters = new string(stripped.Where(char.IsLetter).ToArray());
        if (Common.Contains(password) || Common.Contains(stripped) || Common.Contains(StripTrailingDigits(stripped))
            || password.Distinct().Count() <= 3 || IsSequence(password) || (letters.Length >= 6 && Common.Contains(letters)))
        {
            return Error("common", Bilingual.Pick("รหัสผ่านนี้เดาง่ายเกินไป ลองใช้ประโยคหรือหลายคำรวมกัน", "This password is too easy to guess; try a phrase or several words."));
        }

        var local = email?.Split('@')[0];
        if ((local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            || (citizenId is { Length: 13 } && password.Contains(citizenId, StringComparison.Ordinal)))
        {
            return Error("personal", Bilingual.Pick("รหัสผ่านต้องไม่มีอีเมลหรือเลขประจำตัวประชาชนของคุณ", "The password must not contain your e-mail or citizen ID."));
        }

        return null;
    }

    private static string StripTrailingDigits(string value) => value.TrimEnd("0123456789".ToCharArray());

    private static readonly string[] Runs = ["01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

    /// <summary>Runs such as "1234567890", "abcdefghij" or "qwertyuiop", up or down.</summary>
    private static bool IsSequence(string password)
    {
        var lower = password.ToLowerInvariant();
        var reversed = new string(lower.Reverse().ToArray());
        return Runs.Any(run => run.Contains(lower, StringComparison.Ordinal) || run.Contains(reversed, StringComparison.Ordinal));
    }

    private static IdentityError Error(string code, string description) => new() { Code = "password_" + code, Description = description };
}
