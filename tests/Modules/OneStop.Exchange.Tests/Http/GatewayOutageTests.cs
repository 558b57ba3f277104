using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Data;
using OneStop.Exchange.Gateway;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>The exchange's database out of reach: nothing is delivered that is not logged, and the client is told so as X-Road tells it.</summary>
public sealed class GatewayOutageTests(GatewayOutageTests.OutageAppFactory app) : IClassFixture<GatewayOutageTests.OutageAppFactory>
{
    /// <summary>The app with a switch that makes every database call of the exchange fail, as a dropped connection does.</summary>
    public sealed class OutageAppFactory : ExchangeAppFactory
    {
        public DatabaseOutage Outage { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            base.ConfigureTestServices(services);
            services.ConfigureDbContext<SqliteExchangeDbContext>(o => o.AddInterceptors(Outage));
            services.ConfigureDbContext<PostgresExchangeDbContext>(o => o.AddInterceptors(Outage));
        }
    }

    public sealed class DatabaseOutage : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
    {
        private volatile bool down;

        public bool Down
        {
            get => down;
            set => down = value;
        }

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
            => Down ? throw new OutageException() : ValueTask.FromResult(result);

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            => Down ? throw new OutageException() : ValueTask.FromResult(result);

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            => Down ? throw new OutageException() : ValueTask.FromResult(result);

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
            => Down ? throw new OutageException() : ValueTask.FromResult(result);

        public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
            => Down ? throw new OutageException() : result;

        public ValueTask TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
            => Down ? throw new OutageException() : ValueTask.CompletedTask;
    }

    private sealed class OutageException() : DbException("The database is out of reach (test outage).");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LogUnwritable_Is503LoggingFailed_AndTheAnswerIsWithheld(bool configurationToReload)
    {
        var id = NewCode("outage-");
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/{DocumentedCompany}"));
        HttpResponseMessage response;
        app.Outage.Down = true;
        try
        {
            if (configurationToReload)
            {
                app.Services.GetRequiredService<ExchangeDirectory>().Invalidate();
            }

            response = await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/{DocumentedCompany}", xroadId: id);
        }
        finally
        {
            app.Outage.Down = false;
        }

        var error = await XRoadAssert.ErrorAsync(response, HttpStatusCode.ServiceUnavailable, "Server.ServerProxy.LoggingFailed");
        Assert.DoesNotContain(DocumentedCompany, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await app.LogRecordsAsync(id));
        await XRoadAssert.OkAsync(await app.SendXRoadAsync(HttpMethod.Get, $"/r1/{Traders}/{DocumentedCompany}"));
    }
}
