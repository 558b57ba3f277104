using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Changing a password: the current one first, the same rules as registration, other sessions ended.</summary>
public sealed class PasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "แกงเขียวหวานไก่ 2569";
    private const string NewPassword = "ต้มข่าไก่ใส่เห็ด 2569";

    private Task<(OidcDance Dance, string Email)> RegisteredAsync() => OidcDance.RegisterAsync(app, "password", Password);

    private static async Task<string> ChangeAsync(OidcDance dance, string current, string next)
        => await (await dance.SubmitAsync("/Identity/Account/Password", new() { ["CurrentPassword"] = current, ["NewPassword"] = next })).Content.ReadAsStringAsync();

    [Fact]
    public async Task Change_KeepsThisSession_AndTheNewPasswordSignsIn()
    {
        var (dance, email) = await RegisteredAsync();

        var page = await ChangeAsync(dance, Password, NewPassword);

        Assert.Contains("id=\"changed\"", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await dance.Browser.GetAsync("/Identity/Account")).StatusCode);
        var again = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = NewPassword });
        Assert.Equal("/Identity/Account", again.RequestMessage!.RequestUri!.AbsolutePath);
        var old = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });
        Assert.Equal("/Identity/Account/SignIn", old.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Change_WithAWrongCurrentPassword_NamesThatField()
    {
        var (dance, _) = await RegisteredAsync();

        var page = await ChangeAsync(dance, "not my password at all", NewPassword);

        Assert.Contains("href=\"#currentPassword\"", page, StringComparison.Ordinal);
        Assert.Contains("รหัสผ่านปัจจุบันไม่ถูกต้อง", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("short")]
    public async Task Change_ToAWeakPassword_IsRefusedUnderTheRegistrationRules(string weak)
    {
        var (dance, email) = await RegisteredAsync();

        var page = await ChangeAsync(dance, Password, weak);

        Assert.Contains("href=\"#newPassword\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"changed\"", page, StringComparison.Ordinal);
        var stillOld = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password });
        Assert.Equal("/Identity/Account", stillOld.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
