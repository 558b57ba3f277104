using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Data;
using OneStop.Payments.Payments;
using OneStop.Payments.ThaiQr;
using OneStop.Testing;

namespace OneStop.Payments.Tests.Http;

/// <summary>Invoices from licensing's events, paying by Thai QR, the bank's notifications, receipts.</summary>
public sealed class PaymentsApiTests(PaymentsAppFactory factory) : IClassFixture<PaymentsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task LicenceFees_MakeOneInvoice_WithEachAgencysLines_AndTheOnlineDiscount()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());

        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var invoice = await client.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal("open", invoice.GetProperty("status").GetString());
        Assert.Equal("licence-fees", invoice.GetProperty("kind").GetString());
        Assert.Equal("นายทดสอบ ใจดี", invoice.GetProperty("payerName").GetString());
        Assert.Equal(1_280_00, invoice.GetProperty("amountSatang").GetInt64());
        Assert.Equal(20_00, invoice.GetProperty("discountSatang").GetInt64());
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([PaymentsAppFactory.Excise, PaymentsAppFactory.Bma], lines.Select(l => l.GetProperty("agencyCode").GetString()!).ToArray());
        var food = lines.Single(l => l.GetProperty("itemCode").GetString() == "food-premises");
        Assert.Equal(180_00, food.GetProperty("amountSatang").GetInt64());
        Assert.Equal(200_00, food.GetProperty("standardSatang").GetInt64());
        Assert.Equal(20_00, food.GetProperty("discountSatang").GetInt64());
        Assert.Matches("^INV25[0-9]{2}[2-9A-Z]{8}$", number);
        Assert.Equal("raised", invoice.GetProperty("history")[0].GetProperty("kind").GetString());

        var mine = await client.GetFromJsonAsync<JsonElement>(Url("/api/payments/invoices"), PaymentsAppFactory.Json, Ct);
        Assert.Contains(mine.EnumerateArray(), i => i.GetProperty("number").GetString() == number);
    }

    [Fact]
    public async Task LicenceFees_InAnyOrder_AndRedelivered_MakeOneInvoice()
    {
        var application = Guid.NewGuid();
        var number = await factory.RaiseLicenceInvoiceAsync(application, approvalFirst: true);
        var again = new FeesDue(application, "BIZ-X", "liquor", PaymentsAppFactory.Excise, 1_100_00, PaymentsAppFactory.Citizen, null, 1_100_00, "x");
        var message = Guid.NewGuid();
        await factory.DeliverAsync(message, again);
        await factory.DeliverAsync(message, again);
        await factory.DeliverAsync(Guid.NewGuid(), new ApplicationApproved(application, "BIZ-X", ["food-premises", "liquor"], [], DateTime.UtcNow));

        var invoices = await factory.WithScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Invoices.Include(i => i.Lines).Where(i => i.ApplicationId == application).ToListAsync(Ct));
        var invoice = Assert.Single(invoices);
        Assert.Equal(number, invoice.Number);
        Assert.Equal(2, invoice.Lines.Count);
        Assert.Equal(1_280_00, invoice.AmountSatang);
    }

    [Fact]
    public async Task AnApplicationOwingNothing_IsSettledAtOnce_AndSaysSo()
    {
        var application = Guid.NewGuid();
        var number = await factory.RaiseLicenceInvoiceAsync(application, foodFee: 0, liquorFee: 0);

        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var invoice = await client.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
        var paid = await OutboxAsync<OneStop.Payments.Contracts.InvoicePaid>();
        Assert.Contains(paid, p => p.ApplicationId == application && p.AmountSatang == 0 && p.ReceiptNumber is null);

        using var pay = await client.PostAsync(Url($"/api/payments/invoices/{number}/payments"), null, Ct);
        await pay.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnotherPersonsInvoice_IsNotFound()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        using var other = factory.CreateClientAsCitizen(PaymentsAppFactory.OtherCitizen);

        using var get = await other.GetAsync(Url($"/api/payments/invoices/{number}"), Ct);
        await get.ReadProblemAsync(HttpStatusCode.NotFound);
        using var pay = await other.PostAsync(Url($"/api/payments/invoices/{number}/payments"), null, Ct);
        await pay.ReadProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = factory.CreateClient();
        using var unsigned = await anonymous.GetAsync(Url($"/api/payments/invoices/{number}"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task Paying_GivesADynamicBillPaymentCode_TheSameWhileItLasts()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());

        var (reference, payload, amount) = await factory.StartPaymentAsync(number);
        var again = await factory.StartPaymentAsync(number);

        Assert.Equal(reference, again.Reference);
        var code = ThaiQrCode.Parse(payload).Value!;
        Assert.Equal(ThaiQrKind.BillPayment, code.Kind);
        Assert.Equal(factory.BillerId, code.Target);
        Assert.Equal(number, code.Ref1);
        Assert.Equal(reference, code.Ref2);
        Assert.Equal(1_280_00, code.AmountSatang);
        Assert.Equal(1_280_00, amount);
        Assert.True(code.IsDynamic);
    }

    [Fact]
    public async Task TheSandboxBank_PaysTheCode_TheInvoiceIsPaid_WithAReceipt()
    {
        var application = Guid.NewGuid();
        var number = await factory.RaiseLicenceInvoiceAsync(application);
        var (_, payload, _) = await factory.StartPaymentAsync(number);
        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);

        using var pay = await client.PostAsJsonAsync(Url("/api/payments/sandbox/pay"), new { payload, outcome = "pending-then-paid" }, Ct);
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        var sent = await pay.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct);
        Assert.Equal([200, 200], sent.EnumerateArray().Select(s => s.GetProperty("httpStatus").GetInt32()).ToArray());

        var invoice = await client.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
        var payment = invoice.GetProperty("payments").EnumerateArray().Single();
        Assert.Equal("paid", payment.GetProperty("status").GetString());
        var receiptNumber = payment.GetProperty("receiptNumber").GetString()!;
        Assert.Matches("^RCP25[0-9]{2}", receiptNumber);
        Assert.Equal(["raised", "payment-started", "payment-pending", "paid"], invoice.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()!).ToArray());

        var receipt = await client.GetFromJsonAsync<JsonElement>(Url($"/api/payments/receipts/{receiptNumber}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal(1_280_00, receipt.GetProperty("amountSatang").GetInt64());
        Assert.Equal(number, receipt.GetProperty("invoiceNumber").GetString());
        using var other = factory.CreateClientAsCitizen(PaymentsAppFactory.OtherCitizen);
        using var notMine = await other.GetAsync(Url($"/api/payments/receipts/{receiptNumber}"), Ct);
        await notMine.ReadProblemAsync(HttpStatusCode.NotFound);

        var paid = await OutboxAsync<OneStop.Payments.Contracts.InvoicePaid>();
        var evt = Assert.Single(paid, p => p.ApplicationId == application);
        Assert.Equal(receiptNumber, evt.ReceiptNumber);
        // What Documents signs the receipt with: who paid, for what, and whose account took the money.
        Assert.Equal((PaymentsAppFactory.Citizen, "นายทดสอบ ใจดี", PaymentsAppFactory.Dga), (evt.PayerCitizenId, evt.PayerName, evt.CollectedBy));
        Assert.Equal(1_100_00, evt.Items.Single(i => i.AgencyCode == PaymentsAppFactory.Excise).AmountSatang);
    }

    [Fact]
    public async Task ThePayPagesPoll_FollowsTheInvoiceAndItsLastPayment_ForTheOwnerOnly()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        async Task<string> StatusAsync()
            => (await client.GetFromJsonAsync<JsonElement>(Url($"/Payments/Invoices/{number}?handler=Status"), PaymentsAppFactory.Json, Ct)).GetProperty("status").GetString()!;

        Assert.Equal("open:none", await StatusAsync());
        var (_, payload, _) = await factory.StartPaymentAsync(number);
        Assert.Equal("open:created", await StatusAsync());
        using var pay = await client.PostAsJsonAsync(Url("/api/payments/sandbox/pay"), new { payload, outcome = "paid" }, Ct);
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        Assert.Equal("paid:paid", await StatusAsync());

        using var other = factory.CreateClientAsCitizen(PaymentsAppFactory.OtherCitizen);
        using var notMine = await other.GetAsync(Url($"/Payments/Invoices/{number}?handler=Status"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
    }

    [Fact]
    public async Task ADeclinedPayment_LeavesTheInvoiceOpen_ToTryAgain()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, payload, _) = await factory.StartPaymentAsync(number);
        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);

        using var pay = await client.PostAsJsonAsync(Url("/api/payments/sandbox/pay"), new { payload, outcome = "failed" }, Ct);
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);

        var invoice = await client.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal("open", invoice.GetProperty("status").GetString());
        Assert.Equal("failed", invoice.GetProperty("payments")[0].GetProperty("status").GetString());
        var next = await factory.StartPaymentAsync(number);
        Assert.NotEqual(reference, next.Reference);
    }

    [Fact]
    public async Task Notifications_Retried_OrSentTwiceAtOnce_PayOnce()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, _, amount) = await factory.StartPaymentAsync(number);
        var body = PaymentsAppFactory.Paid("TXN-" + Guid.NewGuid().ToString("N")[..12], number, reference, amount);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => factory.NotifyAsync(body)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var outcomes = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct)).GetProperty("outcome").GetString()));
        Assert.Equal(1, outcomes.Count(o => o == "accepted"));
        Assert.Equal(7, outcomes.Count(o => o == "duplicate"));
        using var retry = await factory.NotifyAsync(body);
        Assert.Equal("duplicate", (await retry.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct)).GetProperty("outcome").GetString());

        var (receipts, recorded) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            var invoice = await db.Invoices.SingleAsync(i => i.Number == number, Ct);
            return (await db.Receipts.CountAsync(r => r.InvoiceId == invoice.Id, Ct),
                await db.Notifications.Where(n => n.InvoiceNumber == number).Select(n => n.Outcome).ToListAsync(Ct));
        });
        Assert.Equal(1, receipts);
        Assert.Equal(9, recorded.Count);
        Assert.Equal(1, recorded.Count(o => o == NotificationOutcome.Accepted));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task AnInvoicePaidAlready_RefusesASecondTransaction_SoNobodyPaysTwice()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, _, amount) = await factory.StartPaymentAsync(number);
        using var first = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-A-" + reference, number, reference, amount));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The same bill paid again from a bank's bill menu (reference 1 only): refused, so the bank gives the money back.
        using var second = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-B-" + reference, number, null, amount));
        var problem = await second.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("not-payable", problem.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ABillPaidByReference1Alone_IsAccepted()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());

        using var answer = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-R1-" + number, number, null, 1_280_00));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct);
        Assert.Equal("paid", body.GetProperty("paymentStatus").GetString());
        Assert.StartsWith("RCP", body.GetProperty("receiptNumber").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadNotifications_AreRefused_WithTheReason_AndRecorded()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, _, amount) = await factory.StartPaymentAsync(number);

        using var forged = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-F", number, reference, amount), secret: OneStop.SharedKernel.Http.StandardWebhooks.NewSecret());
        Assert.Equal("bad-signature", (await forged.ReadProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("outcome").GetString());
        using var replayed = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-S", number, reference, amount), signedAt: DateTimeOffset.UtcNow.AddMinutes(-20));
        Assert.Equal("stale", (await replayed.ReadProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("outcome").GetString());
        using var wrongAmount = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-W", number, reference, amount - 1));
        Assert.Equal("wrong-amount", (await wrongAmount.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("outcome").GetString());
        using var unknown = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-U", "INV2569ZZZZZZZZ", null, amount));
        Assert.Equal("unknown-reference", (await unknown.ReadProblemAsync(HttpStatusCode.NotFound)).GetProperty("outcome").GetString());
        using var unknownAttempt = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-V", number, "PAYNOTHERE", amount));
        await unknownAttempt.ReadProblemAsync(HttpStatusCode.NotFound);
        using var malformed = await factory.NotifyAsync(new { transactionId = "TXN-M", status = "paid", ref1 = number, amountSatang = 12.5 });
        Assert.Equal("malformed", (await malformed.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("outcome").GetString());
        using var noGateway = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-G", number, reference, amount), gateway: "nobank");
        await noGateway.ReadProblemAsync(HttpStatusCode.NotFound);

        var recorded = await factory.WithScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Notifications.AsNoTracking()
            .Where(n => n.TransactionId != null && n.TransactionId.StartsWith("TXN-") && n.TransactionId.Length == 5).ToListAsync(Ct));
        Assert.Contains(recorded, n => n.TransactionId == "TXN-W" && n.Outcome == NotificationOutcome.WrongAmount && n.Detail!.Contains("asks", StringComparison.Ordinal));
        Assert.Contains(recorded, n => n.TransactionId == "TXN-U" && n.Outcome == NotificationOutcome.UnknownReference);
        var refused = await factory.WithScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Outcome == NotificationOutcome.BadSignature || n.Outcome == NotificationOutcome.Stale || n.Outcome == NotificationOutcome.Malformed).ToListAsync(Ct));
        Assert.Contains(refused, n => n.Outcome == NotificationOutcome.Malformed && n.Body.Contains("TXN-M", StringComparison.Ordinal));
        var bySignature = refused.Where(n => n.Outcome != NotificationOutcome.Malformed).Select(n => n.Body).ToList();
        Assert.Contains(bySignature, b => b.Contains("TXN-F", StringComparison.Ordinal));
        Assert.Contains(bySignature, b => b.Contains("TXN-S", StringComparison.Ordinal));

        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var invoice = await client.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal("open", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancellingACode_StopsItBeingPaid()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, _, amount) = await factory.StartPaymentAsync(number);
        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);

        using var cancel = await client.PostAsync(Url($"/api/payments/invoices/{number}/payments/{reference}/cancel"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        using var again = await client.PostAsync(Url($"/api/payments/invoices/{number}/payments/{reference}/cancel"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var paid = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-C-" + reference, number, reference, amount));
        await paid.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ExpiredCodes_AndOverdueInvoices_AreClosed()
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, _, amount) = await factory.StartPaymentAsync(number);

        var closed = await factory.WithScopeAsync(sp => ExpiryJob.RunOnceAsync(sp.GetRequiredService<PaymentsDbContext>(), new ShiftedClock(TimeSpan.FromDays(60)), Ct));
        Assert.True(closed >= 2);

        using var client = factory.CreateClientAsCitizen(PaymentsAppFactory.Citizen);
        var invoice = await client.GetFromJsonAsync<JsonElement>(Url($"/api/payments/invoices/{number}"), PaymentsAppFactory.Json, Ct);
        Assert.Equal("expired", invoice.GetProperty("status").GetString());
        Assert.Equal("expired", invoice.GetProperty("payments")[0].GetProperty("status").GetString());
        using var late = await factory.NotifyAsync(PaymentsAppFactory.Paid("TXN-L-" + reference, number, reference, amount));
        await late.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<List<T>> OutboxAsync<T>()
        => await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            var name = OneStop.SharedKernel.Messaging.IntegrationEventTypes.NameOf(typeof(T));
            var payloads = await db.OutboxMessages.Where(m => m.Type == name).Select(m => m.Payload).ToListAsync(Ct);
            return payloads.Select(p => JsonSerializer.Deserialize<T>(p, PaymentsAppFactory.Json)!).ToList();
        });
}
