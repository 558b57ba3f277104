using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Agencies.Contracts;
using OneStop.Testing;
using static OneStop.Licensing.Tests.Http.Api;

namespace OneStop.Licensing.Tests.Http;

/// <summary>
/// The applicant's pages through HTTP, as a browser without JavaScript uses them: GET the form, POST it with
/// the antiforgery token, follow the redirect, and check what was stored through the API.
/// </summary>
public sealed partial class ApplicantPagesTests(LicensingAppFactory factory) : IClassFixture<LicensingAppFactory>
{
    private const string Pages = "/Licensing/Applications";

    private static readonly string[] SeatsOnly = ["seats"];

    private static readonly byte[] Pdf = "%PDF-1.4\n%test floor plan\n"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The company's director, with a sign-in of their own: a start is taken for a double click of the same
    /// person's within 30 seconds, so each test's applications must not be mistaken for another test's.
    /// </summary>
    private HttpClient Director(string language = "th-TH")
    {
        var client = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        client.DefaultRequestHeaders.Add(TestAuthHandler.SubjectHeader, "director-" + Guid.NewGuid().ToString("N"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Fact]
    public async Task Apply_StartsADraft_AndRedirectsToItsDetails_ASecondPostMakesNoSecond()
    {
        using var client = Director();
        var form = await PageAsync(client, "/Licensing/Apply/restaurant?Licences=food-premises&Province=10");
        Assert.Contains("<select id=\"district\" name=\"District\">", form, StringComparison.Ordinal);
        var token = Token(form);
        var fields = new[] { Field("Licences", "food-premises"), Field("Licences", "liquor"), Field("Province", "10"), Field("District", "1001") };

        using var first = await PostAsync(client, "/Licensing/Apply/restaurant", fields, token);
        using var second = await PostAsync(client, "/Licensing/Apply/restaurant", fields, token);

        var id = IdOf(first);
        Assert.Equal(id, IdOf(second));

        // The same licences at another branch a moment later are another application.
        using var branch = await PostAsync(client, "/Licensing/Apply/restaurant", [.. fields[..3], Field("District", "1002")], token);
        var other = IdOf(branch);
        Assert.NotEqual(id, other);
        Assert.Equal("1002", (await ApiAsync(client, other)).GetProperty("district").GetString());
        var html = await HtmlAsync(first);
        Assert.Contains("<h2>สิ่งที่ต้องทำ</h2>", html, StringComparison.Ordinal);
        Assert.Contains("ยังไม่ได้ยื่น", html, StringComparison.Ordinal);
        var application = await ApiAsync(client, id);
        Assert.Equal("draft", application.GetProperty("status").GetString());
        Assert.Equal("1001", application.GetProperty("district").GetString());
        Assert.Equal(["food-premises", "liquor"], application.GetProperty("licences").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        using var mine = await client.GetAsync(Url("/api/licensing/applications"), Ct);
        var listed = (await mine.JsonAsync()).EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Single(listed, a => a == id);
        Assert.Single(listed, a => a == other);
        var dashboard = await PageAsync(client, Pages);
        Assert.Contains($"<a href=\"{Pages}/{id}\">{application.GetProperty("number").GetString()}</a>", dashboard, StringComparison.Ordinal);
        Assert.Contains("<p>ธุรกิจร้านอาหารและเครื่องดื่ม · 2 ใบอนุญาต</p>", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithoutALicence_ShowsTheErrorAtTheLicences_AndStartsNothing()
    {
        using var client = Director();
        var token = Token(await PageAsync(client, "/Licensing/Apply/restaurant?Province=10"));

        using var response = await PostAsync(client, "/Licensing/Apply/restaurant", [Field("Province", "10"), Field("District", "1001")], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Licensing/Apply/restaurant", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await HtmlAsync(response);
        Assert.Contains("<title>ข้อผิดพลาด:", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#licences\">เลือกใบอนุญาตที่จะขออย่างน้อย 1 รายการ</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"licences-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationPages_OfSomeoneElse_Are404()
    {
        using var client = Director();
        var id = await StartAsync(client, "food-premises");
        using var stranger = factory.CreateClientAsCitizen("1999900000021");
        var token = Token(await PageAsync(stranger, "/Licensing/Apply/restaurant?Province=10"));

        foreach (var path in new[] { $"{Pages}/{id}", $"{Pages}/{id}/Questions", $"{Pages}/{id}/Documents", $"{Pages}/{id}/Check" })
        {
            using var read = await stranger.GetAsync(Url(path), Ct);
            Assert.True(read.StatusCode == HttpStatusCode.NotFound, $"{path}: {read.StatusCode}");
        }

        using var prefill = await PostAsync(stranger, $"{Pages}/{id}?handler=Prefill", [], token);
        Assert.Equal(HttpStatusCode.NotFound, prefill.StatusCode);
        using var answer = await PostAsync(stranger, $"{Pages}/{id}/Questions", [Field("seats", "1")], token);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        using var upload = await UploadAsync(stranger, id, "floor_plan", Pdf, "plan.pdf", token);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        using var submit = await PostAsync(stranger, $"{Pages}/{id}/Check", [Field("Declaration", "true")], token);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        var application = await ApiAsync(client, id);
        Assert.Equal("draft", application.GetProperty("status").GetString());
        Assert.Empty(application.GetProperty("answers").EnumerateObject());
        Assert.Empty(application.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task Prefill_FillsTheAnswers_AndSaysHowManyCopiesWereAvoided()
    {
        using var client = Director();
        var id = await StartAsync(client, "food-premises", "liquor");

        var html = await PrefillAsync(client, id);

        Assert.Contains("ดึงข้อมูลจากทะเบียนของรัฐแล้ว ไม่ต้องแนบสำเนา 2 รายการ", html, StringComparison.Ordinal);
        Assert.Contains("ดึงข้อมูลอีกครั้ง", html, StringComparison.Ordinal);
        var application = await ApiAsync(client, id);
        var company = application.GetProperty("answers").GetProperty("company_name").GetString()!;
        Assert.StartsWith("บริษัท", company, StringComparison.Ordinal);
        var questions = await PageAsync(client, $"{Pages}/{id}/Questions");
        Assert.Matches($"id=\"company_name\" name=\"company_name\" value=\"{Regex.Escape(company)}\"", questions);
        Assert.Contains("<p class=\"hint\" id=\"company_name-hint\">จากทะเบียนของรัฐ</p>", questions, StringComparison.Ordinal);
        var documents = await PageAsync(client, $"{Pages}/{id}/Documents");
        var notNeeded = Between(documents, "<h2>ไม่ต้องแนบ รัฐมีข้อมูลแล้ว</h2>", "</ul>");
        Assert.Contains("<li>หนังสือรับรองบริษัท</li>", notNeeded, StringComparison.Ordinal);
        Assert.Contains("<li>สำเนาบัตรประชาชน</li>", notNeeded, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"file-company_certificate\"", documents, StringComparison.Ordinal);
        Assert.Contains("id=\"file-floor_plan\"", documents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_FivePerPage_PageTwoByNumberOrByKey_ThenCheck()
    {
        using var client = Director();
        var id = await StartAsync(client, "food-premises", "liquor", "signboard");

        var first = await PageAsync(client, $"{Pages}/{id}/Questions");
        Assert.Contains("หน้า 1 จาก 2", first, StringComparison.Ordinal);
        Assert.Equal(["company_name", "applicant_name", "seats", "floor_area", "sells_alcohol"], Questions(first));
        Assert.DoesNotContain("error-summary", first, StringComparison.Ordinal);
        var second = await PageAsync(client, $"{Pages}/{id}/Questions?p=2");
        Assert.Contains("หน้า 2 จาก 2", second, StringComparison.Ordinal);
        Assert.Equal(["sign_area", "sign_text", "put_up_on", "lit"], Questions(second));
        Assert.DoesNotContain("error-summary", second, StringComparison.Ordinal);
        Assert.Equal(Questions(second), Questions(await PageAsync(client, $"{Pages}/{id}/Questions?key=put_up_on")));

        using var saved = await PostAsync(client, $"{Pages}/{id}/Questions",
            [Field("company_name", "ร้านป้าแดง"), Field("applicant_name", "นางแดง ใจดี"), Field("seats", "40"), Field("floor_area", "120"), Field("sells_alcohol", "no")],
            Token(first));
        Assert.Equal($"{Pages}/{id}/Questions?p=2", PathOf(saved));
        using var last = await PostAsync(client, $"{Pages}/{id}/Questions?p=2",
            [Field("sign_area", "2.5"), Field("sign_text", ""), Field("put_up_on", "2026-01-15"), Field("lit", "yes")], Token(second));
        Assert.Equal($"{Pages}/{id}/Check", PathOf(last));

        var answers = (await ApiAsync(client, id)).GetProperty("answers");
        Assert.Equal("40", answers.GetProperty("seats").GetString());
        Assert.Equal("no", answers.GetProperty("sells_alcohol").GetString());
        Assert.Equal("2026-01-15", answers.GetProperty("put_up_on").GetString());
        Assert.False(answers.TryGetProperty("sign_text", out _));

        static string PathOf(HttpResponseMessage r) => r.RequestMessage!.RequestUri!.PathAndQuery;
    }

    [Fact]
    public async Task Questions_ANumberInWords_ShowsTheErrorAtTheFieldInThai_AndSavesNothing()
    {
        using var client = Director();
        var id = await StartAsync(client, "food-premises");
        var token = Token(await PageAsync(client, $"{Pages}/{id}/Questions"));

        using var response = await PostAsync(client, $"{Pages}/{id}/Questions",
            [Field("company_name", "ร้านป้าแดง"), Field("applicant_name", ""), Field("seats", "สี่สิบ"), Field("floor_area", "120")], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("<title>ข้อผิดพลาด:", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#seats\">กรอกจำนวนที่นั่งเป็นตัวเลข 0 ขึ้นไป</a>", html, StringComparison.Ordinal);
        Assert.Matches("<p class=\"error-message\" id=\"seats-error\"><span class=\"visually-hidden\">ข้อผิดพลาด: </span>กรอกจำนวนที่นั่งเป็นตัวเลข 0 ขึ้นไป</p>\\s*<input id=\"seats\" name=\"seats\" value=\"สี่สิบ\"", html);
        Assert.Contains("aria-describedby=\"seats-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"120\"", html, StringComparison.Ordinal); // what was typed stays
        Assert.Empty((await ApiAsync(client, id)).GetProperty("answers").EnumerateObject());
    }

    [Fact]
    public async Task Questions_SavingPrefilledAnswersUnchanged_KeepsThemFromTheRegistry()
    {
        using var client = Director();
        var id = await StartAsync(client, "food-premises");
        await PrefillAsync(client, id);
        var before = (await ApiAsync(client, id)).GetProperty("answers");
        var form = await PageAsync(client, $"{Pages}/{id}/Questions");

        using var saved = await PostAsync(client, $"{Pages}/{id}/Questions",
            [Field("company_name", before.GetProperty("company_name").GetString()!), Field("applicant_name", "นางแดง ใจดี"), Field("seats", "40"), Field("floor_area", "120")],
            Token(form));

        Assert.Equal($"{Pages}/{id}/Check", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var application = await ApiAsync(client, id);
        Assert.Equal(["company_name"], application.GetProperty("prefilled").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("นางแดง ใจดี", application.GetProperty("answers").GetProperty("applicant_name").GetString());
        var check = await HtmlAsync(saved);
        Assert.Matches("<dd>บริษัท[^<]* <span class=\"badge\">จากทะเบียน</span></dd>", check);

        using var unchanged = await PostAsync(client, $"{Pages}/{id}/Questions",
            [Field("company_name", before.GetProperty("company_name").GetString()!), Field("applicant_name", "นางแดง ใจดี"), Field("seats", "40"), Field("floor_area", "120")],
            Token(form));
        Assert.Equal($"{Pages}/{id}/Check", unchanged.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(application.GetProperty("version").GetInt32(), (await ApiAsync(client, id)).GetProperty("version").GetInt32()); // nothing to save
    }

    [Fact]
    public async Task Documents_APdfIsAttached_ATextFileCalledPdfAndAnEmptyFormAreRefusedAtTheField()
    {
        using var client = Director();
        var id = await StartAsync(client, "food-premises");
        var token = Token(await PageAsync(client, $"{Pages}/{id}/Documents"));

        using var text = await UploadAsync(client, id, "floor_plan", "floor plan: 10 x 12 m\n"u8.ToArray(), "plan.pdf", token);
        var refused = await HtmlAsync(text);
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Contains("<title>ข้อผิดพลาด:", refused, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#file-floor_plan\">ไฟล์ต้องเป็น PDF, JPEG หรือ PNG</a>", refused, StringComparison.Ordinal);
        Assert.Matches("id=\"file-floor_plan-error\">.*ไฟล์ต้องเป็น PDF, JPEG หรือ PNG</p>\\s*<input type=\"file\" id=\"file-floor_plan\"", refused);

        using var empty = await UploadAsync(client, id, "floor_plan", null, null, token);
        var nothing = await HtmlAsync(empty);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("<a href=\"#file-floor_plan\">เลือกไฟล์ที่จะแนบ</a>", nothing, StringComparison.Ordinal);
        Assert.Contains("id=\"file-floor_plan-error\"", nothing, StringComparison.Ordinal);

        using var bare = await PostAsync(client, $"{Pages}/{id}/Documents", [], token);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Contains("<title>ข้อผิดพลาด:", await HtmlAsync(bare), StringComparison.Ordinal);
        Assert.Empty((await ApiAsync(client, id)).GetProperty("documents").EnumerateArray());

        using var pdf = await UploadAsync(client, id, "floor_plan", Pdf, "แบบแปลนร้าน.pdf", token);
        Assert.Equal($"{Pages}/{id}/Documents", pdf.RequestMessage!.RequestUri!.AbsolutePath);
        var attached = await HtmlAsync(pdf);
        Assert.Contains("<p class=\"notice\" role=\"status\">แนบแบบแปลนแล้ว</p>", attached, StringComparison.Ordinal);
        Assert.Contains("แบบแปลนร้าน.pdf", attached, StringComparison.Ordinal);
        Assert.Contains("เลือกไฟล์ใหม่แทนไฟล์เดิม", attached, StringComparison.Ordinal);
        var document = (await ApiAsync(client, id)).GetProperty("documents").EnumerateArray().Single();
        Assert.Equal("floor_plan", document.GetProperty("key").GetString());
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());

        var link = $"{Pages}/{id}/Documents?handler=File&key=floor_plan";
        Assert.Contains($"<a href=\"{link}\">แบบแปลนร้าน.pdf</a>", attached, StringComparison.Ordinal);
        using var download = await client.GetAsync(Url(link), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        using var stranger = factory.CreateClientAsCitizen("1999900000021");
        using var theirs = await stranger.GetAsync(Url(link), Ct);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task Check_ListsWhatIsMissingWithLinks_RefusesWithoutTheDeclaration_ThenSubmitsOnce()
    {
        using var client = Director();
        var id = await StartAsync(client, "food-premises");
        await PrefillAsync(client, id);

        var missing = await PageAsync(client, $"{Pages}/{id}/Check");
        var left = Between(missing, "<div class=\"notice\" id=\"left\">", "</div>");
        Assert.Contains($"<a href=\"{Pages}/{id}/Questions?key=seats\">จำนวนที่นั่ง</a>", left, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Pages}/{id}/Questions?key=floor_area\">พื้นที่ (ตร.ม.)</a>", left, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Pages}/{id}/Documents\">แบบแปลน</a>", left, StringComparison.Ordinal);
        Assert.DoesNotContain("company_name", left, StringComparison.Ordinal); // filled from the registry
        var token = Token(missing);
        using var early = await PostAsync(client, $"{Pages}/{id}/Check", [Field("Declaration", "true")], token);
        Assert.Contains("<title>ข้อผิดพลาด:", await HtmlAsync(early), StringComparison.Ordinal);
        Assert.Equal("draft", (await ApiAsync(client, id)).GetProperty("status").GetString());

        await AnswerAndAttachAsync(client, id);
        var ready = await PageAsync(client, $"{Pages}/{id}/Check");
        Assert.DoesNotContain("id=\"left\"", ready, StringComparison.Ordinal);
        Assert.Contains("180 บาท", ready, StringComparison.Ordinal); // the online fee

        using var undeclared = await PostAsync(client, $"{Pages}/{id}/Check", [], token);
        var refused = await HtmlAsync(undeclared);
        Assert.Equal(HttpStatusCode.OK, undeclared.StatusCode);
        Assert.Contains("<title>ข้อผิดพลาด:", refused, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#declaration\">ยืนยันว่าข้อมูลเป็นความจริงก่อนยื่นคำขอ</a>", refused, StringComparison.Ordinal);
        Assert.Matches("<fieldset id=\"declaration\" aria-describedby=\"declaration-error\">\\s*<legend>คำรับรอง</legend><p class=\"error-message\" id=\"declaration-error\">.*ยืนยันว่าข้อมูลเป็นความจริงก่อนยื่นคำขอ</p>\\s*<div class=\"checkbox\">", refused);
        Assert.Equal("draft", (await ApiAsync(client, id)).GetProperty("status").GetString());

        var before = (await factory.OutboxTypesAsync()).Count(t => t.Contains("ApplicationSubmitted", StringComparison.Ordinal));
        using var submitted = await PostAsync(client, $"{Pages}/{id}/Check", [Field("Declaration", "true")], token);
        using var again = await PostAsync(client, $"{Pages}/{id}/Check", [Field("Declaration", "true")], token);

        var number = (await ApiAsync(client, id)).GetProperty("number").GetString();
        Assert.Equal($"{Pages}/{id}", submitted.RequestMessage!.RequestUri!.AbsolutePath);
        var details = await HtmlAsync(submitted);
        Assert.Contains($"ยื่นคำขอ {number} แล้ว", details, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\">อยู่ระหว่างพิจารณา</span>", details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal($"{Pages}/{id}", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("ข้อผิดพลาด", await HtmlAsync(again), StringComparison.Ordinal);
        var application = await ApiAsync(client, id);
        Assert.Equal("in-review", application.GetProperty("status").GetString());
        Assert.Single(application.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "submitted");
        Assert.Equal(before + 1, (await factory.OutboxTypesAsync()).Count(t => t.Contains("ApplicationSubmitted", StringComparison.Ordinal)));
        using var checkAfter = await client.GetAsync(Url($"{Pages}/{id}/Check"), Ct);
        Assert.Equal($"{Pages}/{id}", checkAfter.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SentBack_DetailsListsTheMarkedField_QuestionsShowsOnlyIt_AndResubmitSendsItBack()
    {
        using var client = Director();
        var id = await SubmittedAsync(client);
        var number = (await ApiAsync(client, id)).GetProperty("number").GetString()!;
        using var reviewer = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1001", OfficerRoleCodes.Reviewer);
        var task = await TaskOfAsync(reviewer, number);
        using var sent = await reviewer.PostAsJsonAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}/decision"),
            new { outcome = "send-back", reason = "จำนวนที่นั่งไม่ตรงกับแบบแปลน", marked = SeatsOnly, version = task.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var details = await PageAsync(client, $"{Pages}/{id}");
        Assert.Contains("<h2>หน่วยงานขอให้คุณแก้ไข</h2>", details, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Pages}/{id}/Questions?key=seats\">จำนวนที่นั่ง</a>", details, StringComparison.Ordinal);
        Assert.DoesNotContain("?key=floor_area", details, StringComparison.Ordinal);
        Assert.Contains("จำนวนที่นั่งไม่ตรงกับแบบแปลน", details, StringComparison.Ordinal);
        var dashboard = await PageAsync(client, Pages);
        Assert.Contains("หน่วยงานขอให้คุณแก้ไขข้อมูล", dashboard, StringComparison.Ordinal);

        var questions = await PageAsync(client, $"{Pages}/{id}/Questions");
        Assert.Contains("<h1>แก้ไขตามที่หน่วยงานขอ</h1>", questions, StringComparison.Ordinal);
        Assert.Equal(["seats"], Questions(questions));
        var documents = await PageAsync(client, $"{Pages}/{id}/Documents");
        Assert.DoesNotContain("type=\"file\"", documents, StringComparison.Ordinal); // the plan was not marked

        using var corrected = await PostAsync(client, $"{Pages}/{id}/Questions", [Field("seats", "36")], Token(questions));
        Assert.Equal($"{Pages}/{id}", corrected.RequestMessage!.RequestUri!.AbsolutePath);
        using var resubmitted = await PostAsync(client, $"{Pages}/{id}?handler=Resubmit", [], Token(await HtmlAsync(corrected)));

        Assert.Equal($"{Pages}/{id}", resubmitted.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await HtmlAsync(resubmitted);
        Assert.Contains("ส่งคำขอที่แก้ไขแล้ว หน่วยงานจะพิจารณาต่อ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"resubmit\"", html, StringComparison.Ordinal);
        var application = await ApiAsync(client, id);
        Assert.Equal("in-review", application.GetProperty("status").GetString());
        Assert.Equal("36", application.GetProperty("answers").GetProperty("seats").GetString());
        Assert.Equal("120", application.GetProperty("answers").GetProperty("floor_area").GetString());
        Assert.Equal("open", (await TaskOfAsync(reviewer, number)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approved_DetailsLinksToTheFees_WhichPaymentsRaisesAsOneInvoice_WithTheOnlineDiscount()
    {
        using var client = Director();
        var id = await SubmittedAsync(client);
        var number = (await ApiAsync(client, id)).GetProperty("number").GetString()!;
        Assert.DoesNotContain("id=\"pay-fees\"", await PageAsync(client, $"{Pages}/{id}"), StringComparison.Ordinal);
        using var reviewer = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1001", OfficerRoleCodes.Reviewer);
        var task = await TaskOfAsync(reviewer, number);
        using var approved = await reviewer.PostAsJsonAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}/decision"),
            new { outcome = "approve", version = task.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var details = await PageAsync(client, $"{Pages}/{id}");
        Assert.Contains($"<a class=\"button\" href=\"/Payments/ForApplication/{id}\" id=\"pay-fees\">ชำระค่าธรรมเนียม</a>", details, StringComparison.Ordinal);
        var notYet = await PageAsync(client, $"/Payments/ForApplication/{id}");
        Assert.Contains("ยังไม่มีค่าธรรมเนียมให้ชำระ", notYet, StringComparison.Ordinal);

        // Licensing's events reach Payments through the outbox: one invoice for the application, the BMA's fee less the online discount.
        await factory.DispatchOutboxAsync();
        await factory.DispatchOutboxAsync();
        using var fees = await client.GetAsync(Url($"/Payments/ForApplication/{id}"), Ct);
        var invoicePath = fees.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/Payments/Invoices/INV", invoicePath, StringComparison.Ordinal);
        using var invoice = await client.GetAsync(Url($"/api/payments/invoices/{invoicePath["/Payments/Invoices/".Length..]}"), Ct);
        var body = await invoice.JsonAsync();
        Assert.Equal(number, body.GetProperty("reference").GetString());
        Assert.Equal("บริษัท ทดสอบ จำกัด", body.GetProperty("payerName").GetString());
        Assert.Equal(180_00, body.GetProperty("amountSatang").GetInt64());
        Assert.Equal(20_00, body.GetProperty("discountSatang").GetInt64());
        Assert.Equal(LicensingAppFactory.Bma, body.GetProperty("lines")[0].GetProperty("agencyCode").GetString());
    }

    [Fact]
    public async Task Details_InEnglish_SaysTheStepsInEnglish()
    {
        using var client = Director("en-US");
        var id = await StartAsync(client, "food-premises");

        var html = await PrefillAsync(client, id);

        Assert.Contains("Filled from the state's registries: 1 copy you need not attach.", html, StringComparison.Ordinal);
        Assert.Contains("Fill in again", html, StringComparison.Ordinal);
        Assert.Contains("Not submitted yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ดึงข้อมูล", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_StartsOneRenewalOfAGrantedLicence_AndSaysWhyWhenItCannot()
    {
        using var client = Director("en-US");
        var id = await SubmittedAsync(client);
        var renew = $"{Pages}/{id}/Renew/food-premises";
        var waiting = await PageAsync(client, renew);
        Assert.Contains("Only a granted licence can be renewed", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("Start the renewal", waiting, StringComparison.Ordinal);
        using var notInIt = await client.GetAsync(Url($"{Pages}/{id}/Renew/liquor"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, notInIt.StatusCode);

        using var reviewer = factory.CreateClientAsOfficer(LicensingAppFactory.Bma, "22000000-1001", OfficerRoleCodes.Reviewer);
        var task = await TaskOfAsync(reviewer, (await ApiAsync(client, id)).GetProperty("number").GetString()!);
        using var approved = await reviewer.PostAsJsonAsync(Url($"/api/licensing/tasks/{task.GetProperty("id").GetString()}/decision"),
            new { outcome = "approve", version = task.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // The test catalogue's food-premises permit is not renewed: the page says so and offers no button.
        var notRenewed = await PageAsync(client, renew);
        Assert.Contains("This licence is not renewed: apply for it again instead", notRenewed, StringComparison.Ordinal);
        Assert.DoesNotContain("Start the renewal", notRenewed, StringComparison.Ordinal);
    }

    private static async Task<string> StartAsync(HttpClient client, params string[] licences)
    {
        var token = Token(await PageAsync(client, "/Licensing/Apply/restaurant?Province=10"));
        using var response = await PostAsync(client, "/Licensing/Apply/restaurant",
            [.. licences.Select(l => Field("Licences", l)), Field("Province", "10"), Field("District", "1001")], token);
        return IdOf(response);
    }

    /// <summary>Posts the Details page's "fill in from the registries" form; the page it lands on.</summary>
    private static async Task<string> PrefillAsync(HttpClient client, string id)
    {
        var token = Token(await PageAsync(client, $"{Pages}/{id}"));
        using var response = await PostAsync(client, $"{Pages}/{id}?handler=Prefill", [], token);
        Assert.Equal($"{Pages}/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        return await HtmlAsync(response);
    }

    /// <summary>Answers the food-premises questions the registries do not and attaches the floor plan, through the pages.</summary>
    private static async Task AnswerAndAttachAsync(HttpClient client, string id)
    {
        var token = Token(await PageAsync(client, $"{Pages}/{id}/Questions"));
        var answers = (await ApiAsync(client, id)).GetProperty("answers");
        using var saved = await PostAsync(client, $"{Pages}/{id}/Questions",
            [Field("company_name", answers.GetProperty("company_name").GetString()!), Field("applicant_name", answers.GetProperty("applicant_name").GetString()!),
                Field("seats", "40"), Field("floor_area", "120")], token);
        Assert.Equal($"{Pages}/{id}/Check", saved.RequestMessage!.RequestUri!.AbsolutePath);
        using var upload = await UploadAsync(client, id, "floor_plan", Pdf, "plan.pdf", token);
        Assert.Equal($"{Pages}/{id}/Documents", upload.RequestMessage!.RequestUri!.AbsolutePath);
    }

    /// <summary>A food-premises application started, completed and submitted through the pages.</summary>
    private static async Task<string> SubmittedAsync(HttpClient client)
    {
        var id = await StartAsync(client, "food-premises");
        await PrefillAsync(client, id);
        await AnswerAndAttachAsync(client, id);
        var token = Token(await PageAsync(client, $"{Pages}/{id}/Check"));
        using var submitted = await PostAsync(client, $"{Pages}/{id}/Check", [Field("Declaration", "true")], token);
        Assert.Equal($"{Pages}/{id}", submitted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("in-review", (await ApiAsync(client, id)).GetProperty("status").GetString());
        return id;
    }

    private static async Task<JsonElement> ApiAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(Url($"/api/licensing/applications/{id}"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> TaskOfAsync(HttpClient officer, string number)
    {
        using var response = await officer.GetAsync(Url("/api/licensing/tasks"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().Single(t => t.GetProperty("applicationNumber").GetString() == number);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Url(path), Ct);
        var html = await HtmlAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}\n{html}");
        return html;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string token)
    {
        using var form = new FormUrlEncodedContent([.. fields, Field("__RequestVerificationToken", token)]);
        return await client.PostAsync(Url(path), form, Ct);
    }

    /// <summary>Posts a document's upload form as a browser does; no content sends the empty file part of a form posted without choosing a file.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string key, byte[]? content, string? name, string token)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(key), "key" },
        };
        var file = new ByteArrayContent(content ?? []);
        file.Headers.ContentType = new(content is null ? "application/octet-stream" : "application/pdf");
        file.Headers.ContentDisposition = new("form-data") { Name = "\"file\"", FileName = name is null ? "\"\"" : $"\"{name}\"" };
        form.Add(file);
        return await client.PostAsync(Url($"{Pages}/{id}/Documents"), form, Ct);
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static string Token(string html) => Antiforgery().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no form.");

    private static string IdOf(HttpResponseMessage response)
    {
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(response.StatusCode == HttpStatusCode.OK && ApplicationPath().IsMatch(path), $"{response.StatusCode} at {path}");
        return path[(Pages.Length + 1)..];
    }

    /// <summary>The questions a page asks, by their field names, in order.</summary>
    private static List<string> Questions(string html)
    {
        var form = Between(html, "<form method=\"post\" class=\"stack\">", "</form>");
        return QuestionName().Matches(form).Select(m => m.Groups[1].Value).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"No {start} in the page.");
        var to = html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("^/Licensing/Applications/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ApplicationPath();

    [GeneratedRegex("<(?:input|select)[^>]* name=\"([^\"]+)\"")]
    private static partial Regex QuestionName();
}
