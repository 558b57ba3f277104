using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Payments.Contracts;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.Payments.Payments;
using OneStop.Payments.Sandbox;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Payments.Refunds;

/// <summary>
/// An agency's finance officer gives back part or all of what the agency was paid on a payment (a licence refused
/// after paying, a fine annulled). Never more than the agency's lines of the invoice, less what it already gave back;
/// two refunds at once cannot both pass that limit, since each changes the payment's version.
/// </summary>
internal static class RefundPayment
{
    public sealed record Request(long? AmountSatang, string? Reason);

    internal sealed class Handler(PaymentsDbContext db, TimeProvider clock)
    {
        public async Task<Result<Refund>> HandleAsync(Officer officer, string officerName, Guid paymentId, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            ArgumentNullException.ThrowIfNull(request);
            if (!officer.Roles.Contains(OfficerRoleCodes.Finance))
            {
                return RaiseInvoice.NotFinance;
            }

            if (request.Reason?.Trim() is not { Length: > 0 and <= 500 } reason)
            {
                return Error.Invalid("reason", "Say why the money is given back, at most 500 characters: the payer reads it.");
            }

            if (request.AmountSatang is not > 0)
            {
                return Error.Invalid("amountSatang", "The amount is a positive whole number of satang.");
            }

            return await db.RetryOnConflictAsync(async attemptCt =>
            {
                var payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, attemptCt);
                var invoice = payment is null ? null : await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == payment.InvoiceId, attemptCt);
                var lines = invoice?.Lines.Where(l => l.AgencyCode == officer.AgencyCode).OrderBy(l => l.ItemCode, StringComparer.Ordinal).ToList() ?? [];
                if (payment is null || invoice is null || lines.Count == 0)
                {
                    // Another agency's payment is as unknown as a missing one.
                    return (Result<Refund>)Error.NotFound("payment", paymentId.ToString());
                }

                if (payment.Status != PaymentStatus.Paid)
                {
                    return Error.Conflict("payment.not_paid", $"Payment {payment.Reference} is not paid; there is nothing to give back.");
                }

                var left = Math.Min(lines.Sum(l => l.AmountSatang - l.RefundedSatang), payment.AmountSatang - payment.RefundedSatang);
                if (request.AmountSatang > left)
                {
                    return Error.Invalid("amountSatang", $"At most {new Money(left)} can be given back: what your agency was paid on this payment, less earlier refunds.");
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var refund = new Refund
                {
                    Id = Guid.CreateVersion7(), PaymentId = payment.Id, InvoiceId = invoice.Id, AgencyCode = officer.AgencyCode, AmountSatang = request.AmountSatang!.Value,
                    Reason = reason, RequestedBy = officerName, CreatedAt = now,
                };
                var remaining = refund.AmountSatang;
                foreach (var line in lines)
                {
                    var share = Math.Min(remaining, line.AmountSatang - line.RefundedSatang);
                    line.RefundedSatang += share;
                    remaining -= share;
                }

                payment.RefundedSatang += refund.AmountSatang;
                payment.Version++;
                invoice.RefundedSatang += refund.AmountSatang;
                invoice.Version++;
                // The sandbox bank confirms at once; a real gateway's confirmation arrives through its adapter.
                if (payment.Gateway == SandboxBank.Gateway)
                {
                    refund.Confirm("SBXR" + refund.Id.ToString("N")[..16].ToUpperInvariant(), now);
                }

                db.Refunds.Add(refund);
                db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = InvoiceEventKind.Refunded, At = now, Actor = $"{officerName} ({officer.AgencyCode})",
                    Note = $"{refund.Amount}: {reason}" });
                db.AddIntegrationEvent(new RefundIssued(refund.Id, invoice.Id, invoice.Number, officer.AgencyCode, refund.AmountSatang, now), clock);
                await db.SaveChangesAsync(attemptCt);
                return refund;
            }, ct);
        }
    }
}
