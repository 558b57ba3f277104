using Microsoft.EntityFrameworkCore;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel;
using OneStop.Payments.Contracts;
using OneStop.Payments.Data;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Payments.Invoices;

/// <summary>
/// Raises one invoice per licence application: licensing announces each approved licence's fee (FeesDue) and, once
/// every licence is decided, which were approved (ApplicationApproved). The invoice is raised when both are in,
/// whichever arrives last, so the order of delivery does not matter; a redelivery is consumed once.
/// </summary>
internal sealed class LicenceFees(PaymentsDbContext db, ILicenceCatalogue catalogue, PaymentSettings settings, TimeProvider clock) :
    IIntegrationEventHandler<FeesDue>, IIntegrationEventHandler<ApplicationApproved>
{
    public Task HandleAsync(Guid messageId, FeesDue integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return db.ConsumeOnceAsync(messageId, nameof(LicenceFees), clock, async ct =>
        {
            if (!await db.LicenceCharges.AnyAsync(c => c.ApplicationId == integrationEvent.ApplicationId && c.LicenceCode == integrationEvent.LicenceCode, ct))
            {
                db.LicenceCharges.Add(new LicenceCharge
                {
                    Id = Guid.CreateVersion7(), ApplicationId = integrationEvent.ApplicationId, ApplicationNumber = integrationEvent.Number,
                    LicenceCode = integrationEvent.LicenceCode, AgencyCode = integrationEvent.AgencyCode, AmountSatang = integrationEvent.AmountSatang,
                    StandardSatang = Math.Max(integrationEvent.StandardFeeSatang, integrationEvent.AmountSatang),
                    PayerCitizenId = integrationEvent.PayerCitizenId, PayerJuristicId = integrationEvent.PayerJuristicId,
                    PayerName = integrationEvent.PayerName is { Length: > 0 and <= 300 } name ? name : integrationEvent.PayerJuristicId ?? integrationEvent.PayerCitizenId,
                    ReceivedAt = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(ct);
            }

            await RaiseWhenCompleteAsync(integrationEvent.ApplicationId, ct);
        }, cancellationToken);
    }

    public Task HandleAsync(Guid messageId, ApplicationApproved integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return db.ConsumeOnceAsync(messageId, nameof(LicenceFees), clock, async ct =>
        {
            if (!await db.DecidedApplications.AnyAsync(d => d.ApplicationId == integrationEvent.ApplicationId, ct))
            {
                db.DecidedApplications.Add(new DecidedApplication
                {
                    ApplicationId = integrationEvent.ApplicationId, ApplicationNumber = integrationEvent.Number,
                    ApprovedLicences = string.Join(',', integrationEvent.ApprovedLicenceCodes), DecidedAt = integrationEvent.CompletedAt,
                });
                await db.SaveChangesAsync(ct);
            }

            await RaiseWhenCompleteAsync(integrationEvent.ApplicationId, ct);
        }, cancellationToken);
    }

    private async Task RaiseWhenCompleteAsync(Guid applicationId, CancellationToken ct)
    {
        var decided = await db.DecidedApplications.FindAsync([applicationId], ct);
        if (decided is null || await db.Invoices.AnyAsync(i => i.ApplicationId == applicationId, ct))
        {
            return;
        }

        var approved = decided.ApprovedLicences.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var charges = await db.LicenceCharges.Where(c => c.ApplicationId == applicationId).ToListAsync(ct);
        if (approved.Any(code => charges.All(c => c.LicenceCode != code)))
        {
            return; // a fee still on its way
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var first = charges[0];
        var lines = charges.Where(c => approved.Contains(c.LicenceCode)).OrderBy(c => c.AgencyCode, StringComparer.Ordinal).ThenBy(c => c.LicenceCode, StringComparer.Ordinal)
            .Select(c =>
            {
                var licence = catalogue.FindLicence(c.LicenceCode);
                return new InvoiceLine
                {
                    Id = Guid.CreateVersion7(), AgencyCode = c.AgencyCode, ItemCode = c.LicenceCode,
                    DescriptionTh = licence?.Name.Th ?? c.LicenceCode, DescriptionEn = licence?.Name.En ?? c.LicenceCode,
                    StandardSatang = c.StandardSatang, AmountSatang = c.AmountSatang,
                };
            }).ToList();
        var invoice = InvoiceFactory.New(InvoiceKind.LicenceFees, now, DateOnly.FromDateTime(ThaiDates.ToThaiTime(now)).AddDays(settings.LicenceFeeDays), lines,
            reference: decided.ApplicationNumber, payerCitizenId: first.PayerCitizenId, payerJuristicId: first.PayerJuristicId,
            payerName: first.PayerName,
            titleTh: $"ค่าธรรมเนียมใบอนุญาต คำขอเลขที่ {decided.ApplicationNumber}", titleEn: $"Licence fees, application {decided.ApplicationNumber}",
            applicationId: applicationId, raisedBy: null);
        db.Invoices.Add(invoice);
        InvoiceFactory.Announce(db, invoice, clock, now);
        // The other event of the pair may raise it at the same moment: the unique index keeps one, and this
        // consumer's transaction fails and is delivered again, finding the invoice there.
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Making an invoice the same way whoever raises it.</summary>
internal static class InvoiceFactory
{
    public static Invoice New(InvoiceKind kind, DateTime now, DateOnly dueOn, List<InvoiceLine> lines, string reference, string payerCitizenId, string? payerJuristicId,
        string payerName, string titleTh, string titleEn, Guid? applicationId, string? raisedBy)
    {
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(), Number = InvoiceNumbers.NewInvoice(now), Kind = kind, ApplicationId = applicationId, Reference = reference,
            PayerCitizenId = payerCitizenId, PayerJuristicId = payerJuristicId, PayerName = payerName, TitleTh = titleTh, TitleEn = titleEn,
            RaisedBy = raisedBy, DueOn = dueOn, CreatedAt = now, Lines = lines,
            AmountSatang = lines.Sum(l => l.AmountSatang), DiscountSatang = lines.Sum(l => l.DiscountSatang),
        };
        return invoice;
    }

    /// <summary>
    /// Records the invoice's first history line and tells the others; an invoice of nothing (every licence free) is
    /// settled at once, so the licences need not wait for a payment that will never come.
    /// </summary>
    public static void Announce(PaymentsDbContext db, Invoice invoice, TimeProvider clock, DateTime now)
    {
        db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = InvoiceEventKind.Raised, At = now, Actor = invoice.RaisedBy, Note = invoice.Amount.ToDisplayString() });
        db.AddIntegrationEvent(new InvoiceRaised(invoice.Id, invoice.Number, invoice.ApplicationId, invoice.Reference, invoice.AmountSatang, invoice.DueOn), clock);
        if (invoice.AmountSatang == 0)
        {
            _ = invoice.Pay(now);
            db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = InvoiceEventKind.Paid, At = now, Note = "nothing to pay" });
            db.AddIntegrationEvent(PaidEvent(invoice, null, now, null), clock); // no money taken: no receipt, no collecting account
        }
    }

    public static InvoicePaid PaidEvent(Invoice invoice, string? receiptNumber, DateTime paidAt, string? collectedBy)
        => new(invoice.Id, invoice.Number, invoice.ApplicationId, invoice.Reference, invoice.AmountSatang,
            [.. invoice.Lines.Select(l => new PaidItem(l.AgencyCode, l.ItemCode, l.AmountSatang))], receiptNumber, paidAt,
            invoice.PayerCitizenId, invoice.PayerJuristicId, invoice.PayerName, invoice.TitleTh, invoice.TitleEn, collectedBy);
}
