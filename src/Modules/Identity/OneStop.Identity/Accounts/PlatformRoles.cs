using Microsoft.AspNetCore.Identity;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Roles on the platform itself (such as <see cref="Roles.Admin"/>: reference data and the exchange's
/// directory), kept as account claims and released with the <c>roles</c> scope.
/// </summary>
internal static class PlatformRoles
{
    public static async Task<IReadOnlyList<string>> OfAsync(UserManager<Account> users, Account account)
        => [.. (await users.GetClaimsAsync(account)).Where(c => c.Type == PlatformClient.RoleClaim).Select(c => c.Value)];

    public static Task<IdentityResult> GrantAsync(UserManager<Account> users, Account account, string role)
        => users.AddClaimAsync(account, new System.Security.Claims.Claim(PlatformClient.RoleClaim, role));
}
