using Microsoft.EntityFrameworkCore;
using OneStop.Payments.Data;
using OneStop.Payments.Payments;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Payments.Invoices;

/// <summary>Whose invoices: a payer's own, or their company's while they act for it (as with applications).</summary>
internal static class Payers
{
    public static bool Owns(this Party payer, Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(invoice);
        return payer.Owns(invoice.PayerCitizenId, invoice.PayerJuristicId);
    }

    public static IQueryable<Invoice> Filter(this Party payer, IQueryable<Invoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(payer);
        return payer.JuristicId is { } company
            ? invoices.Where(i => i.PayerJuristicId == company)
            : invoices.Where(i => i.PayerCitizenId == payer.CitizenId && i.PayerJuristicId == null);
    }
}

internal sealed record InvoiceLineView(string AgencyCode, string ItemCode, string DescriptionTh, string DescriptionEn, long StandardSatang, long DiscountSatang,
    long AmountSatang, long RefundedSatang);

internal sealed record PaymentView(Guid Id, string Reference, long AmountSatang, string Status, string? QrPayload, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? PaidAt, string? FailureReason, long RefundedSatang, string? ReceiptNumber);

internal sealed record ReceiptView(string Number, string InvoiceNumber, string PayerName, long AmountSatang, DateTime IssuedAt, IReadOnlyList<InvoiceLineView> Lines);

internal sealed record InvoiceEventView(string Kind, DateTime At, string? Actor, string? Note);

/// <summary>
/// An invoice as its payer (or the agency's finance officer) sees it. Status is open, paid, expired or cancelled;
/// the biller ID with the number as reference 1 is what a bank's bill-payment menu asks for.
/// </summary>
internal sealed record InvoiceView(Guid Id, string Number, string Kind, string Status, string Reference, Guid? ApplicationId, string PayerName,
    string TitleTh, string TitleEn, long AmountSatang, long DiscountSatang, long RefundedSatang, DateOnly DueOn, bool Overdue, DateTime CreatedAt, DateTime? PaidAt,
    string? CancelReason, string BillerId, IReadOnlyList<InvoiceLineView> Lines, IReadOnlyList<PaymentView> Payments, IReadOnlyList<InvoiceEventView> History);

internal sealed record InvoiceSummary(Guid Id, string Number, string Status, string TitleTh, string TitleEn, long AmountSatang, DateOnly DueOn, bool Overdue, DateTime CreatedAt);

internal sealed class InvoiceQueries(PaymentsDbContext db, PaymentSettings settings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(ThaiDates.ToThaiTime(clock.GetUtcNow().UtcDateTime));

    public static Error NotFound(string number) => Error.NotFound("invoice", number);

    /// <summary>The payer's invoice by number (another person's is "not found", so numbers cannot be probed).</summary>
    public async Task<Invoice?> FindOwnedAsync(Party payer, string number, CancellationToken ct)
        => await db.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.Number == number, ct) is { } invoice && payer.Owns(invoice) ? invoice : null;

    public async Task<List<InvoiceSummary>> MineAsync(Party payer, CancellationToken ct)
    {
        var today = Today;
        var rows = await payer.Filter(db.Invoices.AsNoTracking()).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(200).ToListAsync(ct);
        return [.. rows.Select(i => new InvoiceSummary(i.Id, i.Number, WireNames.Kebab(i.Status.ToString()), i.TitleTh, i.TitleEn, i.AmountSatang, i.DueOn, IsOverdue(i, today), i.CreatedAt))];
    }

    public async Task<InvoiceView> ViewAsync(Invoice invoice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoice.Id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var receipts = await db.Receipts.AsNoTracking().Where(r => r.InvoiceId == invoice.Id).ToDictionaryAsync(r => r.PaymentId, r => r.Number, ct);
        var history = await db.InvoiceEvents.AsNoTracking().Where(e => e.InvoiceId == invoice.Id).OrderBy(e => e.Id).ToListAsync(ct);
        return new InvoiceView(invoice.Id, invoice.Number, WireNames.Kebab(invoice.Kind.ToString()), WireNames.Kebab(invoice.Status.ToString()), invoice.Reference,
            invoice.ApplicationId, invoice.PayerName, invoice.TitleTh, invoice.TitleEn, invoice.AmountSatang, invoice.DiscountSatang, invoice.RefundedSatang, invoice.DueOn,
            IsOverdue(invoice, Today), invoice.CreatedAt, invoice.PaidAt, invoice.CancelReason, settings.BillerId,
            LinesOf(invoice),
            [.. payments.Select(p => ViewOf(p, receipts.GetValueOrDefault(p.Id)))],
            [.. history.Select(e => new InvoiceEventView(WireNames.Kebab(e.Kind.ToString()), e.At, e.Actor, e.Note))]);
    }

    /// <summary>
    /// What the pay page's script polls: the invoice's state and its last payment's, which change when the bank reports.
    /// Two small reads, because every open pay page asks every few seconds.
    /// </summary>
    public async Task<string?> StatusAsync(Party payer, string number, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Where(i => i.Number == number)
            .Select(i => new { i.Id, i.Status, i.PayerCitizenId, i.PayerJuristicId }).SingleOrDefaultAsync(ct);
        if (invoice is null || !payer.Owns(invoice.PayerCitizenId, invoice.PayerJuristicId))
        {
            return null;
        }

        var last = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoice.Id).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => (PaymentStatus?)p.Status).FirstOrDefaultAsync(ct);
        return StatusText(WireNames.Kebab(invoice.Status.ToString()), last is { } status ? WireNames.Kebab(status.ToString()) : null);
    }

    /// <summary>The invoice's state, and its last payment's: the pay page reloads when either changes.</summary>
    public static string StatusText(string invoiceStatus, string? lastPaymentStatus) => $"{invoiceStatus}:{lastPaymentStatus ?? "none"}";

    /// <summary>The payer's receipt by number, with its invoice's lines (another person's is "not found").</summary>
    public async Task<ReceiptView?> FindReceiptAsync(Party payer, string number, CancellationToken ct)
    {
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Number == number, ct);
        var invoice = receipt is null ? null : await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == receipt.InvoiceId, ct);
        return receipt is not null && invoice is not null && payer.Owns(invoice)
            ? new ReceiptView(receipt.Number, receipt.InvoiceNumber, receipt.PayerName, receipt.AmountSatang, receipt.IssuedAt, LinesOf(invoice))
            : null;
    }

    /// <summary>The lines in a stable order: by agency, then item.</summary>
    public static IReadOnlyList<InvoiceLineView> LinesOf(Invoice invoice)
        => [.. invoice.Lines.OrderBy(l => l.AgencyCode, StringComparer.Ordinal).ThenBy(l => l.ItemCode, StringComparer.Ordinal)
            .Select(l => new InvoiceLineView(l.AgencyCode, l.ItemCode, l.DescriptionTh, l.DescriptionEn, l.StandardSatang, l.DiscountSatang, l.AmountSatang, l.RefundedSatang))];

    public static PaymentView ViewOf(Payment payment, string? receiptNumber)
        => new(payment.Id, payment.Reference, payment.AmountSatang, WireNames.Kebab(payment.Status.ToString()), payment.QrPayload, payment.CreatedAt, payment.ExpiresAt,
            payment.PaidAt, payment.FailureReason, payment.RefundedSatang, receiptNumber);

    private static bool IsOverdue(Invoice invoice, DateOnly today) => invoice.Status == InvoiceStatus.Open && invoice.DueOn < today;
}
