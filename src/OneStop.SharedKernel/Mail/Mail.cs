using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OneStop.SharedKernel.Mail;

/// <summary>One plain-text e-mail to one person.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text);

/// <summary>
/// Sends e-mail. Callers that must not lose a message send it from an outbox handler, which retries;
/// a failure here throws.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Section <c>Mail</c>: an SMTP server, or else a folder that collects the messages as .eml files.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "OneStop <no-reply@onestop.invalid>";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Where messages go when no SMTP host is set (development and demos): one .eml file each.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary>MailKit's names: Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

        public string? Username { get; set; }

        public string? Password { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}

/// <summary>Through an SMTP server (MailKit), one connection per message: mail is rare and must not hold a socket.</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.Username))
        {
            await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MailMessages.Build(settings.From, mail), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Into a folder, one .eml file per message, for machines without a mail server.</summary>
internal sealed class PickupDirectoryMailSender(IOptions<MailOptions> options) : IMailSender
{
    /// <summary>Relative to the working directory, as the SQLite file and the archive folder are.</summary>
    public string Folder => Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var message = MailMessages.Build(options.Value.From, mail);
        var file = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellationToken);
    }
}

internal static class MailMessages
{
    public static MimeMessage Build(string from, OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject, Body = new TextPart("plain") { Text = mail.Text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        return message;
    }
}

public static partial class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IMailSender>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
            {
                return ActivatorUtilities.CreateInstance<SmtpMailSender>(sp);
            }

            var pickup = ActivatorUtilities.CreateInstance<PickupDirectoryMailSender>(sp);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MailRegistration));
            if (sp.GetRequiredService<IHostEnvironment>().IsProduction())
            {
                LogNoServer(logger, pickup.Folder);
            }
            else
            {
                LogPickup(logger, pickup.Folder);
            }

            return pickup;
        });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server is configured (Mail:Smtp:Host): e-mail is written to {Folder} and nobody receives it")]
    private static partial void LogNoServer(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is written to {Folder} (set Mail:Smtp:Host to send it)")]
    private static partial void LogPickup(ILogger logger, string folder);
}
