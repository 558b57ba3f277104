using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Work done for a login that names no account, so that answering it takes as long as answering a wrong
/// password: otherwise the time taken (a few milliseconds against tens) tells who has a Digital ID.
/// </summary>
internal static class UnknownAccounts
{
    private static readonly Account Nobody = new() { UserName = "nobody" };

    private static string? hashOfNothing;

    /// <summary>Checks <paramref name="password"/> against a hash made with the same hasher and settings as real ones.</summary>
    public static void SpendAsMuchAsAPasswordCheck(IPasswordHasher<Account> hasher, string? password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var hash = hashOfNothing ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(Nobody, hash, password ?? string.Empty);
    }
}
