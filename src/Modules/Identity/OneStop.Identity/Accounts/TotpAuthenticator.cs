using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using QRCoder;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Authenticator apps (TOTP, RFC 6238): a shared key kept in ASP.NET Core Identity's token store,
/// codes checked with Otp.NET, one step either side for clock drift, and each code accepted once.
/// </summary>
internal sealed class TotpAuthenticator(UserManager<Account> users, TimeProvider clock)
{
    private const string Provider = "[OneStop]";
    private const string LastStep = "totp_last_step";

    /// <summary>The account's key (base32), made on first use.</summary>
    public async Task<string> KeyAsync(Account account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }

        return key!;
    }

    /// <summary>What authenticator apps scan.</summary>
    public static string Uri(string accountName, string key)
        => $"otpauth://totp/OneStop:{System.Uri.EscapeDataString(accountName)}?secret={key}&issuer=OneStop&digits=6&period=30";

    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>The key in groups of four, easier to type than to scan on the phone that shows it.</summary>
    public static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();

    /// <summary>True for a current code not used before; a wrong code counts towards lockout.</summary>
    public async Task<bool> VerifyAsync(Account account, string? code)
    {
        var digits = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (digits.Length != 6 || string.IsNullOrEmpty(key))
        {
            await users.AccessFailedAsync(account);
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            await users.AccessFailedAsync(account);
            return false;
        }

        // A code seen once (by us, or by someone looking over a shoulder) never works again.
        if (long.TryParse(await users.GetAuthenticationTokenAsync(account, Provider, LastStep), CultureInfo.InvariantCulture, out var last) && step <= last)
        {
            return false;
        }

        await users.SetAuthenticationTokenAsync(account, Provider, LastStep, step.ToString(CultureInfo.InvariantCulture));
        await users.ResetAccessFailedCountAsync(account);
        return true;
    }
}
