using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.Payments.Receipts;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Messaging;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Payments.Payments;

/// <summary>
/// A bank or gateway tells us a bill was paid (or is being paid, or failed). The notification is signed
/// (Standard Webhooks, HMAC-SHA256), recent, names an invoice of ours by reference 1 and carries its exact amount;
/// anything else is refused and recorded. It is applied at most once per transaction and status: the record of it
/// and the payment it completes are one transaction, so a crash between the two leaves neither, and the bank's
/// retry completes the payment; a retry or a concurrent duplicate of an applied one is answered as before.
/// </summary>
internal static class ReceiveNotification
{
    /// <param name="TransactionId">The gateway's unique ID of the transaction.</param>
    /// <param name="Status"><c>paid</c>, <c>pending</c> or <c>failed</c>.</param>
    /// <param name="BillerId">Our biller ID, as in the QR code paid.</param>
    /// <param name="Ref1">The invoice number.</param>
    /// <param name="Ref2">The payment's reference, when the payer scanned the code of one attempt.</param>
    /// <param name="AmountSatang">What was paid, in satang.</param>
    /// <param name="PaidAt">When the bank took the money (UTC).</param>
    /// <param name="Reason">Why it failed.</param>
    public sealed record Body(string? TransactionId, string? Status, string? BillerId, string? Ref1, string? Ref2, long? AmountSatang, DateTime? PaidAt, string? Reason);

    /// <summary>What the gateway is told: the outcome and, when applied, the payment's state and receipt.</summary>
    public sealed record Answer(string Outcome, string? PaymentStatus, string? ReceiptNumber);

    /// <summary>A refusal: the status to answer, the outcome recorded and why.</summary>
    public sealed record Refusal(int Status, NotificationOutcome Outcome, string Detail);

    public const string Paid = "paid";
    public const string Pending = "pending";
    public const string Failed = "failed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal sealed class Handler(PaymentsDbContext db, PaymentGateways gateways, PaymentSettings settings, TimeProvider clock)
    {
        public async Task<(Answer? Answer, Refusal? Refusal)> HandleAsync(string gateway, string? messageId, string? timestamp, string? signature, byte[] body, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var now = clock.GetUtcNow();
            var text = Encoding.UTF8.GetString(body);
            if (gateways.SecretOf(gateway) is not { } secret)
            {
                return (null, new Refusal(404, NotificationOutcome.BadSignature, $"No gateway '{gateway}'."));
            }

            if (string.IsNullOrEmpty(messageId) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAt)
                || !StandardWebhooks.Verify(secret, messageId, signedAt, body, signature))
            {
                return await RefuseAsync(gateway, messageId, null, text, new Refusal(401, NotificationOutcome.BadSignature, "The signature does not match the body with this gateway's secret."), ct);
            }

            if (Math.Abs(now.ToUnixTimeSeconds() - signedAt) > settings.Tolerance.TotalSeconds)
            {
                return await RefuseAsync(gateway, messageId, null, text, new Refusal(401, NotificationOutcome.Stale,
                    $"Signed at {DateTimeOffset.FromUnixTimeSeconds(signedAt):u}, more than {settings.Tolerance.TotalMinutes:0} minutes from now: a replay, or a clock to set right."), ct);
            }

            Body? notice;
            try
            {
                notice = JsonSerializer.Deserialize<Body>(body, Json);
            }
            catch (JsonException)
            {
                notice = null;
            }

            if (notice is null || string.IsNullOrWhiteSpace(notice.TransactionId) || notice.TransactionId.Length > 100 || notice.Status is not (Paid or Pending or Failed)
                || string.IsNullOrWhiteSpace(notice.Ref1) || notice.AmountSatang is not > 0)
            {
                return await RefuseAsync(gateway, messageId, notice, text, new Refusal(400, NotificationOutcome.Malformed,
                    "Give transactionId, status (paid, pending or failed), ref1 and amountSatang (a positive whole number of satang)."), ct);
            }

            return await db.RetryOnConflictAsync(async attemptCt =>
            {
                var outcome = await ApplyAsync(gateway, messageId, notice, text, attemptCt);
                return outcome.Refusal is { } refusal ? await RefuseAsync(gateway, messageId, notice, text, refusal, attemptCt) : outcome;
            }, ct);
        }

        private async Task<(Answer? Answer, Refusal? Refusal)> ApplyAsync(string gateway, string messageId, Body notice, string text, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var transaction = notice.TransactionId!;
            var found = notice.BillerId is null || notice.BillerId == settings.BillerId ? await FindAsync(gateway, transaction, notice, ct) : null;
            if (found?.AppliedTo is { } appliedTo)
            {
                // A retry, or the same notification twice at once: answered as the first time, and recorded so disputes see it.
                var answer = found.Payment is { } same && same.Id == appliedTo
                    ? new Answer("duplicate", Wire(same.Status), found.PaymentReceipt)
                    : null;
                db.ChangeTracker.Clear();
                return (await DuplicateAsync(gateway, messageId, notice, text, appliedTo, now, answer, ct), null);
            }

            if (found is null)
            {
                return (null, new Refusal(404, NotificationOutcome.UnknownReference, $"No invoice '{notice.Ref1}' for biller '{notice.BillerId ?? settings.BillerId}'."));
            }

            var invoice = found.Invoice;
            var payment = found.Payment ?? (string.IsNullOrEmpty(notice.Ref2) ? await PaymentByTransactionAsync(gateway, transaction, invoice, ct) : null);
            if (payment is null)
            {
                return (null, new Refusal(404, NotificationOutcome.UnknownReference, $"Invoice '{invoice.Number}' has no payment '{notice.Ref2}'."));
            }

            if (payment.Status == PaymentStatus.Paid && payment.Gateway == gateway && payment.TransactionId == transaction && notice.Status == Paid)
            {
                // The same notification, applied by a twin between our first look and now.
                db.ChangeTracker.Clear();
                return (await DuplicateAsync(gateway, messageId, notice, text, payment.Id, now, null, ct), null);
            }

            if (notice.AmountSatang != payment.AmountSatang)
            {
                return (null, new Refusal(409, NotificationOutcome.WrongAmount,
                    $"The amount is {new Money(notice.AmountSatang!.Value)} but {invoice.Number} asks {payment.Amount}."));
            }

            NotificationOutcome outcome;
            string? receiptNumber = null;
            switch (notice.Status)
            {
                case Paid:
                    if (invoice.Status != InvoiceStatus.Open || !Payment.Workflow.Allows(payment.Status, PaymentTrigger.BankPaid))
                    {
                        // Money taken twice, or for a code no longer valid: the bank is told no, and gives it back.
                        return (null, new Refusal(409, NotificationOutcome.NotPayable, invoice.Status != InvoiceStatus.Open
                            ? $"Invoice {invoice.Number} is {Wire(invoice.Status)}; nothing is owed on it."
                            : $"Payment {payment.Reference} is {Wire(payment.Status)}; the payer needs a new code."));
                    }

                    receiptNumber = Complete(invoice, payment, gateway, transaction, notice.PaidAt?.ToUniversalTime() ?? now, now);
                    outcome = NotificationOutcome.Accepted;
                    break;
                case Pending:
                    outcome = payment.Accept(gateway, transaction).IsSuccess ? NotificationOutcome.Accepted : NotificationOutcome.Ignored;
                    Record(invoice, InvoiceEventKind.PaymentPending, outcome, now, gateway, payment.Reference);
                    break;
                default:
                    outcome = payment.Fail(gateway, transaction, Shorten(notice.Reason ?? "failed at the bank", 300), now).IsSuccess ? NotificationOutcome.Accepted : NotificationOutcome.Ignored;
                    Record(invoice, InvoiceEventKind.PaymentFailed, outcome, now, gateway, notice.Reason);
                    break;
            }

            db.Notifications.Add(Record(gateway, messageId, notice, text, outcome,
                outcome == NotificationOutcome.Ignored ? $"The payment is already {Wire(payment.Status)}." : null, payment.Id, now));
            await db.SaveChangesAsync(ct);
            // Answered from what was just written; only news of a payment paid earlier needs its receipt read.
            return (payment.Status == PaymentStatus.Paid && receiptNumber is null
                ? await AnswerAsync("ignored", payment.Id, ct)
                : new Answer(outcome == NotificationOutcome.Accepted ? "accepted" : "ignored", Wire(payment.Status), receiptNumber), null);
        }

        /// <summary>What a notification is about, read in one round trip because every bank notice needs it.</summary>
        /// <param name="Invoice">The invoice reference 1 names, with its lines (the paid event lists them).</param>
        /// <param name="Payment">The attempt the payer scanned (reference 2), if it names one of this invoice's.</param>
        /// <param name="AppliedTo">The payment an accepted notice of this transaction and status was applied to: then this one is a duplicate.</param>
        /// <param name="PaymentReceipt">The receipt of that attempt, if it is paid.</param>
        private sealed record Found(Invoice Invoice, Payment? Payment, Guid? AppliedTo, string? PaymentReceipt);

        private Task<Found?> FindAsync(string gateway, string transaction, Body notice, CancellationToken ct)
        {
            // An empty reference 2 names no attempt ((InvoiceId, Reference) is unique, so the join gives at most one).
            var ref2 = notice.Ref2 ?? string.Empty;
            var query = from i in db.Invoices.Include(i => i.Lines)
                        where i.Number == notice.Ref1
                        from p in db.Payments.Where(p => p.InvoiceId == i.Id && p.Reference == ref2).DefaultIfEmpty()
                        select new Found(i, p,
                            db.Notifications.Where(n => n.Gateway == gateway && n.TransactionId == transaction && n.BankStatus == notice.Status && n.Outcome == NotificationOutcome.Accepted)
                                .Select(n => n.PaymentId).FirstOrDefault(),
                            db.Receipts.Where(r => r.PaymentId == p!.Id).Select(r => r.Number).FirstOrDefault());
            return query.SingleOrDefaultAsync(ct);
        }

        /// <summary>For a bill paid by reference 1 alone: the attempt an earlier "pending" of this transaction made, or a new one.</summary>
        private async Task<Payment> PaymentByTransactionAsync(string gateway, string transaction, Invoice invoice, CancellationToken ct)
        {
            if (await db.Payments.SingleOrDefaultAsync(p => p.Gateway == gateway && p.TransactionId == transaction, ct) is { } known)
            {
                return known;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var payment = new Payment
            {
                Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, Reference = InvoiceNumbers.NewPayment(), AmountSatang = invoice.AmountSatang,
                CreatedAt = now, ExpiresAt = now + Payment.Lifetime,
            };
            db.Payments.Add(payment);
            return payment;
        }

        /// <summary>Pays the invoice and issues the receipt, in the notification's transaction.</summary>
        private string Complete(Invoice invoice, Payment payment, string gateway, string transaction, DateTime paidAt, DateTime now)
        {
            payment.Complete(gateway, transaction, paidAt).ThrowIfFailed();
            invoice.Pay(paidAt).ThrowIfFailed();
            var receipt = new Receipt
            {
                Id = Guid.CreateVersion7(), Number = InvoiceNumbers.NewReceipt(now), InvoiceId = invoice.Id, PaymentId = payment.Id, InvoiceNumber = invoice.Number,
                PayerCitizenId = invoice.PayerCitizenId, PayerJuristicId = invoice.PayerJuristicId, PayerName = invoice.PayerName, AmountSatang = payment.AmountSatang, IssuedAt = now,
            };
            db.Receipts.Add(receipt);
            db.AddIntegrationEvent(InvoiceFactory.PaidEvent(invoice, receipt.Number, paidAt, settings.CollectingAgency), clock);
            Record(invoice, InvoiceEventKind.Paid, NotificationOutcome.Accepted, now, gateway, receipt.Number);
            return receipt.Number;
        }

        private void Record(Invoice invoice, InvoiceEventKind kind, NotificationOutcome outcome, DateTime now, string gateway, string? note)
        {
            if (outcome == NotificationOutcome.Accepted)
            {
                db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = kind, At = now, Actor = gateway, Note = note is null ? null : Shorten(note, 500) });
            }
        }

        private static string Wire(Enum state) => OneStop.SharedKernel.Workflow.WireNames.Kebab(state.ToString());

        /// <summary>Records a duplicate, and answers as the first time (from <paramref name="answer"/> when what was read already gives it).</summary>
        private async Task<Answer> DuplicateAsync(string gateway, string messageId, Body notice, string text, Guid? paymentId, DateTime now, Answer? answer, CancellationToken ct)
        {
            db.Notifications.Add(Record(gateway, messageId, notice, text, NotificationOutcome.Duplicate, "Already applied.", paymentId, now));
            await db.SaveChangesAsync(ct);
            return answer ?? await AnswerAsync("duplicate", paymentId, ct);
        }

        private async Task<Answer> AnswerAsync(string outcome, Guid? paymentId, CancellationToken ct)
        {
            var payment = await db.Payments.AsNoTracking().Where(p => p.Id == paymentId)
                .Select(p => new { p.Status, Receipt = db.Receipts.Where(r => r.PaymentId == p.Id).Select(r => r.Number).FirstOrDefault() }).SingleOrDefaultAsync(ct);
            return new Answer(outcome, payment is null ? null : Wire(payment.Status), payment?.Receipt);
        }

        private async Task<(Answer?, Refusal?)> RefuseAsync(string gateway, string? messageId, Body? notice, string text, Refusal refusal, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            db.Notifications.Add(Record(gateway, messageId, notice, text, refusal.Outcome, refusal.Detail, null, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            return (null, refusal);
        }

        private static GatewayNotification Record(string gateway, string? messageId, Body? notice, string text, NotificationOutcome outcome, string? detail, Guid? paymentId, DateTime now)
            => new()
            {
                Id = Guid.CreateVersion7(), Gateway = gateway, MessageId = messageId is null ? null : Shorten(messageId, 100),
                TransactionId = notice?.TransactionId is { } t ? Shorten(t, 100) : null, BankStatus = notice?.Status is { } s ? Shorten(s, 20) : null,
                InvoiceNumber = notice?.Ref1 is { } r ? Shorten(r, 40) : null, AmountSatang = notice?.AmountSatang, Outcome = outcome,
                Detail = detail is null ? null : Shorten(detail, 300), PaymentId = paymentId, ReceivedAt = now, Body = Shorten(text, GatewayNotification.MaxBody),
            };

        private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
    }
}

/// <summary>The gateways whose notifications are accepted, and the secret each signs with.</summary>
internal sealed class PaymentGateways(PaymentSettings settings, Sandbox.SandboxBank sandbox)
{
    public string? SecretOf(string gateway)
        => gateway == Sandbox.SandboxBank.Gateway && settings.SandboxEnabled ? sandbox.Secret : settings.GatewaySecrets.GetValueOrDefault(gateway);
}
