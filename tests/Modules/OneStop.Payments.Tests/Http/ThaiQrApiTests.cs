using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Payments.Tests.ThaiQr;
using OneStop.Testing;

namespace OneStop.Payments.Tests.Http;

/// <summary>The Thai QR utility agency systems call: the peers' payloads, a PNG, and clear errors.</summary>
public sealed class ThaiQrApiTests(PaymentsAppFactory factory) : IClassFixture<PaymentsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Make_AnswersThePeersPayload_AndAPng_ForEveryKind()
    {
        using var client = factory.CreateClient();
        foreach (var v in ThaiQrVectors.All.Where(v => v.AmountSatang is null or > 0))
        {
            object request = v.Kind == "bill_payment"
                ? new { type = "billPayment", billerId = v.Target, ref1 = v.Ref1, ref2 = v.Ref2.Length == 0 ? null : v.Ref2, amountSatang = v.AmountSatang }
                : new { type = v.Kind switch { "mobile" => "mobile", "citizen_id" => "nationalId", _ => "eWallet" }, target = v.Target, amountSatang = v.AmountSatang };
            using var response = await client.PostAsJsonAsync(new Uri("/api/payments/thaiqr", UriKind.Relative), request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct);
            Assert.Equal(v.Payload, body.GetProperty("payload").GetString());
            var png = Convert.FromBase64String(body.GetProperty("pngBase64").GetString()!);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        }
    }

    [Theory]
    [InlineData("{\"type\":\"cheque\",\"target\":\"0812345678\"}", "type")]
    [InlineData("{\"type\":\"mobile\",\"target\":\"12\"}", "target")]
    [InlineData("{\"type\":\"mobile\",\"target\":\"0812345678\",\"amountSatang\":-5}", "amountSatang")]
    [InlineData("{\"type\":\"billPayment\",\"billerId\":\"010599900001600\"}", "ref1")]
    [InlineData("{\"type\":\"billPayment\",\"billerId\":\"123\",\"ref1\":\"A1\"}", "billerId")]
    public async Task Make_NamesTheFieldAtFault(string json, string field)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/payments/thaiqr", UriKind.Relative), content, Ct);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Read_ReadsAPayloadBack_OrSaysWhatIsWrong()
    {
        using var client = factory.CreateClient();
        var bill = ThaiQrVectors.All.Single(v => v.Ref2 == "BKK10200");
        using var ok = await client.PostAsJsonAsync(new Uri("/api/payments/thaiqr/read", UriKind.Relative), new { payload = bill.Payload }, Ct);
        var read = await ok.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct);
        Assert.Equal("billPayment", read.GetProperty("type").GetString());
        Assert.Equal(bill.Target, read.GetProperty("billerId").GetString());
        Assert.Equal("LIC2568000123", read.GetProperty("ref1").GetString());
        Assert.Equal(1500_50, read.GetProperty("amountSatang").GetInt64());
        Assert.True(read.GetProperty("dynamic").GetBoolean());

        using var damaged = await client.PostAsJsonAsync(new Uri("/api/payments/thaiqr/read", UriKind.Relative), new { payload = bill.Payload[..^1] + "0" }, Ct);
        var problem = await damaged.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("CRC", problem.ErrorsFor("payload")[0], StringComparison.Ordinal);
    }
}
