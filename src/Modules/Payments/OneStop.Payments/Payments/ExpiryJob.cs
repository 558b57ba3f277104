using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.SharedKernel;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.SharedKernel.Jobs;

namespace OneStop.Payments.Payments;

/// <summary>
/// Closes what ran out: codes not paid well after they expired (the grace leaves a bank's late notification of a
/// payment made in time room to arrive), and invoices past their due date.
/// </summary>
internal sealed class ExpiryJob : IRecurringJob
{
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    public string Name => "payments-expiry";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public TimeSpan MaxRunTime => TimeSpan.FromMinutes(5);

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => RunOnceAsync(scopedServices.GetRequiredService<PaymentsDbContext>(), scopedServices.GetRequiredService<TimeProvider>(), cancellationToken);

    public static async Task<int> RunOnceAsync(PaymentsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = 0;
        var cutoff = now - Grace;
        foreach (var payment in await db.Payments.Where(p => (p.Status == PaymentStatus.Created || p.Status == PaymentStatus.Pending) && p.ExpiresAt < cutoff).OrderBy(p => p.ExpiresAt).Take(500).ToListAsync(ct))
        {
            closed += payment.Expire(now).IsSuccess ? 1 : 0;
        }

        var today = DateOnly.FromDateTime(ThaiDates.ToThaiTime(now));
        foreach (var invoice in await db.Invoices.Where(i => i.Status == InvoiceStatus.Open && i.DueOn < today).OrderBy(i => i.DueOn).Take(500).ToListAsync(ct))
        {
            if (invoice.Expire(now).IsSuccess)
            {
                db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = InvoiceEventKind.Expired, At = now });
                closed++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A bank's notification changed one of them meanwhile: it wins, and the next run sees the rest.
            return 0;
        }

        return closed;
    }
}
