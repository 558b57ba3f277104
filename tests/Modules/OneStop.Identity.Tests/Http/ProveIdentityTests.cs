using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Accounts;
using OneStop.SyntheticData;
using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>An e-mail-only account proves who the person is with the ID card later, by the registry check registration uses.</summary>
public sealed class ProveIdentityTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/Identity/Account/ProveIdentity";
    private const string Password = "ส้มตำไทยไม่ใส่ปู 2569";

    private static SyntheticCitizen Documented(int index)
        => new SyntheticDataGenerator(42).Generate(60, 10).Citizens.Single(c => c.CitizenId.Value == SyntheticDataGenerator.DocumentedCitizenIds[index]);

    private static Dictionary<string, string> CardFields(SyntheticCitizen citizen, string? laser = null) => new()
    {
        ["CitizenId"] = citizen.CitizenId.Value, ["FirstName"] = citizen.GivenNameTh, ["LastName"] = citizen.FamilyNameTh,
        ["BirthDay"] = citizen.BirthDate.Day.ToString(CultureInfo.InvariantCulture), ["BirthMonth"] = citizen.BirthDate.Month.ToString(CultureInfo.InvariantCulture),
        ["BirthYear"] = (citizen.BirthDate.Year + 543).ToString(CultureInfo.InvariantCulture), ["Laser"] = laser ?? citizen.IdCard!.LaserCode,
    };

    private Task<Account?> FindAsync(string email)
        => app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email));

    [Fact]
    public async Task Companies_WithoutAVerifiedCitizenId_LinksToProvingIt()
    {
        var (dance, _) = await OidcDance.RegisterAsync(app, "prove", Password);

        var html = await dance.Browser.GetStringAsync("/Identity/Account/Companies");

        Assert.Contains($"href=\"{Page}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRightCardDetails_MakeTheAccountProvedWithTheRegistrysName()
    {
        var citizen = Documented(4);
        var (dance, email) = await OidcDance.RegisterAsync(app, "prove", Password);

        var response = await dance.SubmitAsync(Page, CardFields(citizen));

        Assert.Equal("/Identity/Account", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("ยืนยันตัวตนด้วยบัตรประชาชนแล้ว", html, StringComparison.Ordinal);
        Assert.Contains($"{citizen.GivenNameTh} {citizen.FamilyNameTh}", html, StringComparison.Ordinal);
        var account = await FindAsync(email);
        Assert.Equal("ial2", account!.IdentityLevel);
        Assert.Equal(citizen.CitizenId.Value, account.CitizenId);
        Assert.DoesNotContain($"href=\"{Page}\"", await dance.Browser.GetStringAsync("/Identity/Account/Companies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongLaserCode_IsRefusedWithoutNamingTheField_AndTheAccountStaysUnproved()
    {
        var citizen = Documented(5);
        var laser = citizen.IdCard!.LaserCode;
        var wrong = laser[..^1] + ((laser[^1] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);
        var (dance, email) = await OidcDance.RegisterAsync(app, "prove", Password);

        var html = await (await dance.SubmitAsync(Page, CardFields(citizen, wrong))).Content.ReadAsStringAsync();

        Assert.Contains("ข้อมูลไม่ตรงกับบัตรประชาชนในทะเบียนราษฎร", html, StringComparison.Ordinal);
        Assert.Contains("<title>ข้อผิดพลาด: ", html, StringComparison.Ordinal);
        var account = await FindAsync(email);
        Assert.Equal("ial1", account!.IdentityLevel);
        Assert.Null(account.CitizenId);
    }

    [Fact]
    public async Task ACitizenIdThatHasAnAccountAlready_IsRefused()
    {
        // The first documented citizen is the demo person, who has an account.
        var (dance, email) = await OidcDance.RegisterAsync(app, "prove", Password);

        var html = await (await dance.SubmitAsync(Page, CardFields(Documented(0)))).Content.ReadAsStringAsync();

        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Null((await FindAsync(email))!.CitizenId);
    }
}
