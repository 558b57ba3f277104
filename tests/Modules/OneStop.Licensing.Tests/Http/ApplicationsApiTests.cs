using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Contracts;
using OneStop.SharedKernel.Messaging;
using static OneStop.Licensing.Tests.Http.Api;

namespace OneStop.Licensing.Tests.Http;

public sealed class ApplicationsApiTests(LicensingAppFactory factory) : IClassFixture<LicensingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] VatOnly = ["vat"];
    private static readonly string[] SeatsAndPlan = ["seats", "floor_plan"];
    private static readonly string[] AreaAndSeats = ["floor_area", "seats"];

    private static readonly byte[] Pdf = "%PDF-1.4\n%test floor plan\n"u8.ToArray();

    private HttpClient Director() => factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);

    private HttpClient BangkokReviewer() => factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1001", OfficerRoleCodes.Reviewer);

    private static async Task<JsonElement> StartAsync(HttpClient client, params string[] licences)
    {
        using var response = await client.PostAsJsonAsync(Url("/api/licensing/applications"),
            new { businessType = "restaurant", licences, province = "10", district = "1001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Answers every question, prefills from the registries and uploads the floor plan.</summary>
    private static async Task<string> ReadyAsync(HttpClient client, params string[] licences)
    {
        var id = (await StartAsync(client, licences)).GetProperty("id").GetString()!;
        using var prefill = await client.PostAsync(Url($"/api/licensing/applications/{id}/prefill"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, prefill.StatusCode);
        var values = new Dictionary<string, string>();
        if (licences.Contains("food-premises"))
        {
            values["seats"] = "40";
            values["floor_area"] = "120";
        }

        if (licences.Contains("liquor"))
        {
            values["seats"] = "40";
            values["sells_alcohol"] = "yes";
        }

        using var answers = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = values }, Ct);
        Assert.Equal(HttpStatusCode.OK, answers.StatusCode);
        if (licences.Contains("food-premises"))
        {
            using var upload = await UploadAsync(client, id, "floor_plan", Pdf);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        return id;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string key, byte[] content, string name = "plan.pdf")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await client.PutAsync(Url($"/api/licensing/applications/{id}/documents/{key}"), form, Ct);
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient client, string id)
    {
        using var response = await client.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> TaskOfAsync(HttpClient officer, string number)
    {
        using var response = await officer.GetAsync(Url("/api/licensing/tasks"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().Single(t => t.GetProperty("applicationNumber").GetString() == number);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient officer, JsonElement task, object decision)
        => await officer.PostAsJsonAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}/decision"), decision, Ct);

    [Fact]
    public async Task Prefill_ReadsTheRegistriesThroughTheExchange_AndCountsTheCopiesAvoided()
    {
        using var client = Director();
        var id = (await StartAsync(client, "food-premises", "liquor")).GetProperty("id").GetString()!;
        using var response = await client.PostAsync(Url($"/api/licensing/applications/{id}/prefill"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var application = await response.JsonAsync();
        var answers = application.GetProperty("answers");
        Assert.StartsWith("บริษัท", answers.GetProperty("company_name").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(answers.GetProperty("applicant_name").GetString()));
        Assert.Equal(["applicant_name", "company_name"], application.GetProperty("prefilled").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["company_certificate", "id_card"], application.GetProperty("avoidedCopies").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(application.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "prefilled");

        // Sending the registry's answer back unchanged keeps it the registry's; a changed one becomes the applicant's.
        var company = answers.GetProperty("company_name").GetString();
        using var saved = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"),
            new { answers = new Dictionary<string, string?> { ["company_name"] = company, ["applicant_name"] = "นายทดสอบ แก้ชื่อ" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await saved.JsonAsync();
        Assert.Equal(["company_name"], after.GetProperty("prefilled").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("นายทดสอบ แก้ชื่อ", after.GetProperty("answers").GetProperty("applicant_name").GetString());

        // A copy of what the state holds is never asked for, and never taken.
        using var copy = await UploadAsync(client, id, "company_certificate", Pdf);
        await AssertProblemAsync(copy, HttpStatusCode.BadRequest, "documentKey");
        using var stored = await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        Assert.Empty((await stored.JsonAsync()).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task Submit_AsksForWhatIsMissing_ByName_ThenStartsEveryLicencesClock()
    {
        using var client = Director();
        var id = (await StartAsync(client, "food-premises")).GetProperty("id").GetString()!;
        using var noDeclaration = await client.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = false }, Ct);
        await AssertProblemAsync(noDeclaration, HttpStatusCode.BadRequest, "declaration");
        using var unanswered = await client.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        await AssertProblemAsync(unanswered, HttpStatusCode.BadRequest, "answers.company_name");

        await client.PostAsync(Url($"/api/licensing/applications/{id}/prefill"), null, Ct);
        await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new Dictionary<string, string> { ["seats"] = "40", ["floor_area"] = "120" } }, Ct);
        using var noPlan = await client.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        await AssertProblemAsync(noPlan, HttpStatusCode.BadRequest, "documents.floor_plan");

        using var upload = await UploadAsync(client, id, "floor_plan", Pdf);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var submitted = await SubmitAsync(client, id);
        Assert.Equal("in-review", submitted.GetProperty("status").GetString());
        var licence = submitted.GetProperty("licences").EnumerateArray().Single();
        Assert.Equal("in-review", licence.GetProperty("status").GetString());
        Assert.Equal(180_00, licence.GetProperty("feeSatang").GetInt64()); // the online fee
        Assert.Equal(10, licence.GetProperty("slaDays").GetInt32());
        Assert.True(licence.TryGetProperty("dueOn", out var due) && due.ValueKind == JsonValueKind.String);

        // "Any local government" in Bangkok's Phra Nakhon district is the BMA's district office.
        var holder = licence.GetProperty("heldBy").EnumerateArray().Single();
        Assert.Equal(LicensingAppFactory.Bma, holder.GetProperty("agencyCode").GetString());
        Assert.Equal("22000000-1001", holder.GetProperty("officeCode").GetString());
    }

    [Fact]
    public async Task SubmittingTwice_AtOnceOrAgain_SubmitsOneApplicationOnce()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises");
        var before = (await factory.OutboxTypesAsync()).Count(t => t.Contains("ApplicationSubmitted", StringComparison.Ordinal));
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
            return (response.StatusCode, (await response.JsonAsync()).GetProperty("submittedAt").GetString());
        }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        await SubmitAsync(client, id);
        var after = (await factory.OutboxTypesAsync()).Count(t => t.Contains("ApplicationSubmitted", StringComparison.Ordinal));
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task Start_WithTheSameIdempotencyKey_CreatesOneApplication()
    {
        using var client = Director();
        var key = Guid.NewGuid().ToString();
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/licensing/applications"))
            {
                Content = JsonContent.Create(new { businessType = "restaurant", licences = VatOnly, province = "10" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.JsonAsync()).GetProperty("id").GetString()!);
        }

        Assert.Equal(ids[0], ids[1]);
    }

    [Theory]
    [InlineData("{\"businessType\":\"spaceport\",\"licences\":[\"vat\"],\"province\":\"10\"}", "businessType")]
    [InlineData("{\"businessType\":\"restaurant\",\"licences\":[],\"province\":\"10\"}", "licences")]
    [InlineData("{\"businessType\":\"restaurant\",\"licences\":[\"vat\",\"vat\"],\"province\":\"10\"}", "licences")]
    [InlineData("{\"businessType\":\"restaurant\",\"licences\":[\"no-such\"],\"province\":\"10\"}", "licences")]
    [InlineData("{\"businessType\":\"restaurant\",\"licences\":[\"vat\"],\"province\":\"99\"}", "province")]
    [InlineData("{\"businessType\":\"restaurant\",\"licences\":[\"vat\"],\"province\":\"50\",\"district\":\"1001\"}", "district")]
    public async Task Start_NamesTheFieldAtFault(string body, string field)
    {
        using var client = Director();
        using var response = await client.PostAsync(Url("/api/licensing/applications"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Answers_AreCheckedByTheirQuestion_AndNothingIsSavedWhenOneIsWrong()
    {
        using var client = Director();
        var id = (await StartAsync(client, "food-premises")).GetProperty("id").GetString()!;
        using var unknown = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new { favourite_colour = "red" } }, Ct);
        await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "answers.favourite_colour");
        using var wrong = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new { floor_area = "120", seats = "forty" } }, Ct);
        await AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "answers.seats");
        using var read = await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        Assert.False((await read.JsonAsync()).GetProperty("answers").TryGetProperty("floor_area", out _));
    }

    [Fact]
    public async Task Uploads_MustBePdfJpegOrPng_ByTheirContent()
    {
        using var client = Director();
        var id = (await StartAsync(client, "food-premises")).GetProperty("id").GetString()!;
        using var html = await UploadAsync(client, id, "floor_plan", "<html>plan</html>"u8.ToArray(), "plan.pdf");
        await AssertProblemAsync(html, HttpStatusCode.BadRequest, "file");
        using var unknownKey = await UploadAsync(client, id, "passport", Pdf);
        await AssertProblemAsync(unknownKey, HttpStatusCode.BadRequest, "documentKey");
        using var ok = await UploadAsync(client, id, "floor_plan", Pdf, "C:\\Users\\me\\แบบแปลน.pdf");
        var document = (await ok.JsonAsync()).GetProperty("documents").EnumerateArray().Single();
        Assert.Equal("แบบแปลน.pdf", document.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task AnApplication_IsInvisibleToAnyoneButItsApplicant()
    {
        using var client = Director();
        var id = (await StartAsync(client, "vat")).GetProperty("id").GetString()!;
        using var stranger = factory.CreateClientAsCitizen("1999900000021");
        using var read = await stranger.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        await AssertProblemAsync(read, HttpStatusCode.NotFound);
        using var write = await stranger.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        await AssertProblemAsync(write, HttpStatusCode.NotFound);
        using var anonymous = factory.CreateClient();
        using var none = await anonymous.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        using var mine = await client.GetAsync(Url("/api/licensing/applications"), Ct);
        Assert.Contains((await mine.JsonAsync()).EnumerateArray(), a => a.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Officers_SeeOnlyTheirAgencysWork_AndDecideOnlyInTheirRole()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var reviewer = BangkokReviewer();
        var task = await TaskOfAsync(reviewer, number);
        Assert.False(task.GetProperty("overdue").GetBoolean());

        using var excise = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer, OfficerRoleCodes.Approver);
        using var queue = await excise.GetAsync(Url("/api/licensing/tasks"), Ct);
        Assert.DoesNotContain((await queue.JsonAsync()).EnumerateArray(), t => t.GetProperty("applicationNumber").GetString() == number);
        using var peek = await excise.GetAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}"), Ct);
        await AssertProblemAsync(peek, HttpStatusCode.NotFound);
        using var foreign = await DecideAsync(excise, task, new { outcome = "approve", version = task.GetProperty("version").GetInt32() });
        await AssertProblemAsync(foreign, HttpStatusCode.NotFound);

        using var otherOffice = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1002", OfficerRoleCodes.Reviewer);
        using var elsewhere = await DecideAsync(otherOffice, task, new { outcome = "approve", version = task.GetProperty("version").GetInt32() });
        await AssertProblemAsync(elsewhere, HttpStatusCode.NotFound);

        using var counter = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1001", OfficerRoleCodes.CounterStaff);
        using var wrongRole = await DecideAsync(counter, task, new { outcome = "approve", version = task.GetProperty("version").GetInt32() });
        await AssertProblemAsync(wrongRole, HttpStatusCode.Forbidden);

        using var citizen = factory.CreateClientAsCitizen(LicensingAppFactory.Director);
        using var notOfficer = await citizen.GetAsync(Url("/api/licensing/tasks"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, notOfficer.StatusCode);
    }

    [Fact]
    public async Task Approval_ThroughEveryStage_ApprovesTheLicence_AndPublishesFeesDueAndApplicationApproved()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "liquor", "vat");
        var submitted = await SubmitAsync(client, id);
        var number = submitted.GetProperty("number").GetString()!;
        Assert.Equal("approved", submitted.GetProperty("licences").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "vat").GetProperty("status").GetString());

        using var reviewer = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer);
        var review = await TaskOfAsync(reviewer, number);
        using var claimed = await reviewer.PostAsync(Url($"/api/licensing/tasks/{review.GetProperty("id").GetString()}/claim"), null, Ct);
        var claimedTask = await claimed.JsonAsync();
        Assert.Equal("claimed", claimedTask.GetProperty("status").GetString());
        using var approved = await DecideAsync(reviewer, review, new { outcome = "approve", version = claimedTask.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        using var approver = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Approver);
        var final = await TaskOfAsync(approver, number);
        Assert.Equal(2, final.GetProperty("stage").GetInt32());
        using var done = await DecideAsync(approver, final, new { outcome = "approve", version = final.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        using var read = await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        var application = await read.JsonAsync();
        Assert.Equal("completed", application.GetProperty("status").GetString());
        Assert.All(application.GetProperty("licences").EnumerateArray(), l => Assert.Equal("approved", l.GetProperty("status").GetString()));
        var kinds = application.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["created", "prefilled", "submitted", "licence-approved", "claimed", "approved", "approved", "licence-approved"], kinds);

        var outbox = await factory.OutboxTypesAsync();
        Assert.Contains(outbox, t => t.Contains("FeesDue", StringComparison.Ordinal));
        Assert.Contains(outbox, t => t.Contains("ApplicationApproved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADecision_OnAStaleVersion_OrOnATaskAlreadyDecided_IsRefused()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var reviewer = BangkokReviewer();
        var task = await TaskOfAsync(reviewer, number);
        var version = task.GetProperty("version").GetInt32();
        using var stale = await DecideAsync(reviewer, task, new { outcome = "approve", version = version - 1 });
        await AssertProblemAsync(stale, HttpStatusCode.Conflict);

        // Two officers decide at once: one wins, the other is told.
        using var second = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1001", OfficerRoleCodes.Reviewer);
        var answers = await Task.WhenAll(
            DecideAsync(reviewer, task, new { outcome = "approve", version }),
            DecideAsync(second, task, new { outcome = "reject", reason = "ไม่ผ่าน", version }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        using var again = await DecideAsync(reviewer, task, new { outcome = "approve", version = version + 1 });
        await AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task SendBack_LetsTheApplicantCorrectOnlyWhatWasMarked_ThenResubmit()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var reviewer = BangkokReviewer();
        var task = await TaskOfAsync(reviewer, number);
        using var unmarked = await DecideAsync(reviewer, task, new { outcome = "send-back", version = task.GetProperty("version").GetInt32() });
        await AssertProblemAsync(unmarked, HttpStatusCode.BadRequest, "marked");
        using var sent = await DecideAsync(reviewer, task, new { outcome = "send-back", reason = "จำนวนที่นั่งไม่ตรงกับแบบแปลน", marked = SeatsAndPlan, version = task.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        using var read = await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        var application = await read.JsonAsync();
        Assert.Equal("action-required", application.GetProperty("status").GetString());
        Assert.Equal(["floor_plan", "seats"], application.GetProperty("editable").EnumerateArray().Select(e => e.GetString()));
        var licence = application.GetProperty("licences").EnumerateArray().Single();
        Assert.Equal("waiting-for-applicant", licence.GetProperty("status").GetString());

        using var locked = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new { floor_area = "130" } }, Ct);
        await AssertProblemAsync(locked, HttpStatusCode.Conflict, "answers.floor_area");
        using var corrected = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new { seats = "36" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        using var replan = await UploadAsync(client, id, "floor_plan", Pdf);
        Assert.Equal(HttpStatusCode.OK, replan.StatusCode);

        using var resubmit = await client.PostAsync(Url($"/api/licensing/applications/{id}/resubmit"), null, Ct);
        var back = await resubmit.JsonAsync();
        Assert.Equal("in-review", back.GetProperty("status").GetString());
        Assert.Equal("36", back.GetProperty("answers").GetProperty("seats").GetString());
        var reopened = await TaskOfAsync(reviewer, number);
        Assert.Equal("open", reopened.GetProperty("status").GetString());

        // The applicant was told at each step, in their inbox, and a redelivery tells them nothing twice.
        await factory.DispatchOutboxAsync();
        using var inbox = await client.GetAsync(Url("/api/notifications"), Ct);
        var subjects = (await inbox.JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subject").GetString()!).ToList();
        Assert.Single(subjects, s => s == $"ได้รับคำขอ {number} แล้ว");
        Assert.Single(subjects, s => s == $"คำขอ {number}: กรุณาแก้ไข ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร");
    }

    [Fact]
    public async Task ACorrection_RecomputesTheFee_AndTellsAnAgencyThatAlreadyDecided_ThatAnAnswerItUsedChanged()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises", "liquor");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var excise = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer, OfficerRoleCodes.Approver);
        foreach (var _ in new[] { "reviewer", "approver" })
        {
            var step = await TaskOfAsync(excise, number);
            using var approved = await DecideAsync(excise, step, new { outcome = "approve", version = step.GetProperty("version").GetInt32() });
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using var reviewer = BangkokReviewer();
        var food = await TaskOfAsync(reviewer, number);
        using var sent = await DecideAsync(reviewer, food, new { outcome = "send-back", reason = "พื้นที่และที่นั่งไม่ตรงกับแบบแปลน", marked = AreaAndSeats, version = food.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        using var corrected = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new { floor_area = "250", seats = "60" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        using var resubmit = await client.PostAsync(Url($"/api/licensing/applications/{id}/resubmit"), null, Ct);
        var back = await resubmit.JsonAsync();

        var licences = back.GetProperty("licences").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!);
        Assert.Equal(500_00, licences["food-premises"].GetProperty("feeSatang").GetInt64());
        Assert.Equal("approved", licences["liquor"].GetProperty("status").GetString());
        var told = Assert.Single(back.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "answer-changed");
        Assert.Equal("liquor", told.GetProperty("licenceCode").GetString());
        Assert.Equal("seats", told.GetProperty("note").GetString()); // the floor area is the food permit's alone
    }

    [Fact]
    public async Task AReviewer_SeesOnlyTheirLicencesPartOfTheApplication_AndOnlyInTheStepsRole()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises", "liquor");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var excise = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer);
        var task = await TaskOfAsync(excise, number);

        using var opened = await excise.GetAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}"), Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var application = (await opened.JsonAsync()).GetProperty("application");
        Assert.Equal(["liquor"], application.GetProperty("licences").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        var answers = application.GetProperty("answers");
        Assert.Equal("yes", answers.GetProperty("sells_alcohol").GetString());
        Assert.False(answers.TryGetProperty("floor_area", out _), "The food permit's floor area is not the Excise Department's business.");
        Assert.DoesNotContain(application.GetProperty("questions").EnumerateArray(), q => q.GetProperty("key").GetString() == "floor_area");
        Assert.DoesNotContain(application.GetProperty("documents").EnumerateArray(), d => d.GetProperty("key").GetString() == "floor_plan");

        using var approverOnly = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Approver);
        using var refused = await approverOnly.GetAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}"), Ct);
        await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UploadedDocuments_AreReadByTheApplicant_AndByTheReviewerOfALicenceThatAsksForThem_WithTheReadRecorded()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises", "liquor");
        using var mine = await client.GetAsync(Url($"/api/licensing/applications/{id}/documents/floor_plan"), Ct);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await mine.Content.ReadAsByteArrayAsync(Ct));
        using var missing = await client.GetAsync(Url($"/api/licensing/applications/{id}/documents/nothing"), Ct);
        await AssertProblemAsync(missing, HttpStatusCode.NotFound);
        using var stranger = factory.CreateClientAsCitizen("1999900000021");
        using var notTheirs = await stranger.GetAsync(Url($"/api/licensing/applications/{id}/documents/floor_plan"), Ct);
        await AssertProblemAsync(notTheirs, HttpStatusCode.NotFound);

        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var reviewer = BangkokReviewer();
        var task = await TaskOfAsync(reviewer, number);
        using var plan = await reviewer.GetAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}/documents/floor_plan"), Ct);
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal(Pdf, await plan.Content.ReadAsByteArrayAsync(Ct));

        using var excise = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer);
        var liquor = await TaskOfAsync(excise, number);
        using var notTheirLicence = await excise.GetAsync(Url($"/api/licensing/tasks/{liquor.GetProperty("id").GetString()}/documents/floor_plan"), Ct);
        await AssertProblemAsync(notTheirLicence, HttpStatusCode.NotFound);

        using var read = await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        var viewed = (await read.JsonAsync()).GetProperty("history").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "viewed");
        Assert.Equal("floor_plan", viewed.GetProperty("note").GetString());
        Assert.Equal(LicensingAppFactory.Bma, viewed.GetProperty("agencyCode").GetString());
    }

    [Fact]
    public async Task OpeningATask_IsRecordedInTheApplicationsHistory()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "food-premises");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var reviewer = BangkokReviewer();
        var task = await TaskOfAsync(reviewer, number);
        using var opened = await reviewer.GetAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}"), Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("40", (await opened.JsonAsync()).GetProperty("application").GetProperty("answers").GetProperty("seats").GetString());

        using var read = await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        var viewed = (await read.JsonAsync()).GetProperty("history").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "viewed");
        Assert.Equal("Test User", viewed.GetProperty("actor").GetString());
        Assert.Equal(LicensingAppFactory.Bma, viewed.GetProperty("agencyCode").GetString());
    }

    [Fact]
    public async Task CounterStaff_FileForAWalkIn_WhoThenSeesItOnline()
    {
        using var counter = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1001", OfficerRoleCodes.CounterStaff);
        var walkIn = "1999900000021";
        using var noConsent = await counter.PostAsJsonAsync(Url("/api/licensing/counter/applications"),
            new { citizenId = walkIn, name = "นายทดสอบ ระบบ", identityCheck = "บัตรประชาชน อ่านชิป", consent = false, businessType = "restaurant", licences = VatOnly, province = "10" }, Ct);
        await AssertProblemAsync(noConsent, HttpStatusCode.BadRequest, "consent");
        using var badId = await counter.PostAsJsonAsync(Url("/api/licensing/counter/applications"),
            new { citizenId = "1999900000012", name = "นายทดสอบ ระบบ", identityCheck = "บัตรประชาชน อ่านชิป", consent = true, businessType = "restaurant", licences = VatOnly, province = "10" }, Ct);
        await AssertProblemAsync(badId, HttpStatusCode.BadRequest, "citizenId");

        using var created = await counter.PostAsJsonAsync(Url("/api/licensing/counter/applications"),
            new { citizenId = walkIn, name = "นายทดสอบ ระบบ", identityCheck = "บัตรประชาชน อ่านชิป", consent = true, businessType = "restaurant", licences = VatOnly, province = "10" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var application = await created.JsonAsync();
        Assert.Equal("counter", application.GetProperty("channel").GetString());
        var id = application.GetProperty("id").GetString()!;
        using var saved = await counter.PutAsJsonAsync(Url($"/api/licensing/counter/applications/{id}/answers"), new { answers = new { company_name = "ร้านทดสอบ" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        using var person = factory.CreateClientAsCitizen(walkIn);
        using var mine = await person.GetAsync(Url("/api/licensing/applications"), Ct);
        Assert.Contains((await mine.JsonAsync()).EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        var submitted = await SubmitAsync(person, id);
        Assert.Equal("completed", submitted.GetProperty("status").GetString());

        using var notCounter = BangkokReviewer();
        using var refused = await notCounter.PostAsJsonAsync(Url("/api/licensing/counter/applications"),
            new { citizenId = walkIn, name = "x", identityCheck = "x", consent = true, businessType = "restaurant", licences = VatOnly, province = "10" }, Ct);
        await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AGrantedLicence_IsRenewedFromItsApplication_OnceHoweverOftenAsked()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "liquor");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        using var early = await client.PostAsync(Url($"/api/licensing/applications/{id}/licences/liquor/renew"), null, Ct);
        await AssertProblemAsync(early, HttpStatusCode.Conflict);
        Assert.Equal("licence.not_granted", (await early.JsonAsync()).GetProperty("code").GetString());

        using var excise = factory.CreateClientAsOfficer(LicensingAppFactory.Excise, null, OfficerRoleCodes.Reviewer, OfficerRoleCodes.Approver);
        foreach (var _ in new[] { "reviewer", "approver" })
        {
            var step = await TaskOfAsync(excise, number);
            using var approved = await DecideAsync(excise, step, new { outcome = "approve", version = step.GetProperty("version").GetInt32() });
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var previous = await (await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct)).JsonAsync();
        using var renew = await client.PostAsync(Url($"/api/licensing/applications/{id}/licences/liquor/renew"), null, Ct);
        Assert.Equal(HttpStatusCode.Created, renew.StatusCode);
        var renewal = await renew.JsonAsync();
        var renewalId = renewal.GetProperty("id").GetString()!;
        Assert.NotEqual(id, renewalId);
        Assert.Equal("draft", renewal.GetProperty("status").GetString());
        Assert.Equal(number, renewal.GetProperty("renewalOf").GetString());
        Assert.Equal(["liquor"], renewal.GetProperty("licences").EnumerateArray().Select(l => l.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(LicensingAppFactory.Company, renewal.GetProperty("juristicId").GetString());
        // The answers, and where they came from, are the earlier application's.
        var answers = renewal.GetProperty("answers");
        Assert.Equal("yes", answers.GetProperty("sells_alcohol").GetString());
        Assert.Equal("40", answers.GetProperty("seats").GetString());
        Assert.Equal(previous.GetProperty("answers").GetProperty("company_name").GetString(), answers.GetProperty("company_name").GetString());
        Assert.Contains("company_name", renewal.GetProperty("prefilled").EnumerateArray().Select(p => p.GetString()));

        using var again = await client.PostAsync(Url($"/api/licensing/applications/{id}/licences/liquor/renew"), null, Ct);
        Assert.Equal(renewalId, (await again.JsonAsync()).GetProperty("id").GetString());
        using var stranger = factory.CreateClientAsCitizen("1999900000021");
        using var notTheirs = await stranger.PostAsync(Url($"/api/licensing/applications/{id}/licences/liquor/renew"), null, Ct);
        await AssertProblemAsync(notTheirs, HttpStatusCode.NotFound);
        using var notInIt = await client.PostAsync(Url($"/api/licensing/applications/{id}/licences/vat/renew"), null, Ct);
        await AssertProblemAsync(notInIt, HttpStatusCode.NotFound);

        // The renewal goes to the agency like any application.
        Assert.Equal("in-review", (await SubmitAsync(client, renewalId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ALicenceThatIsNotRenewed_IsAppliedForAgain()
    {
        using var client = Director();
        var id = (await StartAsync(client, "vat")).GetProperty("id").GetString()!;
        using var saved = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = new { company_name = "ร้านทดสอบ" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("completed", (await SubmitAsync(client, id)).GetProperty("status").GetString()); // VAT registration approves itself
        using var refused = await client.PostAsync(Url($"/api/licensing/applications/{id}/licences/vat/renew"), null, Ct);
        await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("licence.not_renewable", (await refused.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ALicenceAboutToExpire_IsToldToItsHolder_WithTheLinkThatRenewsIt()
    {
        using var client = Director();
        var id = await ReadyAsync(client, "liquor");
        var number = (await SubmitAsync(client, id)).GetProperty("number").GetString()!;
        var expiring = new DocumentExpiring("LIC-2570-TESTEXP1", Guid.Parse(id), "liquor", LicensingAppFactory.Excise, LicensingAppFactory.Director, LicensingAppFactory.Company,
            new DateTime(2027, 12, 31, 16, 59, 59, DateTimeKind.Utc), 30);
        var message = Guid.NewGuid();
        foreach (var _ in new[] { "delivered", "redelivered" })
        {
            await factory.WithScopeAsync(async sp =>
            {
                foreach (var handler in sp.GetServices<IIntegrationEventHandler<DocumentExpiring>>())
                {
                    await handler.HandleAsync(message, expiring, Ct);
                }

                return true;
            });
        }

        await factory.DispatchOutboxAsync();
        using var inbox = await client.GetAsync(Url("/api/notifications"), Ct);
        var items = (await inbox.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var told = Assert.Single(items, i => i.GetProperty("subject").GetString() == "ใบอนุญาตขายสุรา จะหมดอายุใน 30 วัน");
        var body = told.GetProperty("body").GetString()!;
        Assert.Contains("LIC-2570-TESTEXP1", body, StringComparison.Ordinal);
        Assert.Contains("31 ธันวาคม 2570", body, StringComparison.Ordinal); // Thai time and the Buddhist Era
        Assert.Contains($"/Licensing/Applications/{id}/Renew/liquor", body, StringComparison.Ordinal);
        Assert.Contains(number, body, StringComparison.Ordinal);
    }
}
