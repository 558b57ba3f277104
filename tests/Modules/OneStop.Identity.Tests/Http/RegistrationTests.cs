using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Accounts;
using OneStop.SyntheticData;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>Registration at IAL1 (e-mail) and IAL2 (ID card checked against the population registry through the exchange).</summary>
public sealed class RegistrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/Identity/Account/Register";
    private const string GoodPassword = "ข้าวเหนียวมะม่วง 2569";

    private static SyntheticCitizen Documented(int index)
        => new SyntheticDataGenerator(42).Generate(60, 10).Citizens.Single(c => c.CitizenId.Value == SyntheticDataGenerator.DocumentedCitizenIds[index]);

    private static Dictionary<string, string> CardFields(SyntheticCitizen citizen, string? laser = null) => new()
    {
        ["CitizenId"] = citizen.CitizenId.Value, ["FirstName"] = citizen.GivenNameTh, ["LastName"] = citizen.FamilyNameTh,
        ["BirthDay"] = citizen.BirthDate.Day.ToString(CultureInfo.InvariantCulture), ["BirthMonth"] = citizen.BirthDate.Month.ToString(CultureInfo.InvariantCulture),
        ["BirthYear"] = (citizen.BirthDate.Year + 543).ToString(CultureInfo.InvariantCulture), ["Laser"] = laser ?? citizen.IdCard!.LaserCode,
    };

    private static string NewEmail() => $"reg-{Guid.NewGuid():N}@example.test";

    private Task<Account?> FindAsync(string email)
        => app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email));

    [Fact]
    public async Task Register_EmailOnly_OpensAnIal1AccountThatSignsInOnlyOnceTheAddressIsConfirmedWithThePassword()
    {
        var dance = new OidcDance(app);
        var email = NewEmail();

        var response = await dance.SubmitAsync(Page, new() { ["Email"] = email, ["Password"] = GoodPassword });

        Assert.Equal(Page, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"check-mail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var account = await FindAsync(email);
        Assert.Equal("ial1", account!.IdentityLevel);
        Assert.Null(account.CitizenId);
        Assert.False(account.EmailConfirmed);

        // Not yet: the right password is told to confirm the address first.
        var signIn = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = GoodPassword });
        Assert.Equal("/Identity/Account/SignIn", signIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ยืนยันอีเมลก่อนเข้าสู่ระบบ", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var link = await OidcDance.ConfirmationLinkAsync(app, email);
        var wrong = await dance.SubmitAsync(link, new() { ["Password"] = "not the password 2569" });
        Assert.Contains("href=\"#password\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await FindAsync(email))!.EmailConfirmed);

        var confirmed = await dance.SubmitAsync(link, new() { ["Password"] = GoodPassword });
        Assert.Equal("/Identity/Account", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ยังไม่ได้ยืนยันตัวตนด้วยบัตรประชาชน", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await FindAsync(email))!.EmailConfirmed);

        // Spent: the link now says so, and the password alone signs in.
        Assert.Contains("id=\"link-dead\"", await dance.Browser.GetStringAsync(link), StringComparison.Ordinal);
        var again = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = email, ["Password"] = GoodPassword });
        Assert.Equal("/Identity/Account", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ConfirmEmail_AlteredOrMissingCode_SaysTheLinkIsDeadAndConfirmsNothing()
    {
        var dance = new OidcDance(app);
        var email = NewEmail();
        await dance.SubmitAsync(Page, new() { ["Email"] = email, ["Password"] = GoodPassword });
        var link = await OidcDance.ConfirmationLinkAsync(app, email);

        Assert.Contains("id=\"link-dead\"", await dance.Browser.GetStringAsync(link[..^4] + "AAAA"), StringComparison.Ordinal);
        Assert.Contains("id=\"link-dead\"", await dance.Browser.GetStringAsync(AccountMail.ConfirmPath + "?account=" + Guid.NewGuid()), StringComparison.Ordinal);
        Assert.False((await FindAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task Register_WithAMatchingCard_OpensAnIal2AccountWithTheRegistrysNamesThroughTheExchange()
    {
        var dance = new OidcDance(app);
        var citizen = Documented(4);
        var email = NewEmail();
        var fields = CardFields(citizen);
        fields["Email"] = email;
        fields["Password"] = GoodPassword;

        var response = await dance.SubmitAsync(Page, fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("id=\"check-mail\"", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(html, "error-summary[\\s\\S]{0,800}").Value);
        var account = await FindAsync(email);
        Assert.Equal("ial2", account!.IdentityLevel);
        Assert.Equal(citizen.CitizenId.Value, account.CitizenId);
        Assert.Equal(citizen.GivenNameEn, account.GivenNameEn);
        Assert.Equal(citizen.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), account.BirthDate);
        Assert.Contains(citizen.Address.Postcode, account.Address!, StringComparison.Ordinal);
        // The card check and the record read went through the exchange as the Digital ID's subsystem, for this registration.
        var logged = await ExchangeLogAsync(account.Id);
        Assert.Equal(["TH/GOV/DOPA/population/card-check", "TH/GOV/DOPA/population/persons"], logged);
    }

    [Fact]
    public async Task Register_WithAWrongLaserCode_SaysTheDetailsDoNotMatchWithoutNamingTheFieldAndCreatesNothing()
    {
        var dance = new OidcDance(app);
        var citizen = Documented(5);
        var email = NewEmail();
        var fields = CardFields(citizen, laser: "ZZ0-0000000-00");
        fields["Email"] = email;
        fields["Password"] = GoodPassword;

        var response = await dance.SubmitAsync(Page, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(Page, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ข้อมูลไม่ตรงกับบัตรประชาชนในทะเบียนราษฎร", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#laser\"", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Register_AfterFiveFailedCardChecksForOneCitizen_RefusesEvenTheRightCardForAnHour()
    {
        var dance = new OidcDance(app);
        var citizen = Documented(6);
        for (var i = 0; i < IdCardCheck.AttemptsPerHour; i++)
        {
            var wrong = CardFields(citizen, laser: $"ZZ0-000000{i}-00");
            wrong["Email"] = NewEmail();
            wrong["Password"] = GoodPassword;
            await dance.SubmitAsync(Page, wrong);
        }

        var right = CardFields(citizen);
        var email = NewEmail();
        right["Email"] = email;
        right["Password"] = GoodPassword;
        var html = await (await dance.SubmitAsync(Page, right)).Content.ReadAsStringAsync();

        Assert.Contains("ตรวจสอบบัตรไม่ผ่านหลายครั้งเกินไป", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(email));
    }

    [Theory]
    [InlineData("short", "ต้องยาวอย่างน้อย 10 ตัวอักษร")]
    [InlineData("password123", "เดาง่ายเกินไป")]
    [InlineData("1234567890", "เดาง่ายเกินไป")]
    [InlineData("aaaaaaaaaaaa", "เดาง่ายเกินไป")]
    public async Task Register_WeakPassword_NamesThePasswordAndCreatesNothing(string password, string message)
    {
        var dance = new OidcDance(app);
        var email = NewEmail();

        var html = await (await dance.SubmitAsync(Page, new() { ["Email"] = email, ["Password"] = password })).Content.ReadAsStringAsync();

        Assert.Contains("href=\"#password\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Register_EmailTaken_AnswersExactlyAsForANewAddressAndOpensNothing()
    {
        var fresh = NewEmail();

        var taken = await (await new OidcDance(app).SubmitAsync(Page, new() { ["Email"] = OidcDance.DemoEmail, ["Password"] = GoodPassword })).Content.ReadAsStringAsync();
        var opened = await (await new OidcDance(app).SubmitAsync(Page, new() { ["Email"] = fresh, ["Password"] = GoodPassword })).Content.ReadAsStringAsync();

        Assert.Equal(Notice(opened).Replace(fresh, "ADDRESS", StringComparison.Ordinal), Notice(taken).Replace(OidcDance.DemoEmail, "ADDRESS", StringComparison.Ordinal));
        Assert.DoesNotContain("sign in instead", taken, StringComparison.OrdinalIgnoreCase);
        // The demo citizen's account is as it was: still signs in with its own password.
        var signIn = await new OidcDance(app).SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });
        Assert.Equal("/Identity/Account", signIn.RequestMessage!.RequestUri!.AbsolutePath);

        static string Notice(string html) => System.Text.RegularExpressions.Regex.Match(html, "<div class=\"notice\" role=\"status\" id=\"check-mail\">[\\s\\S]*?</div>").Value;
    }

    [Fact]
    public async Task Register_BadCitizenIdChecksum_NamesTheField()
    {
        var dance = new OidcDance(app);
        var fields = CardFields(Documented(7));
        fields["CitizenId"] = "1999900000012";
        fields["Email"] = NewEmail();
        fields["Password"] = GoodPassword;

        var html = await (await dance.SubmitAsync(Page, fields)).Content.ReadAsStringAsync();

        Assert.Contains("href=\"#citizenId\"", html, StringComparison.Ordinal);
        Assert.Contains("เลขประจำตัวประชาชนไม่ถูกต้อง", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTheCitizenId_Works()
    {
        var dance = new OidcDance(app);

        var response = await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoCitizenId, ["Password"] = OidcDance.DemoPassword });

        Assert.Equal("/Identity/Account", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ยืนยันตัวตนด้วยบัตรประชาชนแล้ว", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<List<string>> ExchangeLogAsync(Guid accountId)
        => app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OneStop.Exchange.Data.ExchangeDbContext>();
            var purpose = $"digital-id-registration:{accountId:N}";
            return await db.MessageLog.Where(r => r.Client == OneStop.Exchange.Contracts.ExchangeNames.DigitalIdClient && r.Issue == purpose)
                .OrderBy(r => r.Sequence).Select(r => r.Service).ToListAsync();
        });
}
