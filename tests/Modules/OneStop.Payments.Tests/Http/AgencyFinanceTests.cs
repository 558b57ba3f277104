using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.Payments.Tests.Http;

/// <summary>What agencies do: raise and withdraw fines and fees, give money back, reconcile the bank's statement.</summary>
public sealed class AgencyFinanceTests(PaymentsAppFactory factory) : IClassFixture<PaymentsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static object Fine(string reference, string payer = PaymentsAppFactory.Citizen, long amount = 500_00) => new
    {
        kind = "fine", reference, payerCitizenId = payer, payerName = "นายทดสอบ ใจดี", titleTh = "ค่าปรับจอดรถในที่ห้ามจอด", titleEn = "Parking fine",
        dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        lines = new[] { new { itemCode = "parking", descriptionTh = "จอดในที่ห้ามจอด", descriptionEn = "Parking where forbidden", amountSatang = amount } },
    };

    [Fact]
    public async Task AnAgency_RaisesAFine_OnceForItsReference_AndThePayerSeesIt()
    {
        using var finance = factory.CreateClientAsOfficer(PaymentsAppFactory.Bma, null, "finance");
        var reference = "TICKET-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await finance.PostAsJsonAsync(Url("/api/payments/agency/invoices"), Fine(reference), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invoice = await created.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct);
        Assert.Equal("fine", invoice.GetProperty("kind").GetString());
        Assert.Equal(500_00, invoice.GetProperty("amountSatang").GetInt64());
        var number = invoice.GetProperty("number").GetString();

        using var again = await finance.PostAsJsonAsync(Url("/api/payments/agency/invoices"), Fine(reference), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(number, (await again.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct)).GetProperty("number").GetString());

        using var payer = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var mine = await payer.GetFromJsonAsync<JsonElement>(Url("/api/payments/invoices"), PaymentsAppFactory.Json, Ct);
        Assert.Single(mine.EnumerateArray(), i => i.GetProperty("number").GetString() == number);
    }

    [Theory]
    [InlineData("kind", "{\"kind\":\"gift\"}")]
    [InlineData("payerCitizenId", "{\"kind\":\"fine\",\"reference\":\"R1\",\"payerCitizenId\":\"1999900000014\"}")]
    [InlineData("dueOn", "{\"kind\":\"fine\",\"reference\":\"R1\",\"payerCitizenId\":\"1999900000013\",\"payerName\":\"A\",\"titleTh\":\"ก\",\"titleEn\":\"A\",\"dueOn\":\"2020-01-01\",\"lines\":[{\"itemCode\":\"a\",\"descriptionTh\":\"ก\",\"descriptionEn\":\"a\",\"amountSatang\":100}]}")]
    [InlineData("lines", "{\"kind\":\"fine\",\"reference\":\"R1\",\"payerCitizenId\":\"1999900000013\",\"payerName\":\"A\",\"titleTh\":\"ก\",\"titleEn\":\"A\",\"dueOn\":\"2099-01-01\",\"lines\":[]}")]
    public async Task RaisingWithBadInput_NamesTheField(string field, string json)
    {
        using var finance = factory.CreateClientAsOfficer(PaymentsAppFactory.Bma, null, "finance");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await finance.PostAsync(Url("/api/payments/agency/invoices"), content, Ct);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task OnlyFinanceOfficers_RaiseOrRefund()
    {
        using var reviewer = factory.CreateClientAsOfficer(PaymentsAppFactory.Bma, null, "reviewer");
        using var raise = await reviewer.PostAsJsonAsync(Url("/api/payments/agency/invoices"), Fine("R-" + Guid.NewGuid().ToString("N")[..6]), Ct);
        await raise.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var list = await reviewer.GetAsync(Url("/api/payments/agency/payments"), Ct);
        await list.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var citizen = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        using var asCitizen = await citizen.PostAsJsonAsync(Url("/api/payments/agency/invoices"), Fine("R-X"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, asCitizen.StatusCode);
    }

    [Fact]
    public async Task AnAgency_WithdrawsItsFine_WithAReason_ButNotAnothersOrAPaidOne()
    {
        using var finance = factory.CreateClientAsOfficer(PaymentsAppFactory.Bma, null, "finance");
        using var created = await finance.PostAsJsonAsync(Url("/api/payments/agency/invoices"), Fine("W-" + Guid.NewGuid().ToString("N")[..8]), Ct);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct)).GetProperty("number").GetString();

        using var excise = factory.CreateClientAsOfficer(PaymentsAppFactory.Excise, null, "finance");
        using var notTheirs = await excise.PostAsJsonAsync(Url($"/api/payments/agency/invoices/{number}/cancel"), new { reason = "x" }, Ct);
        await notTheirs.ReadProblemAsync(HttpStatusCode.NotFound);
        using var noReason = await finance.PostAsJsonAsync(Url($"/api/payments/agency/invoices/{number}/cancel"), new { reason = " " }, Ct);
        Assert.NotEmpty((await noReason.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason"));
        using var cancelled = await finance.PostAsJsonAsync(Url($"/api/payments/agency/invoices/{number}/cancel"), new { reason = "ออกใบสั่งผิดคัน" }, Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct)).GetProperty("status").GetString());

        using var payer = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        using var pay = await payer.PostAsync(Url($"/api/payments/invoices/{number}/payments"), null, Ct);
        await pay.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Refunds_GiveBackTheAgencysShare_NeverMore()
    {
        var (number, paymentId) = await PaidLicenceInvoiceAsync();
        using var bma = factory.CreateClientAsOfficer(PaymentsAppFactory.Bma, null, "finance");
        using var excise = factory.CreateClientAsOfficer(PaymentsAppFactory.Excise, null, "finance");
        using var dbd = factory.CreateClientAsOfficer("12007000", null, "finance");

        var payments = await bma.GetFromJsonAsync<JsonElement>(Url("/api/payments/agency/payments"), PaymentsAppFactory.Json, Ct);
        var listed = payments.EnumerateArray().Single(p => p.GetProperty("paymentId").GetGuid() == paymentId);
        Assert.Equal(180_00, listed.GetProperty("agencySatang").GetInt64());

        using var tooMuch = await bma.PostAsJsonAsync(Url($"/api/payments/agency/payments/{paymentId}/refunds"), new { amountSatang = 180_01, reason = "ยกเลิกกิจการ" }, Ct);
        Assert.NotEmpty((await tooMuch.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("amountSatang"));
        using var notTheirs = await dbd.PostAsJsonAsync(Url($"/api/payments/agency/payments/{paymentId}/refunds"), new { amountSatang = 100, reason = "x" }, Ct);
        await notTheirs.ReadProblemAsync(HttpStatusCode.NotFound);
        using var noReason = await bma.PostAsJsonAsync(Url($"/api/payments/agency/payments/{paymentId}/refunds"), new { amountSatang = 100 }, Ct);
        Assert.NotEmpty((await noReason.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason"));

        // Two refunds of 100 baht at once from the 180 baht share: one passes, the other is told what is left.
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            bma.PostAsJsonAsync(Url($"/api/payments/agency/payments/{paymentId}/refunds"), new { amountSatang = 100_00, reason = "คืนค่าธรรมเนียมบางส่วน" }, Ct)));
        Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var refund = await both.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct);
        Assert.Equal("succeeded", refund.GetProperty("status").GetString());
        Assert.StartsWith("SBXR", refund.GetProperty("gatewayReference").GetString(), StringComparison.Ordinal);
        foreach (var response in both)
        {
            response.Dispose();
        }

        using var rest = await bma.PostAsJsonAsync(Url($"/api/payments/agency/payments/{paymentId}/refunds"), new { amountSatang = 80_00, reason = "คืนส่วนที่เหลือ" }, Ct);
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        using var exciseRefund = await excise.PostAsJsonAsync(Url($"/api/payments/agency/payments/{paymentId}/refunds"), new { amountSatang = 1_100_00, reason = "ไม่อนุญาต" }, Ct);
        Assert.Equal(HttpStatusCode.Created, exciseRefund.StatusCode);
        using var nothingLeft = await bma.PostAsJsonAsync(Url($"/api/payments/agency/payments/{paymentId}/refunds"), new { amountSatang = 1, reason = "x" }, Ct);
        await nothingLeft.ReadProblemAsync(HttpStatusCode.BadRequest);

        using var payer = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var invoice = await payer.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal(1_280_00, invoice.GetProperty("refundedSatang").GetInt64());
        Assert.Equal(3, invoice.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "refunded"));
        var refunds = await bma.GetFromJsonAsync<JsonElement>(Url($"/api/payments/agency/payments/{paymentId}/refunds"), PaymentsAppFactory.Json, Ct);
        Assert.Equal(2, refunds.GetArrayLength());
    }

    [Fact]
    public async Task AFinanceOfficerReadingAnInvoice_IsRecordedWhereThePayerSeesIt()
    {
        var (number, _) = await PaidLicenceInvoiceAsync();
        using var bma = factory.CreateClientAsOfficer(PaymentsAppFactory.Bma, null, "finance");
        using var dbd = factory.CreateClientAsOfficer("12007000", null, "finance");

        using var notTheirs = await dbd.GetAsync(Url($"/api/payments/agency/invoices/{number}"), Ct);
        await notTheirs.ReadProblemAsync(HttpStatusCode.NotFound);
        var seen = await bma.GetFromJsonAsync<JsonElement>(Url($"/api/payments/agency/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal("paid", seen.GetProperty("status").GetString());

        using var payer = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var invoice = await payer.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        var read = invoice.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("read-by-officer", read.GetProperty("kind").GetString());
        Assert.Contains(PaymentsAppFactory.Bma, read.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconciliation_MatchesTheStatement_AndReportsWhatDoesNot()
    {
        var (matchedInvoice, _) = await PaidLicenceInvoiceAsync("TXN-RM-");
        var (wrongInvoice, _) = await PaidLicenceInvoiceAsync("TXN-RW-");
        var (missingInvoice, _) = await PaidLicenceInvoiceAsync("TXN-RX-");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"date,transaction_id,ref1,ref2,amount\n{today},TXN-RM-{matchedInvoice},{matchedInvoice},,1280.00\n{today},TXN-RW-{wrongInvoice},{wrongInvoice},,1200.00\n{today},TXN-NOTOURS,INV0000,,99.50\n";
        using var dga = factory.CreateClientAsOfficer(PaymentsAppFactory.Dga, null, "finance");

        var run = await UploadAsync(dga, csv, HttpStatusCode.OK);
        Assert.Equal(1, run.GetProperty("matched").GetInt32());
        Assert.Equal(1, run.GetProperty("mismatched").GetInt32());
        Assert.Equal(1, run.GetProperty("unmatched").GetInt32());
        var items = run.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "missing" && i.GetProperty("reference").GetString() == missingInvoice);
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "mismatched" && i.GetProperty("line").GetInt32() == 3
            && i.GetProperty("statementSatang").GetInt64() == 1_200_00 && i.GetProperty("recordedSatang").GetInt64() == 1_280_00);
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "unmatched" && i.GetProperty("transactionId").GetString() == "TXN-NOTOURS");

        var again = await UploadAsync(dga, csv, HttpStatusCode.OK);
        Assert.Equal(run.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        var fetched = await dga.GetFromJsonAsync<JsonElement>(Url($"/api/payments/agency/reconciliations/{run.GetProperty("id").GetGuid()}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal(1, fetched.GetProperty("matched").GetInt32());

        var bad = await UploadAsync(dga, "date,transaction_id,ref1,amount\n2026-13-01,T1,INV1,1.00\n", HttpStatusCode.BadRequest);
        Assert.Contains("Line 2", bad.ErrorsFor("file")[0], StringComparison.Ordinal);
        var noColumns = await UploadAsync(dga, "when,what\n", HttpStatusCode.BadRequest);
        Assert.Contains("transaction_id", noColumns.ErrorsFor("file")[0], StringComparison.Ordinal);
        using var bma = factory.CreateClientAsOfficer(PaymentsAppFactory.Bma, null, "finance");
        await UploadAsync(bma, csv, HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string csv, HttpStatusCode expected)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "statement.csv");
        using var response = await client.PostAsync(Url("/api/payments/agency/reconciliations"), form, Ct);
        return expected == HttpStatusCode.OK
            ? await response.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct)
            : await response.ReadProblemAsync(expected);
    }

    /// <summary>A licence invoice (180 baht to the BMA, 1,100 to the Excise Department) paid by the bank with transaction <c>{prefix}{number}</c>.</summary>
    private async Task<(string Number, Guid PaymentId)> PaidLicenceInvoiceAsync(string prefix = "TXN-P-")
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, _, amount) = await factory.StartPaymentAsync(number);
        using var paid = await factory.NotifyAsync(PaymentsAppFactory.Paid(prefix + number, number, reference, amount));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        using var payer = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var invoice = await payer.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        return (number, invoice.GetProperty("payments")[0].GetProperty("id").GetGuid());
    }
}
