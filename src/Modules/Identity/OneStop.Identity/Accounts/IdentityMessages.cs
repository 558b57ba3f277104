using Microsoft.AspNetCore.Identity;
using OneStop.SharedKernel;

namespace OneStop.Identity.Accounts;

/// <summary>
/// ASP.NET Core Identity's own messages in people's words and the page's language: the framework's are in
/// English only and name its internals ("Passwords must be at least 10 characters", "Invalid token").
/// </summary>
internal sealed class IdentityMessages : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "เกิดข้อผิดพลาด กรุณาลองใหม่อีกครั้ง", "Something went wrong; please try again.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "บัญชีนี้เพิ่งถูกเปลี่ยนจากที่อื่น กรุณาลองใหม่อีกครั้ง", "The account was changed elsewhere just now; please try again.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "รหัสผ่านไม่ถูกต้อง", "The password is wrong.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "ลิงก์นี้หมดอายุหรือใช้ไปแล้ว กรุณาขอลิงก์ใหม่", "This link has expired or was used already; ask for a new one.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "รหัสกู้คืนไม่ถูกต้องหรือใช้ไปแล้ว", "The recovery code is wrong or was used already.");

    public override IdentityError InvalidUserName(string? userName) => InvalidEmail(userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "กรุณากรอกอีเมลที่ถูกต้อง", "Enter a valid e-mail address.");

    public override IdentityError DuplicateUserName(string userName) => DuplicateEmail(userName);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "มีบัญชีที่ใช้อีเมลนี้อยู่แล้ว", "An account with this e-mail address exists already.");

    public override IdentityError PasswordTooShort(int length)
        => Error(nameof(PasswordTooShort), $"รหัสผ่านต้องยาวอย่างน้อย {length} ตัวอักษร", $"The password must be at least {length} characters long.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars)
        => Error(nameof(PasswordRequiresUniqueChars), "รหัสผ่านนี้เดาง่ายเกินไป ลองใช้ประโยคหรือหลายคำรวมกัน", "This password is too easy to guess; try a phrase or several words.");

    private static IdentityError Error(string code, string thai, string english) => new() { Code = code, Description = Bilingual.Pick(thai, english) };
}
