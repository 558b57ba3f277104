using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using OneStop.SharedKernel.Http;
using OneStop.Testing;

// Payments benchmark (issue 20), in process through the app's whole HTTP pipeline (TestServer) on the PostgreSQL
// server named by ONESTOP_TEST_POSTGRES: bank notifications ("paid") from 8 concurrent senders, every fourth one sent
// again at once (a bank's retry), against the floor of the same rows written by plain Npgsql, one transaction each.
// Usage: PaymentsBench <seconds-per-round>
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var server = Environment.GetEnvironmentVariable(AppFactory.PostgresVariable) ?? throw new InvalidOperationException($"Set {AppFactory.PostgresVariable}.");
var database = new NpgsqlConnectionStringBuilder(server) { Database = "onestop_paybench", MaxPoolSize = 50, NoResetOnClose = true }.ConnectionString;
var invariant = CultureInfo.InvariantCulture;
const int Senders = 8;
const int PerSide = 200_000;

await using var factory = new BenchFactory(database);
_ = factory.Services; // start: migrations
var sw = Stopwatch.StartNew();
await Bench.SeedAsync(database, PerSide * 2);
Console.WriteLine(string.Create(invariant, $"{PerSide * 2:N0} open invoices with a payment code each ({sw.Elapsed.TotalSeconds:F0} s)"));

var client = factory.CreateClient();
var app = new Counter(0);
var floor = new Counter(PerSide);
// Warm-up: tiered JIT takes about 30 s under this load on 2 cores to settle; measured before that, the app still gets faster round by round.
await Bench.ViaAppAsync(client, app, TimeSpan.FromSeconds(30), Senders);
await Bench.FloorAsync(database, floor, TimeSpan.FromSeconds(Math.Min(5, seconds)), Senders);
var appRates = new List<double>();
var floorRates = new List<double>();
for (var round = 0; round < 3; round++)
{
    appRates.Add(await Bench.ViaAppAsync(client, app, TimeSpan.FromSeconds(seconds), Senders));
    floorRates.Add(await Bench.FloorAsync(database, floor, TimeSpan.FromSeconds(seconds), Senders));
    Console.WriteLine(string.Create(invariant, $"round {round + 1}: app {appRates[^1]:F0} notifications/s, floor {floorRates[^1]:F0} notifications/s"));
}

var doubles = await Bench.ScalarAsync(database, """SELECT count(*) FROM (SELECT "InvoiceId" FROM payments.receipt GROUP BY "InvoiceId" HAVING count(*) > 1) d""");
var paid = await Bench.ScalarAsync(database, """SELECT count(*) FROM payments.payment WHERE "Status" = 'Paid'""");
var receipts = await Bench.ScalarAsync(database, "SELECT count(*) FROM payments.receipt");
double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
var a = Median(appRates);
var f = Median(floorRates);
Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"notifications ({Senders} senders, 1 in 4 sent twice, median of 3 rounds of {seconds} s): app {a:F0}/s, floor (Npgsql, one transaction each) {f:F0}/s, ratio {100 * a / f:F1}% (goal >= 50%): {(a >= f / 2 ? "MET" : "NOT MET")}"));
Console.WriteLine(string.Create(invariant, $"double-credited invoices: {doubles} (goal 0); paid payments {paid:N0}, receipts {receipts:N0}: {(doubles == 0 && paid == receipts ? "MET" : "NOT MET")}"));
return doubles == 0 && paid == receipts ? 0 : 1;

/// <summary>The app on the benchmark's database, with a gateway whose secret the benchmark knows.</summary>
internal sealed class BenchFactory(string connectionString) : AppFactory
{
    public static readonly string Secret = StandardWebhooks.SecretPrefix + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = connectionString,
        ["DemoData:Enabled"] = "false",
        ["Payments:Gateways:bench:Secret"] = Secret,
    };
}

/// <summary>The next invoice a side pays: the app pays 0, 1, 2…; the floor from its own start.</summary>
internal sealed class Counter(long start)
{
    private long next = start;

    public long Take() => Interlocked.Increment(ref next) - 1;
}

internal static class Bench
{
    private const long Amount = 500_00;

    public static async Task SeedAsync(string connectionString, int count)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        string[] steps =
        [
            "TRUNCATE payments.receipt, payments.gateway_notification, payments.invoice_event, payments.payment, payments.invoice_line, payments.invoice, payments.outbox CASCADE",
            $"""
            INSERT INTO payments.invoice ("Id", "Number", "Kind", "Status", "Reference", "PayerCitizenId", "PayerName", "TitleTh", "TitleEn", "RaisedBy",
                "AmountSatang", "DiscountSatang", "RefundedSatang", "DueOn", "CreatedAt", "Version")
              SELECT gen_random_uuid(), 'INVB' || lpad(n::text, 10, '0'), 'Fine', 'Open', 'B' || n, '1999900000013', 'Bench', 'ค่าปรับ', 'Fine', '22000000',
                50000, 0, 0, current_date + 30, now(), 0
              FROM generate_series(0, {count - 1}) n
            """,
            """
            INSERT INTO payments.invoice_line ("Id", "InvoiceId", "AgencyCode", "ItemCode", "DescriptionTh", "DescriptionEn", "StandardSatang", "AmountSatang", "RefundedSatang")
              SELECT gen_random_uuid(), "Id", '22000000', 'fine', 'ค่าปรับ', 'Fine', 50000, 50000, 0 FROM payments.invoice
            """,
            """
            INSERT INTO payments.payment ("Id", "InvoiceId", "Reference", "AmountSatang", "Status", "CreatedAt", "ExpiresAt", "RefundedSatang", "Version")
              SELECT gen_random_uuid(), "Id", 'PAYB' || substr("Number", 5), 50000, 'Created', now(), now() + interval '1 day', 0, 0 FROM payments.invoice
            """,
            "VACUUM ANALYZE payments.invoice",
            "VACUUM ANALYZE payments.payment",
            "VACUUM ANALYZE payments.invoice_line",
        ];
        foreach (var step in steps)
        {
            await using var command = source.CreateCommand(step);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Number(long n) => "INVB" + n.ToString("D10", CultureInfo.InvariantCulture);

    private static string Body(long n)
        => $$"""{"transactionId":"TXB{{n}}","status":"paid","billerId":"099400015999400","ref1":"{{Number(n)}}","ref2":"PAYB{{n.ToString("D10", CultureInfo.InvariantCulture)}}","amountSatang":{{Amount}},"paidAt":"{{DateTime.UtcNow:O}}"}""";

    /// <summary>Notifications per second through <c>POST /api/payments/notifications/bench</c>, duplicates counted as sent.</summary>
    public static async Task<double> ViaAppAsync(HttpClient client, Counter next, TimeSpan duration, int senders)
    {
        var sent = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (sw.Elapsed < duration)
            {
                var n = next.Take();
                var body = Body(n);
                for (var copy = 0; copy < (n % 4 == 0 ? 2 : 1); copy++)
                {
                    var id = $"msg_{n}_{copy}";
                    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/payments/notifications/bench", UriKind.Relative))
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add(StandardWebhooks.IdHeader, id);
                    request.Headers.Add(StandardWebhooks.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                    request.Headers.Add(StandardWebhooks.SignatureHeader, StandardWebhooks.Sign(BenchFactory.Secret, id, timestamp, body));
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"notification {n}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }

                    Interlocked.Increment(ref sent);
                }
            }
        })));
        return sent / sw.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The floor: the rows an accepted notification writes (its record, the payment and invoice paid, the receipt,
    /// the history line, the integration event), one transaction each, by plain Npgsql; a duplicate writes its record
    /// only. The notification's unique index decides which is which, as in the app. No signature, no parsing.
    /// </summary>
    public static async Task<double> FloorAsync(string connectionString, Counter next, TimeSpan duration, int senders)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var sent = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            await using var connection = await source.OpenConnectionAsync();
            while (sw.Elapsed < duration)
            {
                var n = next.Take();
                var body = Body(n);
                for (var copy = 0; copy < (n % 4 == 0 ? 2 : 1); copy++)
                {
                    var now = DateTime.UtcNow;
                    var number = Number(n);
                    await using var transaction = await connection.BeginTransactionAsync();
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO payments.gateway_notification ("Id", "Gateway", "MessageId", "TransactionId", "BankStatus", "InvoiceNumber", "AmountSatang", "Outcome", "ReceivedAt", "Body")
                        VALUES ($1, 'bench', $2, $3, 'paid', $4, 50000, 'Accepted', $5, $6)
                        ON CONFLICT ("Gateway", "TransactionId", "BankStatus") WHERE "Outcome" = 'Accepted' DO NOTHING
                        """, connection, transaction);
                    insert.Parameters.AddWithValue(Guid.CreateVersion7());
                    insert.Parameters.AddWithValue($"msg_{n}_{copy}");
                    insert.Parameters.AddWithValue($"TXB{n}");
                    insert.Parameters.AddWithValue(number);
                    insert.Parameters.AddWithValue(now);
                    insert.Parameters.AddWithValue(body);
                    await using var batch = new NpgsqlBatch(connection, transaction);
                    if (await insert.ExecuteNonQueryAsync() == 0)
                    {
                        Add(batch, """INSERT INTO payments.gateway_notification ("Id", "Gateway", "MessageId", "TransactionId", "BankStatus", "InvoiceNumber", "AmountSatang", "Outcome", "ReceivedAt", "Body") VALUES ($1, 'bench', $2, $3, 'paid', $4, 50000, 'Duplicate', $5, $6)""",
                            Guid.CreateVersion7(), $"msg_{n}_{copy}", $"TXB{n}", number, now, body);
                    }
                    else
                    {
                        Add(batch, """UPDATE payments.payment SET "Status" = 'Paid', "Gateway" = 'bench', "TransactionId" = $2, "PaidAt" = $3, "Version" = "Version" + 1 WHERE "InvoiceId" = (SELECT "Id" FROM payments.invoice WHERE "Number" = $4) AND "Reference" = $1""", $"PAYB{n:D10}", $"TXB{n}", now, number);
                        Add(batch, """UPDATE payments.invoice SET "Status" = 'Paid', "PaidAt" = $2, "Version" = "Version" + 1 WHERE "Number" = $1""", number, now);
                        Add(batch, """INSERT INTO payments.receipt ("Id", "Number", "InvoiceId", "PaymentId", "InvoiceNumber", "PayerCitizenId", "PayerName", "AmountSatang", "IssuedAt") SELECT $1, $2, i."Id", p."Id", i."Number", i."PayerCitizenId", i."PayerName", 50000, $4 FROM payments.invoice i JOIN payments.payment p ON p."InvoiceId" = i."Id" WHERE i."Number" = $3""",
                            Guid.CreateVersion7(), $"RCPB{n:D10}", number, now);
                        Add(batch, """INSERT INTO payments.invoice_event ("InvoiceId", "Kind", "At", "Actor", "Note") SELECT "Id", 'Paid', $2, 'bench', $3 FROM payments.invoice WHERE "Number" = $1""", number, now, $"RCPB{n:D10}");
                        Add(batch, """INSERT INTO payments.outbox ("Id", "Type", "Payload", "OccurredAt", "Attempts") VALUES ($1, 'OneStop.Payments.Contracts.InvoicePaid', $2, $3, 0)""",
                            Guid.CreateVersion7(), $$"""{"number":"{{number}}","amountSatang":50000,"items":[{"agencyCode":"22000000","itemCode":"fine","amountSatang":50000}],"receiptNumber":"RCPB{{n:D10}}","paidAt":"{{now:O}}"}""", now);
                    }

                    await batch.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                    Interlocked.Increment(ref sent);
                }
            }
        })));
        return sent / sw.Elapsed.TotalSeconds;
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(command);
    }
}
