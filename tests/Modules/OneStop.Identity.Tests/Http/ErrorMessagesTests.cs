using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>
/// A form's errors as people read them: every one in the summary and again next to its field, in the
/// chosen language only, and "Error:" before the page's title.
/// </summary>
public sealed partial class ErrorMessagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "ข้าวมันไก่ตอนเที่ยง 2569";

    [Theory]
    [InlineData("th-TH", "ข้อผิดพลาด: ", "รหัสผ่านปัจจุบันไม่ถูกต้อง", "The current password is wrong")]
    [InlineData("en-GB", "Error: ", "The current password is wrong", "รหัสผ่านปัจจุบันไม่ถูกต้อง")]
    public async Task WrongCurrentPassword_IsInTheSummaryAndNextToTheField_InTheChosenLanguageOnly(string language, string prefix, string message, string otherLanguage)
    {
        var page = await ChangePasswordAsync(language, "not my password at all", "ต้มยำกุ้งน้ำข้น 2569");

        Assert.StartsWith(prefix, Title(page), StringComparison.Ordinal);
        Assert.Contains(message, Summary(page), StringComparison.Ordinal);
        var field = FieldError("currentPassword").Match(page);
        Assert.True(field.Success, "no error next to the current password's field");
        Assert.Contains(message, field.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(otherLanguage, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th-TH", "เดาง่ายเกินไป", "too easy to guess")]
    [InlineData("en-GB", "too easy to guess", "เดาง่ายเกินไป")]
    public async Task AWeakNewPassword_SaysWhyInTheChosenLanguageOnly(string language, string message, string otherLanguage)
    {
        var page = await ChangePasswordAsync(language, Password, "password123");

        Assert.Contains(message, Summary(page), StringComparison.Ordinal);
        Assert.Contains(message, FieldError("newPassword").Match(page).Value, StringComparison.Ordinal);
        Assert.DoesNotContain(otherLanguage, page, StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", Summary(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th-TH", "ต้องยาวอย่างน้อย 10 ตัวอักษร")]
    [InlineData("en-GB", "at least 10 characters")]
    public async Task AShortNewPassword_IsExplainedInPeoplesWords_NotTheFrameworksEnglish(string language, string message)
    {
        var page = await ChangePasswordAsync(language, Password, "short");

        Assert.Contains(message, Summary(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageWithoutErrors_HasItsTitleAlone()
    {
        var (dance, _) = await OidcDance.RegisterAsync(app, "errors", Password);

        var page = await dance.Browser.GetStringAsync("/Identity/Account/Password");

        Assert.StartsWith("เปลี่ยนรหัสผ่าน", Title(page), StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", page, StringComparison.Ordinal);
    }

    private async Task<string> ChangePasswordAsync(string language, string current, string next)
    {
        var (dance, _) = await OidcDance.RegisterAsync(app, "errors", Password);
        dance.Browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await dance.SubmitAsync("/Identity/Account/Password", new() { ["CurrentPassword"] = current, ["NewPassword"] = next });
        return await response.Content.ReadAsStringAsync();
    }

    private static string Title(string page) => TitleElement().Match(page).Groups[1].Value;

    private static string Summary(string page)
    {
        var match = SummaryElement().Match(page);
        Assert.True(match.Success, "no error summary");
        return match.Value;
    }

    /// <summary>The message just before the field, and the field pointing at it and marked invalid.</summary>
    private static Regex FieldError(string id)
        => new($"<p class=\"error-message\" id=\"{id}-error\">(?:(?!</p>).)*</p>\\s*<input[^>]*id=\"{id}\"[^>]*aria-describedby=\"{id}-error[^>]*aria-invalid=\"true\"", RegexOptions.Singleline);

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleElement();

    [GeneratedRegex("<div class=\"error-summary\"[\\s\\S]*?</div>")]
    private static partial Regex SummaryElement();
}
