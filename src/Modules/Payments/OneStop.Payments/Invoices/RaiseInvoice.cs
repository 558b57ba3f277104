using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Payments.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Payments.Invoices;

/// <summary>
/// An agency's system raises a fine or a service fee for a person or company: the lines are the agency's own. Raising
/// the same reference again answers the invoice already raised, so a retried call never bills twice.
/// </summary>
internal static class RaiseInvoice
{
    public sealed record Line(string? ItemCode, string? DescriptionTh, string? DescriptionEn, long? AmountSatang);

    /// <summary>A fine or service fee: kind <c>fine</c> or <c>service-fee</c>; the reference is the agency's own number for it (a ticket, a case), unique per agency.</summary>
    public sealed record Request(string? Kind, string? Reference, string? PayerCitizenId, string? PayerJuristicId, string? PayerName, string? TitleTh, string? TitleEn,
        DateOnly? DueOn, IReadOnlyList<Line>? Lines);

    public static readonly Error NotFinance = new("payments.finance_role_required", "Only an agency's finance officers raise, cancel and refund its invoices.", ErrorKind.Forbidden);

    internal sealed class Handler(PaymentsDbContext db, TimeProvider clock)
    {
        public async Task<Result<(Invoice Invoice, bool Created)>> HandleAsync(Officer officer, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            ArgumentNullException.ThrowIfNull(request);
            if (!officer.May(OfficerRoleCodes.Finance, officer.AgencyCode))
            {
                return NotFinance;
            }

            if (Check(request) is { } invalid)
            {
                return invalid;
            }

            if (await FindAsync(officer.AgencyCode, request.Reference!, ct) is { } existing)
            {
                return (existing, false);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var lines = request.Lines!.Select(l => new InvoiceLine
            {
                Id = Guid.CreateVersion7(), AgencyCode = officer.AgencyCode, ItemCode = l.ItemCode!.Trim(), DescriptionTh = l.DescriptionTh!.Trim(),
                DescriptionEn = l.DescriptionEn!.Trim(), StandardSatang = l.AmountSatang!.Value, AmountSatang = l.AmountSatang.Value,
            }).ToList();
            var invoice = InvoiceFactory.New(request.Kind == "fine" ? InvoiceKind.Fine : InvoiceKind.ServiceFee, now, request.DueOn!.Value, lines,
                request.Reference!.Trim(), ThaiIdChecksum.Normalize(request.PayerCitizenId!), request.PayerJuristicId is { Length: > 0 } j ? ThaiIdChecksum.Normalize(j) : null,
                request.PayerName!.Trim(), request.TitleTh!.Trim(), request.TitleEn!.Trim(), applicationId: null, raisedBy: officer.AgencyCode);
            db.Invoices.Add(invoice);
            InvoiceFactory.Announce(db, invoice, clock, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same reference raised at the same moment by a retry: the first one stands.
                db.ChangeTracker.Clear();
                return await FindAsync(officer.AgencyCode, request.Reference!, ct) is { } raced ? (raced, false) : throw new InvalidOperationException("The invoice was not saved.");
            }

            return (invoice, true);
        }

        private Task<Invoice?> FindAsync(string agency, string reference, CancellationToken ct)
            => db.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.RaisedBy == agency && i.Reference == reference.Trim(), ct);

        private Error? Check(Request request)
        {
            if (request.Kind is not ("fine" or "service-fee"))
            {
                return Error.Invalid("kind", "Kind is 'fine' or 'service-fee'.");
            }

            if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Trim().Length > 60)
            {
                return Error.Invalid("reference", "Give your own reference for it (a ticket or case number), at most 60 characters.");
            }

            if (ThaiIdChecksum.Check(request.PayerCitizenId, out _) != ThaiIdProblem.None)
            {
                return Error.Invalid("payerCitizenId", "The payer's citizen ID has 13 digits with a valid check digit.");
            }

            if (!string.IsNullOrEmpty(request.PayerJuristicId) && ThaiIdChecksum.Check(request.PayerJuristicId, out _) != ThaiIdProblem.None)
            {
                return Error.Invalid("payerJuristicId", "A company's juristic ID has 13 digits with a valid check digit.");
            }

            if (Text(request.PayerName, 300) is null)
            {
                return Error.Invalid("payerName", "Give the payer's name, at most 300 characters.");
            }

            if (Text(request.TitleTh, 300) is null || Text(request.TitleEn, 300) is null)
            {
                return Error.Invalid(Text(request.TitleTh, 300) is null ? "titleTh" : "titleEn", "Say what it is for in Thai and English, at most 300 characters each.");
            }

            if (request.Lines is not { Count: > 0 and <= 20 } lines)
            {
                return Error.Invalid("lines", "Give 1 to 20 lines.");
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line is null || Text(line.ItemCode, 60) is null || Text(line.DescriptionTh, 300) is null || Text(line.DescriptionEn, 300) is null)
                {
                    return Error.Invalid($"lines[{i}]", "Each line has an itemCode (at most 60), and a description in Thai and English (at most 300).");
                }

                if (line.AmountSatang is not (> 0 and <= ThaiQr.ThaiQrCode.MaxAmountSatang))
                {
                    return Error.Invalid($"lines[{i}].amountSatang", "An amount is a positive whole number of satang.");
                }
            }

            var today = DateOnly.FromDateTime(ThaiDates.ToThaiTime(clock.GetUtcNow().UtcDateTime));
            if (request.DueOn is not { } due || due < today || due > today.AddYears(1))
            {
                return Error.Invalid("dueOn", "The due date is from today to a year ahead (yyyy-MM-dd).");
            }

            return lines.Sum(l => l.AmountSatang!.Value) > ThaiQr.ThaiQrCode.MaxAmountSatang
                ? Error.Invalid("lines", "The total is more than a Thai QR code can carry.")
                : null;
        }

        private static string? Text(string? value, int max) => value?.Trim() is { Length: > 0 } t && t.Length <= max ? t : null;
    }
}

/// <summary>The agency withdraws an invoice it raised (a fine annulled); an invoice paid or being paid is refunded instead.</summary>
internal static class CancelInvoice
{
    public sealed record Request(string? Reason);

    internal sealed class Handler(PaymentsDbContext db, TimeProvider clock)
    {
        public async Task<Result<Invoice>> HandleAsync(Officer officer, string number, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            if (!officer.Roles.Contains(OfficerRoleCodes.Finance))
            {
                return RaiseInvoice.NotFinance;
            }

            if (await db.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.Number == number, ct) is not { } invoice || invoice.RaisedBy != officer.AgencyCode)
            {
                return InvoiceQueries.NotFound(number);
            }

            if (invoice.Status == InvoiceStatus.Cancelled)
            {
                return invoice;
            }

            if (request?.Reason?.Trim() is not { Length: > 0 and <= 500 } reason)
            {
                return Error.Invalid("reason", "Say why it is withdrawn, at most 500 characters: the payer reads it.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var cancelled = invoice.Cancel(now, reason);
            if (!cancelled.IsSuccess)
            {
                return cancelled.Error!;
            }

            db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = InvoiceEventKind.Cancelled, At = now, Actor = officer.AgencyCode, Note = reason });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("invoice.changed", "The invoice was paid or changed meanwhile; reload it.");
            }

            return invoice;
        }
    }
}
