using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;

namespace OneStop.Notifications.Tests.Http;

public sealed class OutboxPageTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    [Fact]
    public async Task Outbox_InTesting_ListsEveryMailWithRecipientSubjectBodyAndStatus()
    {
        var subject = Guid.NewGuid().ToString();
        var email = $"{subject}@example.test";
        await app.NotifyAsync(new(subject, email), "outbox-page", TestTemplates.Values("LC-OB1"));
        await app.DispatchOutboxAsync();
        await app.NotifyAsync(new(subject, email), "outbox-page-2", TestTemplates.Values("LC-OB2"));
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri("/Notifications/Outbox", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.Contains("คำขอ LC-OB1 เปลี่ยนสถานะ", html, StringComparison.Ordinal);
        Assert.Contains("Your application LC-OB1 is now", html, StringComparison.Ordinal);
        Assert.Contains("ส่งแล้ว", html, StringComparison.Ordinal);
        Assert.Contains("รอส่ง", html, StringComparison.Ordinal);
    }
}

/// <summary>The app as it runs in production (what production's start-up checks need is set).</summary>
public sealed class ProductionAppFactory : NotificationsAppFactory
{
    private static readonly Lazy<IReadOnlyDictionary<string, string?>> ProductionSettings = new(() =>
    {
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new Dictionary<string, string?>
        {
            ["Platform:PublicOrigin"] = "https://onestop.example",
            ["Identity:SigningKeys:0"] = signing.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKeys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
    });

    protected override IReadOnlyDictionary<string, string?> Settings => ProductionSettings.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class OutboxPageInProductionTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Outbox_InProduction_Is404AndShowsNoMail()
    {
        var subject = Guid.NewGuid().ToString();
        await app.NotifyAsync(new(subject, $"{subject}@example.test"), "outbox-production", TestTemplates.Values("LC-PROD1"));
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/Notifications/Outbox", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("LC-PROD1", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
