using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MimeKit;
using OneStop.SharedKernel.Mail;

namespace OneStop.SharedKernel.Tests.Mail;

/// <summary>Without an SMTP server, e-mail is kept as .eml files that any mail program (and MimeKit) reads back intact.</summary>
public sealed class MailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"onestop-mail-{Guid.NewGuid():N}");

    [Fact]
    public async Task WithoutAnSmtpHost_EachMessageIsAnEmlFile_ThaiIntact()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:PickupDirectory"] = folder,
            ["Mail:From"] = "OneStop <no-reply@onestop.test>",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development })
            .AddMail(settings)
            .BuildServiceProvider();

        await services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail("somchai@example.test", "ตั้งรหัสผ่านใหม่", "สวัสดีครับ\nhttps://onestop.test/x?a=1&b=2"), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("ตั้งรหัสผ่านใหม่", message.Subject);
        Assert.Equal("somchai@example.test", message.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@onestop.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("สวัสดีครับ\nhttps://onestop.test/x?a=1&b=2", message.TextBody?.ReplaceLineEndings("\n").TrimEnd());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
