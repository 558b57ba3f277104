using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OneStop.Payments.Payments;
using OneStop.Payments.ThaiQr;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// A pretend bank for Development and tests (never Production): a person "pays" a Thai QR code and the bank sends
/// the signed notification a real gateway would, to the platform's own notification endpoint, through the whole
/// HTTP pipeline. Its secret is made at start, so no configuration file holds one.
/// </summary>
internal sealed class SandboxBank
{
    public const string Gateway = "sandbox";
    public const string HttpClientName = "payments-sandbox";

    public string Secret { get; } = StandardWebhooks.NewSecret();
}

/// <summary>What the sandbox bank does when a person pays: <c>paid</c>, <c>failed</c>, or <c>pending</c> then <c>paid</c>.</summary>
internal enum SandboxOutcome
{
    Paid,
    Failed,
    PendingThenPaid,
}

internal sealed class SandboxPayer(SandboxBank bank, PaymentSettings settings, IHttpClientFactory clients, PublicOrigin origin, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What the bank heard back for each notification it sent.</summary>
    public sealed record Sent(string Status, int HttpStatus, string Answer);

    /// <summary>Reads the code as a banking app would, and pays it; a code that is not ours, or has no amount, is refused before anything is sent.</summary>
    public async Task<Result<IReadOnlyList<Sent>>> PayAsync(string? payload, SandboxOutcome outcome, CancellationToken ct)
    {
        var code = ThaiQrCode.Parse(payload);
        if (!code.IsSuccess)
        {
            return code.Error!;
        }

        if (code.Value is not { Kind: ThaiQrKind.BillPayment, AmountSatang: > 0 } bill || bill.Target != settings.BillerId)
        {
            return Error.Invalid("payload", "The sandbox bank pays the platform's bill-payment codes with an amount; this code is not one.");
        }

        var transaction = "SBX" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant();
        var statuses = outcome switch
        {
            SandboxOutcome.Paid => new[] { ReceiveNotification.Paid },
            SandboxOutcome.Failed => [ReceiveNotification.Failed],
            _ => [ReceiveNotification.Pending, ReceiveNotification.Paid],
        };
        var sent = new List<Sent>();
        foreach (var status in statuses)
        {
            var body = new ReceiveNotification.Body(transaction, status, bill.Target, bill.Ref1, bill.Ref2, bill.AmountSatang, clock.GetUtcNow().UtcDateTime,
                status == ReceiveNotification.Failed ? "Declined by the payer's bank (sandbox)" : null);
            sent.Add(await SendAsync(JsonSerializer.Serialize(body, Json), status, ct));
        }

        return sent;
    }

    /// <summary>Signs and posts one notification to the platform's endpoint for this gateway.</summary>
    public async Task<Sent> SendAsync(string body, string status, CancellationToken ct)
    {
        var id = "msg_" + Guid.CreateVersion7().ToString("N");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin.Link($"/api/payments/notifications/{SandboxBank.Gateway}")))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(StandardWebhooks.IdHeader, id);
        request.Headers.Add(StandardWebhooks.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhooks.SignatureHeader, StandardWebhooks.Sign(bank.Secret, id, timestamp, body));
        using var response = await clients.CreateClient(SandboxBank.HttpClientName).SendAsync(request, ct);
        return new Sent(status, (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }
}

/// <summary>The sandbox bank reaches the platform in process, through every middleware, as a gateway would over the network.</summary>
internal sealed class SandboxHandler(LocalPipeline local) : InProcessHttpHandler(local);
