using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OneStop.Agencies.Contracts;
using static OneStop.Licensing.Tests.Http.Api;

namespace OneStop.Licensing.Tests.Http;

public sealed partial class QueuePagesTests(LicensingAppFactory factory) : IClassFixture<LicensingAppFactory>
{
    private const string BangkokOffice = "22000000-1001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] FoodPremises = ["food-premises"];

    private static readonly byte[] Pdf = "%PDF-1.4\n%test floor plan\n"u8.ToArray();

    private HttpClient BangkokReviewer() => factory.CreateClientAsOfficer(LicensingAppFactory.Bma, BangkokOffice, OfficerRoleCodes.Reviewer);

    /// <summary>A food-premises application, answered and submitted through the API; it lands in the Bangkok office's queue.</summary>
    private async Task<(string Id, string Number)> SubmittedAsync()
    {
        using var client = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        using var started = await client.PostAsJsonAsync(Url("/api/licensing/applications"),
            new { businessType = "restaurant", licences = FoodPremises, province = "10", district = "1001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var application = await started.JsonAsync();
        var id = application.GetProperty("id").GetString()!;
        using var prefill = await client.PostAsync(Url($"/api/licensing/applications/{id}/prefill"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, prefill.StatusCode);
        using var answers = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"),
            new { answers = new Dictionary<string, string> { ["seats"] = "40", ["floor_area"] = "120" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, answers.StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "plan.pdf" } };
        using var upload = await client.PutAsync(Url($"/api/licensing/applications/{id}/documents/floor_plan"), form, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        using var submit = await client.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        return (id, application.GetProperty("number").GetString()!);
    }

    private static async Task<string> TaskIdAsync(HttpClient officer, string number)
    {
        using var response = await officer.GetAsync(Url("/api/licensing/tasks"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().Single(t => t.GetProperty("applicationNumber").GetString() == number).GetProperty("id").GetString()!;
    }

    /// <summary>GETs the decision screen and posts its decision form with the token and version it shows (or the version given).</summary>
    private static async Task<HttpResponseMessage> DecideAsync(HttpClient officer, string taskId, Dictionary<string, string> fields, Func<int, int>? version = null, string[]? marked = null)
    {
        var html = await officer.GetStringAsync(Url($"/Licensing/Queue/Task/{taskId}"), Ct);
        var shown = int.Parse(VersionInput().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var pairs = fields.ToList();
        pairs.Add(new("__RequestVerificationToken", Antiforgery().Match(html).Groups[1].Value));
        pairs.Add(new("Version", (version?.Invoke(shown) ?? shown).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        pairs.AddRange((marked ?? []).Select(m => new KeyValuePair<string, string>("Marked", m)));
        using var form = new FormUrlEncodedContent(pairs);
        return await officer.PostAsync(Url($"/Licensing/Queue/Task/{taskId}?handler=Decide"), form, Ct);
    }

    [Fact]
    public async Task Queue_ListsTheTaskForTheServingOffice_NotForAnotherAgency()
    {
        var (_, number) = await SubmittedAsync();
        using var reviewer = BangkokReviewer();
        using var excise = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer);

        var html = await reviewer.GetStringAsync(Url("/Licensing/Queue"), Ct);
        var other = await excise.GetStringAsync(Url("/Licensing/Queue"), Ct);

        Assert.Contains("<h1>งานรอพิจารณา</h1>", html, StringComparison.Ordinal);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Licensing/Queue/Task/{await TaskIdAsync(reviewer, number)}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(number, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_OnlyMine_WithNothingTaken_SaysSoInWords()
    {
        await SubmittedAsync();
        using var reviewer = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, BangkokOffice, OfficerRoleCodes.Reviewer);

        var html = await reviewer.GetStringAsync(Url("/Licensing/Queue?mine=true"), Ct);

        Assert.Contains("คุณยังไม่ได้รับงานใดไว้", html, StringComparison.Ordinal);
        Assert.Contains("id=\"mine\" name=\"mine\" type=\"checkbox\" value=\"true\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskPage_AnotherAgency_Is404()
    {
        var (_, number) = await SubmittedAsync();
        using var reviewer = BangkokReviewer();
        var taskId = await TaskIdAsync(reviewer, number);
        using var excise = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer);

        using var response = await excise.GetAsync(Url($"/Licensing/Queue/Task/{taskId}"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TaskPage_ShowsTheApplication_AndRecordsTheRead()
    {
        var (id, number) = await SubmittedAsync();
        using var reviewer = BangkokReviewer();

        var html = await reviewer.GetStringAsync(Url($"/Licensing/Queue/Task/{await TaskIdAsync(reviewer, number)}"), Ct);

        Assert.Contains("จำนวนที่นั่ง", html, StringComparison.Ordinal);
        Assert.Contains("จากทะเบียน", html, StringComparison.Ordinal);
        Assert.Contains("plan.pdf", html, StringComparison.Ordinal);
        Assert.Contains("<legend>ผลการพิจารณา</legend>", html, StringComparison.Ordinal);
        using var director = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        var application = await (await director.GetAsync(Url($"/api/licensing/applications/{id}"), Ct)).JsonAsync();
        Assert.Contains(application.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "viewed");
    }

    [Fact]
    public async Task Approve_ThroughTheForm_RedirectsToTheQueueWithAConfirmation()
    {
        var (id, number) = await SubmittedAsync();
        using var reviewer = BangkokReviewer();
        var taskId = await TaskIdAsync(reviewer, number);

        using var response = await DecideAsync(reviewer, taskId, new() { ["Outcome"] = "approve" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Licensing/Queue", response.RequestMessage?.RequestUri?.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"บันทึกผลการพิจารณาคำขอ {number} แล้ว", html, StringComparison.Ordinal);
        using var director = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        var application = await (await director.GetAsync(Url($"/api/licensing/applications/{id}"), Ct)).JsonAsync();
        Assert.Equal("approved", application.GetProperty("licences").EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task SendBack_WithoutMarks_ShowsTheErrorNextToMarked()
    {
        var (_, number) = await SubmittedAsync();
        using var reviewer = BangkokReviewer();
        var taskId = await TaskIdAsync(reviewer, number);

        using var response = await DecideAsync(reviewer, taskId, new() { ["Outcome"] = "send-back", ["Reason"] = "แก้ไข" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<a href=\"#marked\">เลือกคำถามหรือเอกสารที่ผู้ขอต้องแก้ไข</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"marked-error\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"outcome-send-back\"[^>]*checked=\"checked\"", html);
        Assert.Equal(taskId, await TaskIdAsync(reviewer, number)); // still in the queue
    }

    [Fact]
    public async Task Decide_WithAStaleVersion_ShowsTheConflictWithAReloadLink()
    {
        var (id, number) = await SubmittedAsync();
        using var reviewer = BangkokReviewer();
        var taskId = await TaskIdAsync(reviewer, number);

        using var response = await DecideAsync(reviewer, taskId, new() { ["Outcome"] = "approve" }, version: v => v - 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("งานนี้เปลี่ยนไปแล้ว", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Licensing/Queue/Task/{taskId}\">โหลดงานนี้ใหม่</a>", html, StringComparison.Ordinal);
        using var director = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        var application = await (await director.GetAsync(Url($"/api/licensing/applications/{id}"), Ct)).JsonAsync();
        Assert.Equal("in-review", application.GetProperty("licences").EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task TaskPage_WithoutTheStepsRole_SaysWhichRoleItNeeds()
    {
        var (_, number) = await SubmittedAsync();
        using var reviewer = BangkokReviewer();
        var taskId = await TaskIdAsync(reviewer, number);
        using var approver = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, BangkokOffice, OfficerRoleCodes.Approver);

        using var response = await approver.GetAsync(Url($"/Licensing/Queue/Task/{taskId}"), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ขั้นตอนนี้สำหรับเจ้าหน้าที่ในบทบาท ผู้ตรวจสอบคำขอ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<legend>ผลการพิจารณา</legend>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LicensingAppFactory.Director, html, StringComparison.Ordinal); // nothing of the application is shown
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionInput();
}
