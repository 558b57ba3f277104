using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OneStop.Agencies.Contracts;
using OneStop.Testing;
using static OneStop.Licensing.Tests.Http.Api;

namespace OneStop.Licensing.Tests.Http;

/// <summary>Counter staff filing for a walk-in through the pages, with the real catalogue.</summary>
public sealed partial class CounterPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string BangkokOffice = "22000000-1001";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Counter(string office = BangkokOffice)
    {
        var client = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, office, OfficerRoleCodes.CounterStaff);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("th-TH");
        return client;
    }

    private static async Task<HttpResponseMessage> PostStartAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(Url("/Licensing/Counter/Start?type=restaurant"), Ct);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        // The start form's own token, not the header's sign-out form's: a browser posts only what is inside the form.
        var startForm = html[html.IndexOf("action=\"?type=", StringComparison.Ordinal)..];
        pairs.Add(new("__RequestVerificationToken", Antiforgery().Match(startForm[..startForm.IndexOf("</form>", StringComparison.Ordinal)]).Groups[1].Value));
        using var form = new FormUrlEncodedContent(pairs);
        return await client.PostAsync(Url("/Licensing/Counter/Start?type=restaurant"), form, Ct);
    }

    private static (string, string)[] WalkIn(string citizenId = LicensingAppFactory.Director, string? juristicId = LicensingAppFactory.Company, bool consent = true)
    {
        var fields = new List<(string, string)>
        {
            ("CitizenId", citizenId), ("Name", "นายทดสอบ ใจดี"), ("IdentityCheck", "chip"), ("Licences", "food-premises-licence"),
            ("Province", "10"), ("District", "1001"),
        };
        if (juristicId is not null)
        {
            fields.Add(("JuristicId", juristicId));
        }

        if (consent)
        {
            fields.Add(("Consent", "true"));
        }

        return [.. fields];
    }

    [Fact]
    public async Task TheCounterPage_IsForCounterStaffOnly()
    {
        using var reviewer = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, BangkokOffice, OfficerRoleCodes.Reviewer);
        using var response = await reviewer.GetAsync(Url("/Licensing/Counter"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("action=\"/Licensing/Counter/Start\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWalkIn_WithoutConsentOrWithABadId_IsRefusedNextToTheField_AndNothingIsStarted()
    {
        using var counter = Counter("22000000-1003");

        using var badId = await PostStartAsync(counter, WalkIn(citizenId: "1234567890123"));
        var html = await badId.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, badId.StatusCode);
        Assert.Contains("<a href=\"#citizenId\">กรอกเลขประจำตัวประชาชน 13 หลักตามบัตร</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"citizenId-error\"", html, StringComparison.Ordinal);

        using var noConsent = await PostStartAsync(counter, WalkIn(consent: false));
        Assert.Contains("ผู้มาติดต่อต้องยินยอมให้ดึงข้อมูลจากทะเบียนก่อน", await noConsent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var list = await counter.GetStringAsync(Url("/Licensing/Counter"), Ct);
        Assert.Contains("ไม่มีคำขอค้างอยู่", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWalkInWhoIsNotASigningDirector_CannotApplyForTheCompany()
    {
        using var counter = Counter();
        using var response = await PostStartAsync(counter, WalkIn(citizenId: "1999900000021"));

        Assert.Contains("ผู้มาติดต่อไม่ใช่กรรมการผู้มีอำนาจลงนามของนิติบุคคลนี้", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWalkInsApplication_IsStarted_AndListedAtTheirCounterOnly()
    {
        using var counter = Counter("22000000-1004");
        using var response = await PostStartAsync(counter, WalkIn());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // redirected to the application, which the counter can work on
        var location = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/Licensing/Applications/[0-9a-f-]{36}$", location);
        Assert.Contains("ดึงข้อมูลจากทะเบียน", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var list = await counter.GetStringAsync(Url("/Licensing/Counter"), Ct);
        Assert.Contains($"href=\"{location}\"", list, StringComparison.Ordinal);
        Assert.Contains("ยังไม่ได้ยื่น", list, StringComparison.Ordinal);

        using var elsewhere = Counter("22000000-1005");
        Assert.DoesNotContain($"href=\"{location}\"", await elsewhere.GetStringAsync(Url("/Licensing/Counter"), Ct), StringComparison.Ordinal);

        // The walk-in later signs in with the Digital ID and finds it among their company's applications.
        using var walkIn = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        using var mine = await walkIn.GetAsync(Url("/api/licensing/applications"), Ct);
        Assert.Contains((await mine.JsonAsync()).EnumerateArray(), a => location.EndsWith(a.GetProperty("id").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCounter_FillsInFromTheRegistries_AndSubmitsWithTheWalkInsDeclaration_ThenTheWalkInFollowsItOnline_AndByEmail()
    {
        using var counter = Counter("22000000-1006");
        var email = $"walk-in-{Guid.NewGuid():N}@example.com";
        using var badEmail = await PostStartAsync(counter, [.. WalkIn(juristicId: null), ("Email", "not an address")]);
        Assert.Contains("<a href=\"#email\">กรอกอีเมลให้ถูกรูปแบบ", await badEmail.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var started = await PostStartAsync(counter, [.. WalkIn(juristicId: null), ("Email", email)]);
        var path = started.RequestMessage!.RequestUri!.AbsolutePath;
        var id = path[(path.LastIndexOf('/') + 1)..];

        using var prefilled = await PostPageAsync(counter, path, "Prefill");
        Assert.Contains("ดึงข้อมูลจากทะเบียนของรัฐแล้ว", await prefilled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var check = await counter.GetStringAsync(Url($"{path}/Check"), Ct);
        Assert.Contains("ผู้มาติดต่อได้อ่านคำขอนี้และรับรองว่าข้อมูลเป็นความจริงทุกประการ", check, StringComparison.Ordinal);
        using var early = await PostPageAsync(counter, $"{path}/Check", null, ("Declaration", "true"));
        Assert.Contains("ยังขาดอยู่", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The walk-in's answers through the counter API, a photo through the documents page, then check and submit.
        using var walkIn = factory.CreateClientAsCitizen(LicensingAppFactory.Director);
        var application = await (await walkIn.GetAsync(Url($"/api/licensing/applications/{id}"), Ct)).JsonAsync();
        var answers = application.GetProperty("answers");
        var left = application.GetProperty("questions").EnumerateArray()
            .Where(q => q.GetProperty("required").GetBoolean() && !answers.TryGetProperty(q.GetProperty("key").GetString()!, out _))
            .ToDictionary(q => q.GetProperty("key").GetString()!, q => q.GetProperty("kind").GetString() switch { "number" => "80", "date" => "2027-01-15", _ => "ร้านทดสอบ" });
        using var saved = await counter.PutAsJsonAsync(Url($"/api/licensing/counter/applications/{id}/answers"), new { answers = left }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        foreach (var document in application.GetProperty("documentsNeeded").EnumerateArray().Where(d => d.GetProperty("required").GetBoolean() && !d.GetProperty("avoided").GetBoolean()))
        {
            var page = await counter.GetStringAsync(Url($"{path}/Documents"), Ct);
            using var upload = new MultipartFormDataContent
            {
                { new StringContent(Antiforgery().Match(page).Groups[1].Value), "__RequestVerificationToken" },
                { new StringContent(document.GetProperty("key").GetString()!), "key" },
                { new ByteArrayContent(Png), "file", "photo.png" },
            };
            using var uploaded = await counter.PostAsync(Url($"{path}/Documents"), upload, Ct);
            Assert.Contains("แนบ", await uploaded.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var submitted = await PostPageAsync(counter, $"{path}/Check", null, ("Declaration", "true"));
        Assert.Equal("/Licensing/Counter", submitted.RequestMessage!.RequestUri!.AbsolutePath);
        var number = application.GetProperty("number").GetString()!;
        Assert.Contains($"ยื่นคำขอ {number} แล้ว", await submitted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var followed = await (await walkIn.GetAsync(Url($"/api/licensing/applications/{id}"), Ct)).JsonAsync();
        Assert.Equal("in-review", followed.GetProperty("status").GetString());
        Assert.Equal("counter", followed.GetProperty("channel").GetString());
        // The walk-in has no account yet: the e-mail they gave at the counter tells them it was submitted.
        await factory.DispatchOutboxAsync();
        var outbox = await counter.GetStringAsync(Url("/Notifications/Outbox"), Ct);
        Assert.Contains(email, outbox, StringComparison.Ordinal);
        Assert.Contains($"ได้รับคำขอ {number} แล้ว", outbox, StringComparison.Ordinal);

        using var gone = await counter.GetAsync(Url(path), Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode); // the counter's part ends at submission
    }

    /// <summary>Posts a page's form (GET first for the antiforgery token), with a handler when given.</summary>
    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string path, string? handler, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(Url(path), Ct);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        pairs.Add(new("__RequestVerificationToken", Antiforgery().Match(html).Groups[1].Value));
        using var form = new FormUrlEncodedContent(pairs);
        return await client.PostAsync(Url(handler is null ? path : $"{path}?handler={handler}"), form, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
