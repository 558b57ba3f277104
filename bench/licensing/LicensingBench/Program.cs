using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OneStop.Bench.Licensing;
using OneStop.Licensing;
using OneStop.Testing;

// Licensing benchmark (issue 19), in process through the app's whole HTTP pipeline (TestServer, test sign-in headers)
// on the PostgreSQL server named by ONESTOP_TEST_POSTGRES. Usage: LicensingBench <applications> <seconds-per-round>
var applications = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var server = Environment.GetEnvironmentVariable(AppFactory.PostgresVariable) ?? throw new InvalidOperationException($"Set {AppFactory.PostgresVariable}.");
var database = new NpgsqlConnectionStringBuilder(server) { Database = "onestop_bench", MaxPoolSize = 50, NoResetOnClose = true }.ConnectionString;
var invariant = CultureInfo.InvariantCulture;

await using var factory = new BenchFactory(database);
_ = factory.Services; // start: migrations, reference data
var sw = Stopwatch.StartNew();
var seeded = await Db.ScalarAsync<long>(database, "SELECT count(*) FROM licensing.application");
if (seeded < applications)
{
    Console.WriteLine($"seeding {applications - seeded:N0} applications ...");
    var code = await LicensingModule.RunCommandAsync(factory.Services, ["seed", "--applications", (applications - seeded).ToString(invariant), "--seed", "42"], Console.Out, Console.Error);
    if (code != 0)
    {
        return code;
    }
}

seeded = await Db.ScalarAsync<long>(database, "SELECT count(*) FROM licensing.application");
var taskRows = await Db.ScalarAsync<long>(database, "SELECT count(*) FROM licensing.review_task");
Console.WriteLine(string.Create(invariant, $"database ready: {seeded:N0} applications, {taskRows:N0} review tasks ({sw.Elapsed.TotalSeconds:F0} s)"));

// --- Submissions: half the drafts for the app, half for the floor, interleaved rounds.
var drafts = await Db.DraftsAsync(database);
var forApp = new Queue<Draft>(drafts.Where((_, i) => i % 2 == 0));
var forFloor = new Queue<Draft>(drafts.Where((_, i) => i % 2 == 1));
Console.WriteLine($"{drafts.Count:N0} drafts ready to submit");
var client = factory.CreateClient();
// Each of the 3 rounds and the warm-up gets its share of the drafts: a round ends after its time or its share.
var share = Math.Max(1, forApp.Count / 4);
await Submissions.ViaAppAsync(client, forApp, TimeSpan.FromSeconds(Math.Min(5, seconds)), 8, share); // warm-up
await Submissions.FloorAsync(database, forFloor, TimeSpan.FromSeconds(Math.Min(5, seconds)), 8, share);
var appRates = new List<double>();
var floorRates = new List<double>();
for (var round = 0; round < 3; round++)
{
    appRates.Add(await Submissions.ViaAppAsync(client, forApp, TimeSpan.FromSeconds(seconds), 8, share));
    floorRates.Add(await Submissions.FloorAsync(database, forFloor, TimeSpan.FromSeconds(seconds), 8, share));
    Console.WriteLine(string.Create(invariant, $"round {round + 1}: app {appRates[^1]:F0} submissions/s, floor {floorRates[^1]:F0} submissions/s"));
}

// --- Reads with the seeded data: one client at a time, bounded number of requests.
var samples = await Db.ApplicantsAsync(database, 2_000);
var officers = await Db.OfficersAsync(database, 200);
const int requests = 2_000;
var status = await Latency.MeasureAsync(client, requests, i => Requests.Applicant(HttpMethod.Get, $"/api/licensing/applications/{samples[i % samples.Count].Id}", samples[i % samples.Count]));
var list = await Latency.MeasureAsync(client, requests, i => Requests.Applicant(HttpMethod.Get, "/api/licensing/applications", samples[(i * 7) % samples.Count]));
var queue = await Latency.MeasureAsync(client, requests, i => Requests.Officer($"/api/licensing/tasks", officers[i % officers.Count]));
var pages = await Latency.MeasureAsync(client, requests, i =>
{
    var o = officers[(i * 13) % officers.Count];
    var page = 1 + (int)((uint)HashCode.Combine(i, 17) % (uint)Math.Max(1, Math.Min(o.Open / 50, 10_000)));
    return Requests.Officer($"/api/licensing/tasks?page={page}", o);
});

double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
var app = Median(appRates);
var floor = Median(floorRates);
Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"submissions (8 clients, median of 3 rounds of {seconds} s): app {app:F0}/s, floor (Npgsql, one transaction per application) {floor:F0}/s, ratio {100 * app / floor:F1}% (goal >= 50%): {(app >= floor / 2 ? "MET" : "NOT MET")}"));
foreach (var (name, l) in new[] { ("status query GET /applications/{id}", status), ("applicant's list GET /applications", list), ("queue page 1 GET /tasks", queue), ("queue page N GET /tasks?page=N", pages) })
{
    Console.WriteLine(string.Create(invariant, $"{name} ({requests} requests, 1 client, {seeded:N0}+ applications): p50 {l.P50:F2} ms, p99 {l.P99:F2} ms, limit 20 ms, ratio {100 * l.P99 / 20:F0}% of the limit: {(l.P99 <= 20 ? "MET" : "NOT MET")}"));
}

return 0;
