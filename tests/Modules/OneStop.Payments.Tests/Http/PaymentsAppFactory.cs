using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.Payments.Sandbox;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Messaging;
using OneStop.Testing;

namespace OneStop.Payments.Tests.Http;

/// <summary>The app with its sandbox bank, and ways to raise invoices and send a bank's notifications as tests need them.</summary>
public class PaymentsAppFactory : AppFactory
{
    public const string Citizen = "1999900000013";
    public const string OtherCitizen = "3999904567898";
    public const string Company = "0105999000016";
    public const string Bma = "22000000";
    public const string Excise = "03006000";
    public const string Dga = "10009000";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal string SandboxSecret => Services.GetRequiredService<SandboxBank>().Secret;

    internal string BillerId => Services.GetRequiredService<PaymentSettings>().BillerId;

    /// <summary>
    /// Licensing's events for an application of two approved licences from two agencies (a food-premises permit with the
    /// online discount, a liquor licence) delivered to Payments in the given order; answers the invoice number.
    /// </summary>
    public async Task<string> RaiseLicenceInvoiceAsync(Guid applicationId, string payer = Citizen, bool approvalFirst = false, long foodFee = 180_00, long liquorFee = 1_100_00)
    {
        var number = "BIZ-2569-" + applicationId.ToString("N")[..8].ToUpperInvariant();
        IIntegrationEvent[] events =
        [
            new FeesDue(applicationId, number, "food-premises", Bma, foodFee, payer, null, foodFee == 0 ? 0 : 200_00, "นายทดสอบ ใจดี"),
            new FeesDue(applicationId, number, "liquor", Excise, liquorFee, payer, null, liquorFee, "นายทดสอบ ใจดี"),
            new ApplicationApproved(applicationId, number, ["food-premises", "liquor"], [], DateTime.UtcNow),
        ];
        foreach (var e in approvalFirst ? events.Reverse() : events)
        {
            await DeliverAsync(Guid.NewGuid(), e);
        }

        return await WithScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Invoices.Where(i => i.ApplicationId == applicationId).Select(i => i.Number).SingleAsync());
    }

    /// <summary>Delivers one event to Payments' consumer, as the outbox would (the same message id twice is a redelivery).</summary>
    public Task DeliverAsync(Guid messageId, IIntegrationEvent integrationEvent)
        => WithScopeAsync<bool>(async sp =>
        {
            switch (integrationEvent)
            {
                case FeesDue fees:
                    await sp.GetServices<IIntegrationEventHandler<FeesDue>>().OfType<LicenceFees>().Single().HandleAsync(messageId, fees, CancellationToken.None);
                    break;
                case ApplicationApproved approved:
                    await sp.GetServices<IIntegrationEventHandler<ApplicationApproved>>().OfType<LicenceFees>().Single().HandleAsync(messageId, approved, CancellationToken.None);
                    break;
                default:
                    throw new ArgumentException(integrationEvent.GetType().Name);
            }

            return true;
        });

    /// <summary>Posts a bank notification signed with the sandbox's secret (or <paramref name="secret"/>), at <paramref name="signedAt"/> (default now).</summary>
    public async Task<HttpResponseMessage> NotifyAsync(object body, DateTimeOffset? signedAt = null, string? secret = null, string gateway = SandboxBank.Gateway)
    {
        var text = JsonSerializer.Serialize(body, Json);
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/payments/notifications/{gateway}", UriKind.Relative))
        {
            Content = new StringContent(text, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StandardWebhooks.IdHeader, id);
        request.Headers.Add(StandardWebhooks.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhooks.SignatureHeader, StandardWebhooks.Sign(secret ?? SandboxSecret, id, timestamp, text));
        using var client = CreateClient();
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A code to pay the invoice, as its payer asks for one: the payment's reference and QR payload.</summary>
    public async Task<(string Reference, string Payload, long Amount)> StartPaymentAsync(string invoice, string payer = Citizen)
    {
        using var client = CreateClientAsCitizen(payer);
        using var response = await client.PostAsync(new Uri($"/api/payments/invoices/{invoice}/payments", UriKind.Relative), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Current.CancellationToken);
        var payment = body.GetProperty("payment");
        return (payment.GetProperty("reference").GetString()!, payment.GetProperty("qrPayload").GetString()!, payment.GetProperty("amountSatang").GetInt64());
    }

    public static object Paid(string transaction, string invoice, string? reference, long amount, string status = "paid")
        => new { transactionId = transaction, status, billerId = PaymentSettings.DemoBillerId, ref1 = invoice, ref2 = reference, amountSatang = amount, paidAt = DateTime.UtcNow };
}
