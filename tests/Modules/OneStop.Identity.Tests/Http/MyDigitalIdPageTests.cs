using OneStop.Testing;

namespace OneStop.Identity.Tests.Http;

/// <summary>My Digital ID in people's words: how the identity was proved and how this sign-in was made, no IAL/AAL or codes.</summary>
public sealed class MyDigitalIdPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("th-TH", "ยืนยันตัวตนด้วยบัตรประชาชนแล้ว", "รหัสผ่าน")]
    [InlineData("en-GB", "Proved with your ID card", "password")]
    public async Task AProvedPerson_SeesHowInWords_WithoutAssuranceCodes(string language, string proved, string signIn)
    {
        var dance = new OidcDance(app);
        dance.Browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = OidcDance.DemoEmail, ["Password"] = OidcDance.DemoPassword });

        var page = await dance.Browser.GetStringAsync("/Identity/Account");
        var main = page[page.IndexOf("<main", StringComparison.Ordinal)..];

        Assert.Contains(proved, main, StringComparison.Ordinal);
        Assert.Contains(signIn, main, StringComparison.OrdinalIgnoreCase);
        foreach (var jargon in new[] { "IAL", "AAL" })
        {
            Assert.DoesNotContain(jargon, main, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("th-TH", "กรมการปกครอง")]
    [InlineData("en-GB", "Department of Provincial Administration")]
    public async Task AnOfficer_SeesTheirAgencysName_NotItsCode(string language, string agency)
    {
        var dance = new OidcDance(app);
        dance.Browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await dance.SubmitAsync("/Identity/Account/SignIn", new() { ["Login"] = "admin.dopa@demo.onestop.test", ["Password"] = OidcDance.DemoPassword });

        var page = await dance.Browser.GetStringAsync("/Identity/Account");

        Assert.Contains(agency, page, StringComparison.Ordinal);
        Assert.DoesNotContain("13003000", page, StringComparison.Ordinal);
    }
}
