using System.Net;
using System.Net.Sockets;
using OneStop.Notifications.Data;

namespace OneStop.Notifications.Tests.Http;

/// <summary>The app's mail pointed at a port where no server listens.</summary>
public sealed class NoMailServerAppFactory : NotificationsAppFactory
{
    protected override bool ReadsMail => false;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:Timeout"] = "00:00:05",
    };

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

public sealed class MailFailureTests(NoMailServerAppFactory app) : IClassFixture<NoMailServerAppFactory>
{
    [Fact]
    public async Task SendEmail_ServerUnreachable_RecordsFailedWithTheAttemptAndKeepsTheMessageForLater()
    {
        var subject = Guid.NewGuid().ToString();
        await app.NotifyAsync(new(subject, $"{subject}@example.test"), "unreachable");

        await app.DispatchOutboxAsync();

        var stored = Assert.Single(await app.NotificationsOfAsync(subject));
        Assert.Equal(EmailStatus.Failed, stored.EmailStatus);
        Assert.Equal(1, stored.EmailAttempts);
        Assert.False(string.IsNullOrEmpty(stored.EmailError));
        Assert.Null(stored.EmailSentAt);
    }
}
