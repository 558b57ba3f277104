using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace OneStop.Testing;

/// <summary>A real SMTP server on 127.0.0.1 (netDumbster) that keeps what the app sends, for tests to read.</summary>
public sealed class TestMailServer : IDisposable
{
    private readonly SimpleSmtpServer server;

    public TestMailServer()
    {
        // Pick a free loopback port ourselves: netDumbster's own choice probes every interface.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
    }

    public int Port { get; }

    /// <summary>The settings that point the app's mail at this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    /// <summary>Every message received so far for <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. server.ReceivedEmail
            .Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];

    /// <summary>The one message sent to <paramref name="address"/> so far, and the first link in it to <paramref name="path"/>.</summary>
    public (MimeMessage Message, Uri Link) SingleLinkTo(string address, string path)
    {
        var messages = To(address);
        if (messages.Count != 1)
        {
            throw new InvalidOperationException($"{messages.Count} messages to {address}, not one.");
        }

        var link = System.Text.RegularExpressions.Regex.Matches(messages[0].TextBody ?? string.Empty, @"https?://\S+")
            .Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in the message to {address}.");
        return (messages[0], link);
    }

    public void Dispose() => server.Dispose();
}
