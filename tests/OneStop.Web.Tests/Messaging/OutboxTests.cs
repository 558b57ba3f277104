using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Contracts;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Messaging;
using OneStop.Testing;

namespace OneStop.Web.Tests.Messaging;

public sealed class OutboxTests(OutboxTests.Factory app) : IClassFixture<OutboxTests.Factory>
{
    private readonly HttpClient admin = app.CreateClientWithRoles(Roles.Admin);

    [Fact]
    public async Task Dispatch_HolidayAdded_IsDeliveredOnceAndNotAgain()
    {
        var date = new DateOnly(2097, 5, 5);
        (await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันส่งต่อ", nameEn = "Forwarded day" })).EnsureSuccessStatusCode();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        await dispatcher.DispatchPendingAsync(TestContext.Current.CancellationToken);
        await dispatcher.DispatchPendingAsync(TestContext.Current.CancellationToken);

        var received = Assert.Single(app.Received, r => r.Event.Date == date);
        Assert.Equal("Forwarded day", received.Event.NameEn);
        Assert.Equal(HolidayKind.Special, received.Event.Kind);
    }

    [Fact]
    public async Task Dispatch_TwoNodesAtOnce_DeliverEveryMessageExactlyOnce()
    {
        var dates = Enumerable.Range(1, 12).Select(i => new DateOnly(2096, 1, i)).ToList();
        foreach (var date in dates)
        {
            (await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันคู่ขนาน", nameEn = "Parallel day" })).EnsureSuccessStatusCode();
        }

        var nodeA = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        var nodeB = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        Assert.NotEqual(nodeA.NodeId, nodeB.NodeId);
        var ct = TestContext.Current.CancellationToken;
        var counts = await Task.WhenAll(Task.Run(() => nodeA.DispatchPendingAsync(ct), ct), Task.Run(() => nodeB.DispatchPendingAsync(ct), ct));

        var forDates = app.Received.Where(r => dates.Contains(r.Event.Date)).ToList();
        Assert.Equal(dates.Count, forDates.Count);
        Assert.Equal(dates.Count, forDates.Select(r => r.MessageId).Distinct().Count());
        Assert.True(counts.Sum() >= dates.Count);
    }

    [Fact]
    public async Task Dispatch_FailingHandler_IsRetriedLaterAndTheErrorKept()
    {
        var date = new DateOnly(2095, 2, 2);
        app.FailFor.TryAdd(date, 0);
        (await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันพลาด", nameEn = "Failing day" })).EnsureSuccessStatusCode();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchPendingAsync(TestContext.Current.CancellationToken);

        var message = await app.WithScopeAsync(s => Task.FromResult(s.ModuleContexts().Single(c => c.Module == "agencies").Context
            .OutboxMessages.AsEnumerable().Single(m => m.Payload.Contains("2095-02-02", StringComparison.Ordinal))));
        Assert.Null(message.ProcessedAt);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("refused on purpose", message.LastError, StringComparison.Ordinal);
        Assert.True(message.LockedUntil > DateTime.UtcNow, "the retry waits for its back-off");
    }

    [Fact]
    public async Task ConsumeOnce_SameMessageTwice_RunsTheWorkOnce()
    {
        var messageId = Guid.NewGuid();
        var runs = 0;
        var results = new List<bool>();
        for (var i = 0; i < 2; i++)
        {
            results.Add(await app.WithScopeAsync(s =>
            {
                var db = s.ModuleContexts().Single(c => c.Module == "agencies").Context;
                return db.ConsumeOnceAsync(messageId, "test-consumer", TimeProvider.System, _ => { runs++; return Task.CompletedTask; }, TestContext.Current.CancellationToken);
            }));
        }

        Assert.Equal([true, false], results);
        Assert.Equal(1, runs);
    }

    public sealed class Factory : AppFactory
    {
        public ConcurrentBag<(Guid MessageId, HolidayAdded Event)> Received { get; } = [];

        public ConcurrentDictionary<DateOnly, int> FailFor { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton(this);
            services.AddIntegrationEventHandler<HolidayAdded, RecordingHandler>();
        }
    }

    private sealed class RecordingHandler(Factory factory) : IIntegrationEventHandler<HolidayAdded>
    {
        public Task HandleAsync(Guid messageId, HolidayAdded integrationEvent, CancellationToken cancellationToken)
        {
            if (factory.FailFor.ContainsKey(integrationEvent.Date))
            {
                throw new InvalidOperationException("refused on purpose");
            }

            factory.Received.Add((messageId, integrationEvent));
            return Task.CompletedTask;
        }
    }
}
