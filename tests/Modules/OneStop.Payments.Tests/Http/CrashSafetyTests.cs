using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Payments.Data;
using OneStop.Payments.Payments;

namespace OneStop.Payments.Tests.Http;

/// <summary>
/// The node dies while a bank's notification is being recorded, before the commit or just after it: the bank gets no
/// answer (500) and sends it again, and the payment is then recorded exactly once.
/// </summary>
public sealed class CrashSafetyTests(CrashSafetyTests.CrashingFactory factory) : IClassFixture<CrashSafetyTests.CrashingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACrashWhileRecording_LosesNothing_AndTheBanksRetryPaysOnce(bool afterCommit)
    {
        var number = await factory.RaiseLicenceInvoiceAsync(Guid.NewGuid());
        var (reference, _, amount) = await factory.StartPaymentAsync(number);
        var body = PaymentsAppFactory.Paid("TXN-CRASH-" + reference, number, reference, amount);

        factory.Crash.Next(afterCommit);
        using var first = await factory.NotifyAsync(body);
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.False(factory.Crash.Armed);

        using var retry = await factory.NotifyAsync(body);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var answer = await retry.Content.ReadFromJsonAsync<JsonElement>(PaymentsAppFactory.Json, Ct);
        Assert.Equal(afterCommit ? "duplicate" : "accepted", answer.GetProperty("outcome").GetString());
        Assert.Equal("paid", answer.GetProperty("paymentStatus").GetString());

        var (receipts, accepted) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            var invoice = await db.Invoices.SingleAsync(i => i.Number == number, Ct);
            return (await db.Receipts.CountAsync(r => r.InvoiceId == invoice.Id, Ct),
                await db.Notifications.CountAsync(n => n.InvoiceNumber == number && n.Outcome == NotificationOutcome.Accepted, Ct));
        });
        Assert.Equal(1, receipts);
        Assert.Equal(1, accepted);
    }

    /// <summary>The app with a fault that fires once, on the next save of an accepted notification.</summary>
    public sealed class CrashingFactory : PaymentsAppFactory
    {
        internal Crasher Crash { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            base.ConfigureTestServices(services);
            services.AddSingleton<PaymentsDbInterceptor>(Crash);
        }
    }

    /// <summary>Throws once, before or after the save that records an accepted notification reaches the database.</summary>
    internal sealed class Crasher : PaymentsDbInterceptor
    {
        private bool? afterCommit;
        private bool crashWhenSaved;

        public bool Armed => afterCommit is not null || crashWhenSaved;

        public void Next(bool after) => afterCommit = after;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (afterCommit is { } after && Accepting(eventData))
            {
                afterCommit = null;
                if (!after)
                {
                    throw new IOException("The node died before the commit (test).");
                }

                crashWhenSaved = true;
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (crashWhenSaved)
            {
                crashWhenSaved = false;
                throw new IOException("The node died after the commit (test).");
            }

            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }

        private static bool Accepting(DbContextEventData data)
            => data.Context?.ChangeTracker.Entries<GatewayNotification>().Any(e => e.State == EntityState.Added && e.Entity.Outcome == NotificationOutcome.Accepted) == true;
    }
}
