using OneStop.Identity.Accounts;

namespace OneStop.Identity.Tests.Http;

/// <summary>
/// Registration answers by mail (real SMTP, through the outbox): a new address gets a link to confirm it,
/// a taken one a note that it has an account; the page says the same either way.
/// </summary>
public sealed class RegistrationMailTests(MailAppFactory app) : IClassFixture<MailAppFactory>
{
    private const string Password = "ผัดไทยกุ้งสด 2569";

    private async Task RegisterAsync(OidcDance dance, string email, string password = Password, string? returnUrl = null)
    {
        var page = "/Identity/Account/Register" + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var html = await (await dance.SubmitAsync(page, new() { ["Email"] = email, ["Password"] = password })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"check-mail\"", html, StringComparison.Ordinal);
        await app.DispatchOutboxAsync();
    }

    [Fact]
    public async Task NewAddress_GetsAConfirmationLinkThatLeadsBackWhereThePersonWasGoing()
    {
        var dance = new OidcDance(app);
        var email = $"mail-{Guid.NewGuid():N}@example.test";

        await RegisterAsync(dance, email, returnUrl: "/Exchange/MyData");

        var (message, link) = app.Mail.SingleLinkTo(email, AccountMail.ConfirmPath);
        Assert.Contains("Confirm your Digital ID e-mail address", message.Subject, StringComparison.Ordinal);
        Assert.Equal(SharedKernel.Hosting.PublicOrigin.DevelopmentDefault, link.GetLeftPart(UriPartial.Authority)); // the configured origin, not the Host header
        var confirmed = await dance.SubmitAsync(link.PathAndQuery, new() { ["Password"] = Password });
        Assert.Equal("/Exchange/MyData", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TakenAddress_GetsANoteWithNoLinkToConfirm_AndRepeatsSendNothingMoreForAWhile()
    {
        await RegisterAsync(new OidcDance(app), OidcDance.DemoEmail, "a different password 2569");
        await RegisterAsync(new OidcDance(app), OidcDance.DemoEmail, "yet another password 2569");

        var message = Assert.Single(app.Mail.To(OidcDance.DemoEmail));
        Assert.Contains("You already have a Digital ID", message.Subject, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/ForgotPassword", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountMail.ConfirmPath, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInUnconfirmed_SendsANewLink_AndAPasswordResetConfirmsTheAddress()
    {
        var email = $"late-{Guid.NewGuid():N}@example.test";
        await RegisterAsync(new OidcDance(app), email);
        Assert.Single(app.Mail.To(email));

        // Within a few minutes a sign-in sends nothing more (no flooding) but still says what to do.
        var page = await (await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = Password })).Content.ReadAsStringAsync();
        await app.DispatchOutboxAsync();
        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Single(app.Mail.To(email));

        // Whoever can read the mailbox may also reset the password: that shows the address is theirs.
        await new OidcDance(app).SubmitAsync("/Identity/Account/ForgotPassword", new() { ["Login"] = email });
        await app.DispatchOutboxAsync();
        var resetMail = Assert.Single(app.Mail.To(email), m => (m.Subject ?? string.Empty).Contains("Reset your Digital ID password", StringComparison.Ordinal));
        var reset = new Uri(System.Text.RegularExpressions.Regex.Match(resetMail.TextBody ?? string.Empty, @"https?://\S+/Identity/Account/ResetPassword\S+").Value);
        var browser = new OidcDance(app);
        await browser.SubmitAsync(reset.PathAndQuery, new() { ["NewPassword"] = "ข้าวมันไก่ต้ม 2569" });
        var signedIn = await browser.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = "ข้าวมันไก่ต้ม 2569" });
        Assert.Equal("/Identity/Account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
