using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Notifications.Contracts;
using OneStop.Notifications.Data;
using OneStop.Notifications.Sending;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Notifications.Tests.Http;

public sealed class NotifyTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notify_SameDedupeKey16TimesAtOnce_StoresOneNotificationAndSendsOneMail()
    {
        var subject = Guid.NewGuid().ToString();
        var email = $"{subject}@example.test";

        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => app.NotifyAsync(new(subject, email), "licensing:approved:LC-16"), Ct)));
        await app.DispatchOutboxAsync();
        await app.DispatchOutboxAsync();

        Assert.Single(ids.Distinct());
        var stored = Assert.Single(await app.NotificationsOfAsync(subject));
        Assert.Equal(ids[0], stored.Id);
        Assert.Single(app.Mail.To(email));
        Assert.Equal(1, await QueuedEventsForAsync(stored.Id));
    }

    [Fact]
    public async Task Notify_Repeated_ReturnsTheFirstIdAndDoesNotSendAgain()
    {
        var subject = Guid.NewGuid().ToString();
        var email = $"{subject}@example.test";
        var first = await app.NotifyAsync(new(subject, email), "repeat", TestTemplates.Values("LC-R1"));
        await app.DispatchOutboxAsync();

        var again = await app.NotifyAsync(new(subject, email), "repeat", TestTemplates.Values("LC-R1", "changed meanwhile"));
        await app.DispatchOutboxAsync();

        Assert.Equal(first, again);
        Assert.Single(app.Mail.To(email));
        Assert.DoesNotContain("changed meanwhile", Assert.Single(await app.NotificationsOfAsync(subject)).BodyTh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_SameDedupeKeyForTwoPeople_NotifiesBoth()
    {
        var a = Guid.NewGuid().ToString();
        var b = Guid.NewGuid().ToString();

        var first = await app.NotifyAsync(new(a), "shared-event");
        var second = await app.NotifyAsync(new(b), "shared-event");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Notify_InThai_SendsMailOverSmtpInThaiWithEnglishBelowAndRecordsItSent()
    {
        var subject = Guid.NewGuid().ToString();
        var email = $"{subject}@example.test";
        var id = await app.NotifyAsync(new(subject, email, NotificationLanguage.Thai), "thai", TestTemplates.Values("LC-TH1", "อนุมัติ"));
        Assert.Equal(EmailStatus.Queued, Assert.Single(await app.NotificationsOfAsync(subject)).EmailStatus);

        await app.DispatchOutboxAsync();

        var mail = Assert.Single(app.Mail.To(email));
        Assert.Equal("คำขอ LC-TH1 เปลี่ยนสถานะ", mail.Subject);
        var text = (mail.TextBody ?? string.Empty).ReplaceLineEndings("\n");
        Assert.StartsWith("คำขอเลขที่ LC-TH1 ของคุณอยู่ในสถานะ \"อนุมัติ\" แล้ว", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Your application LC-TH1 is now", StringComparison.Ordinal) > text.IndexOf(NotificationMail.Separator, StringComparison.Ordinal));
        var stored = Assert.Single(await app.NotificationsOfAsync(subject));
        Assert.Equal(id, stored.Id);
        Assert.Equal(EmailStatus.Sent, stored.EmailStatus);
        Assert.Equal(1, stored.EmailAttempts);
        Assert.NotNull(stored.EmailSentAt);
    }

    [Fact]
    public async Task Notify_InEnglish_SendsMailInEnglishWithThaiBelow()
    {
        var subject = Guid.NewGuid().ToString();
        var email = $"{subject}@example.test";
        await app.NotifyAsync(new(subject, email, NotificationLanguage.English), "english", TestTemplates.Values("LC-EN1", "approved"));

        await app.DispatchOutboxAsync();

        var mail = Assert.Single(app.Mail.To(email));
        Assert.Equal("Application LC-EN1 changed", mail.Subject);
        var text = (mail.TextBody ?? string.Empty).ReplaceLineEndings("\n");
        Assert.StartsWith("Your application LC-EN1 is now \"approved\".", text, StringComparison.Ordinal);
        Assert.Contains("ภาษาไทย\n\nคำขอ LC-EN1 เปลี่ยนสถานะ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendEmail_DeliveredAgainAfterSending_DoesNotSendTwice()
    {
        var subject = Guid.NewGuid().ToString();
        var email = $"{subject}@example.test";
        var id = await app.NotifyAsync(new(subject, email), "redelivered");
        await app.DispatchOutboxAsync();

        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IIntegrationEventHandler<NotificationEmailQueued>>().HandleAsync(Guid.NewGuid(), new NotificationEmailQueued(id), Ct);
            return 0;
        });

        Assert.Single(app.Mail.To(email));
        Assert.Equal(1, Assert.Single(await app.NotificationsOfAsync(subject)).EmailAttempts);
    }

    [Fact]
    public async Task Notify_WithoutEmail_IsInAppOnly()
    {
        var subject = Guid.NewGuid().ToString();

        var id = await app.NotifyAsync(new(subject), "in-app");

        Assert.Equal(EmailStatus.None, Assert.Single(await app.NotificationsOfAsync(subject)).EmailStatus);
        Assert.Equal(0, await QueuedEventsForAsync(id));
    }

    [Fact]
    public async Task Notify_UnknownTemplate_ThrowsAndStoresNothing()
    {
        var subject = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => app.NotifyAsync(new(subject), "unknown", template: "tests.no-such-template"));

        Assert.Contains("tests.no-such-template", error.Message, StringComparison.Ordinal);
        Assert.Empty(await app.NotificationsOfAsync(subject));
    }

    [Fact]
    public async Task Notify_MissingPlaceholderValue_ThrowsAndStoresNothing()
    {
        var subject = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => app.NotifyAsync(
            new(subject, "x@example.test"), "missing", new Dictionary<string, string> { ["applicationNumber"] = "LC-M1" }));

        Assert.Contains("{status}", error.Message, StringComparison.Ordinal);
        Assert.Empty(await app.NotificationsOfAsync(subject));
    }

    [Fact]
    public async Task Notify_ValuesMakeTheSubjectTooLong_ThrowsAndStoresNothing()
    {
        var subject = Guid.NewGuid().ToString();

        await Assert.ThrowsAsync<ArgumentException>(() => app.NotifyAsync(new(subject), "long", TestTemplates.Values(new string('9', 1001))));

        Assert.Empty(await app.NotificationsOfAsync(subject));
    }

    [Theory]
    [InlineData("", "x@example.test", "th", "key")]
    [InlineData("s", "not an address", "th", "key")]
    [InlineData("s", null, "fr", "key")]
    [InlineData("s", null, "th", "")]
    public async Task Notify_MalformedRecipientOrKey_Throws(string subject, string? email, string language, string dedupeKey)
        => await Assert.ThrowsAsync<ArgumentException>(() => app.NotifyAsync(new(subject, email, language), dedupeKey));

    private Task<int> QueuedEventsForAsync(Guid id)
        => app.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().OutboxMessages
            .CountAsync(m => m.Payload.Contains(id.ToString()), Ct));
}
