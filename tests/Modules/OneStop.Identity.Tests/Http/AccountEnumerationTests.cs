using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Accounts;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>The app with a password hasher that counts its checks.</summary>
public sealed class CountingHasherAppFactory : AppFactory
{
    internal CountingHasher Hasher { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IPasswordHasher<Account>>(Hasher);
}

internal sealed class CountingHasher : IPasswordHasher<Account>
{
    private readonly PasswordHasher<Account> real = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(Account user, string password) => real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// Nobody learns from the sign-in page whether a Digital ID exists: an unknown login, a wrong password
/// and a locked account answer alike, after the same work.
/// </summary>
public sealed partial class AccountEnumerationTests(CountingHasherAppFactory app) : IClassFixture<CountingHasherAppFactory>
{
    private const string Password = "ผัดไทยกุ้งสด 2569";

    private async Task<string> SignInAsync(string login, string password)
    {
        var page = await (await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = login, ["Password"] = password })).Content.ReadAsStringAsync();
        // Without what differs on every showing (antiforgery token, passkey challenge) or echoes the input.
        return RandomValue().Replace(page, string.Empty).Replace(login, "LOGIN", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownLogin_ChecksAPasswordAsARealAccountDoes()
    {
        var (_, email) = await OidcDance.RegisterAsync(app, "enum-work", Password);

        var before = app.Hasher.Verifications;
        await SignInAsync($"nobody-{Guid.NewGuid():N}@example.test", "wrong password here");
        var forUnknown = app.Hasher.Verifications - before;
        before = app.Hasher.Verifications;
        await SignInAsync(email, "wrong password here");
        var forKnown = app.Hasher.Verifications - before;

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task UnknownWrongAndLocked_GetTheSamePage()
    {
        var (_, email) = await OidcDance.RegisterAsync(app, "enum-locked", Password);
        var unknown = await SignInAsync($"nobody-{Guid.NewGuid():N}@example.test", "wrong password here");
        var wrong = await SignInAsync(email, "wrong password here");
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(email, "wrong password here");
        }

        var lockedWrong = await SignInAsync(email, "wrong password here");
        var lockedRight = await SignInAsync(email, Password);

        Assert.Contains("หรือรหัสผ่านไม่ถูกต้อง", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedWrong);
        // Only the one who knows the password learns why.
        Assert.Contains("บัญชีถูกล็อกชั่วคราว", lockedRight, StringComparison.Ordinal);
        Assert.DoesNotContain("บัญชีถูกล็อกชั่วคราว", lockedWrong, StringComparison.Ordinal);
    }

    [GeneratedRegex("[A-Za-z0-9_+/=-]{20,}")]
    private static partial Regex RandomValue();
}
