using Microsoft.EntityFrameworkCore;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.Payments.ThaiQr;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Payments.Payments;

/// <summary>
/// The payer asks to pay an open invoice: a dynamic Thai QR bill payment for the whole amount, valid for
/// <see cref="Payment.Lifetime"/>. Asking again while a code is still good (a reload, a second tab) shows the same code.
/// </summary>
internal static class StartPayment
{
    /// <summary>A code must be good for at least this long when shown, or the payer gets a new one.</summary>
    private static readonly TimeSpan MinimumLeft = TimeSpan.FromMinutes(2);

    internal sealed class Handler(PaymentsDbContext db, PaymentSettings settings, TimeProvider clock)
    {
        public async Task<Result<Payment>> HandleAsync(Invoice invoice, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(invoice);
            if (invoice.Status != InvoiceStatus.Open)
            {
                return Error.Conflict("invoice.not_open", $"Invoice {invoice.Number} is {WireNames.Kebab(invoice.Status.ToString())}; there is nothing to pay.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var usableUntil = now + MinimumLeft;
            if (await db.Payments.Where(p => p.InvoiceId == invoice.Id && (p.Status == PaymentStatus.Created || p.Status == PaymentStatus.Pending) && p.ExpiresAt > usableUntil)
                .OrderByDescending(p => p.ExpiresAt).FirstOrDefaultAsync(ct) is { } live)
            {
                return live;
            }

            var reference = InvoiceNumbers.NewPayment();
            var payment = new Payment
            {
                Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, Reference = reference, AmountSatang = invoice.AmountSatang, CreatedAt = now, ExpiresAt = now + Payment.Lifetime,
                QrPayload = ThaiQrCode.BillPayment(settings.BillerId, invoice.Number, reference, invoice.AmountSatang).ThrowIfFailed(),
            };
            db.Payments.Add(payment);
            db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = InvoiceEventKind.PaymentStarted, At = now, Note = reference });
            await db.SaveChangesAsync(ct);
            return payment;
        }
    }
}

/// <summary>The payer gives up on a code before paying it (a code the bank already has cannot be taken back).</summary>
internal static class CancelPayment
{
    internal sealed class Handler(PaymentsDbContext db, TimeProvider clock)
    {
        public async Task<Result<Payment>> HandleAsync(Invoice invoice, string reference, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(invoice);
            if (await db.Payments.SingleOrDefaultAsync(p => p.InvoiceId == invoice.Id && p.Reference == reference, ct) is not { } payment)
            {
                return Error.NotFound("payment", reference);
            }

            if (payment.Status == PaymentStatus.Cancelled)
            {
                return payment; // cancelled already: a retry
            }

            var cancelled = payment.Cancel(clock.GetUtcNow().UtcDateTime);
            if (!cancelled.IsSuccess)
            {
                return cancelled.Error!;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("payment.changed", "The bank reported on this payment meanwhile; reload to see its state.");
            }

            return payment;
        }
    }
}
