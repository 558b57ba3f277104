using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Data;
using OneStop.Identity.Server;
using OneStop.Testing;
using OpenIddict.Abstractions;

namespace OneStop.Identity.Tests.Http;

/// <summary>Ended sessions and dead tokens are deleted; live ones are kept.</summary>
public sealed class HousekeepingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DeletesEndedSessions_AndKeepsLiveOnes()
    {
        var (_, email) = await OidcDance.RegisterAsync(app, "housekeeping", "แกงเขียวหวานไก่ 2569");
        var second = new OidcDance(app);
        await second.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = "แกงเขียวหวานไก่ 2569" });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigitalIdDbContext>();
        var accountId = await db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
        var sessions = await db.BrowserSessions.Where(s => s.AccountId == accountId).OrderBy(s => s.CreatedAt).Select(s => s.Id).ToListAsync();
        Assert.Equal(2, sessions.Count);
        await db.BrowserSessions.Where(s => s.Id == sessions[0]).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));

        var result = await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunAsync(default);

        Assert.True(result.Sessions >= 1);
        Assert.Equal([sessions[1]], await db.BrowserSessions.Where(s => s.AccountId == accountId).Select(s => s.Id).ToListAsync());
        Assert.True(await IsSignedInAsync(second));
    }

    [Fact]
    public async Task PrunesTokensThatStoppedWorkingLongerAgoThanARefreshTokenLives_AndKeepsRecentOnes()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var old = await tokens.CreateAsync(Token(created: DateTimeOffset.UtcNow.AddDays(-30), status: OpenIddictConstants.Statuses.Redeemed));
        var recent = await tokens.CreateAsync(Token(created: DateTimeOffset.UtcNow.AddDays(-1), status: OpenIddictConstants.Statuses.Redeemed));
        var oldId = await tokens.GetIdAsync(old);
        var recentId = await tokens.GetIdAsync(recent);

        var result = await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunAsync(default);

        Assert.True(result.Tokens >= 1);
        await using var after = app.Services.CreateAsyncScope(); // the manager caches what it created for its scope
        var stored = after.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        Assert.Null(await stored.FindByIdAsync(oldId!));
        Assert.NotNull(await stored.FindByIdAsync(recentId!));
    }

    private static OpenIddictTokenDescriptor Token(DateTimeOffset created, string status) => new()
    {
        CreationDate = created, ExpirationDate = created.AddDays(14), Status = status,
        Subject = "housekeeping-test", Type = OpenIddictConstants.TokenTypeHints.RefreshToken,
    };

    private static async Task<bool> IsSignedInAsync(OidcDance dance)
        => (await dance.Browser.GetAsync("/Identity/Account")).StatusCode == System.Net.HttpStatusCode.OK;
}
