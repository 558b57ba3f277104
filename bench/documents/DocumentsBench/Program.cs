using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Documents.Data;
using OneStop.Documents.Signing;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Contracts;
using OneStop.SharedKernel.Messaging;
using OneStop.Testing;

// Documents benchmark (issue 21), in process on the PostgreSQL server named by ONESTOP_TEST_POSTGRES:
// - verification: POST /api/documents/verify through the whole HTTP pipeline (8 concurrent clients, real e-licences)
//   against raw ES256 verification of the same JWTs (ECDsa.VerifyData, 8 concurrent workers);
// - signing: the platform's signing service making e-licence credentials against raw ES256 signing of the same bytes.
// Usage: DocumentsBench <seconds-per-round>
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var server = Environment.GetEnvironmentVariable(AppFactory.PostgresVariable) ?? throw new InvalidOperationException($"Set {AppFactory.PostgresVariable}.");
var database = new NpgsqlConnectionStringBuilder(server) { Database = "onestop_docbench", MaxPoolSize = 50, NoResetOnClose = true }.ConnectionString;
var invariant = CultureInfo.InvariantCulture;
const int Workers = 8;
const int Documents = 200;

await using var factory = new BenchFactory(database);
_ = factory.Services; // start: migrations
var credentials = await Bench.IssueAsync(factory, Documents);
var jwks = JsonNode.Parse(await factory.CreateClient().GetStringAsync(new Uri("/api/documents/jwks", UriKind.Relative)))!;
Console.WriteLine($"{credentials.Count} e-licences issued by 2 agencies");

var client = factory.CreateClient();
var round = TimeSpan.FromSeconds(seconds);
// Warm-up: JIT and pools on both sides.
await Bench.ViaApiAsync(client, credentials, TimeSpan.FromSeconds(Math.Max(10, seconds)), Workers);
Bench.RawVerify(credentials, jwks, TimeSpan.FromSeconds(2), Workers);
await Bench.ViaSignerAsync(factory, TimeSpan.FromSeconds(5), Workers);
Bench.RawSign(TimeSpan.FromSeconds(2), Workers);

// The ceiling of any answer through the same pipeline: a credential refused as malformed before any key, signature or record.
List<string> garbage = ["not-a-credential"];
var pipeline = new List<double>();
var api = new List<double>();
var rawVerify = new List<double>();
var signer = new List<double>();
var rawSign = new List<double>();
for (var i = 0; i < 3; i++)
{
    pipeline.Add(await Bench.ViaApiAsync(client, garbage, round, Workers, valid: false));
    api.Add(await Bench.ViaApiAsync(client, credentials, round, Workers));
    rawVerify.Add(Bench.RawVerify(credentials, jwks, round, Workers));
    signer.Add(await Bench.ViaSignerAsync(factory, round, Workers));
    rawSign.Add(Bench.RawSign(round, Workers));
    Console.WriteLine(string.Create(invariant,
        $"round {i + 1}: pipeline {pipeline[^1]:F0}/s, verify API {api[^1]:F0}/s, raw ES256 verify {rawVerify[^1]:F0}/s; signing service {signer[^1]:F0}/s, raw ES256 sign {rawSign[^1]:F0}/s"));
}

double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
var (a, rv, s, rs) = (Median(api), Median(rawVerify), Median(signer), Median(rawSign));
Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"verification ({Workers} clients, median of 3 rounds of {seconds} s): API {a:F0}/s, raw ES256 {rv:F0}/s, ratio {100 * a / rv:F1}% (goal >= 50%): {(a >= rv / 2 ? "MET" : "NOT MET")}"));
Console.WriteLine(string.Create(invariant, $"pipeline ceiling (the same API answering malformed input: no key, signature or record; median): {Median(pipeline):F0}/s = {100 * Median(pipeline) / rv:F1}% of raw ES256 verify"));
Console.WriteLine(string.Create(invariant, $"signing ({Workers} workers, median of 3 rounds of {seconds} s): signing service {s:F0}/s, raw ES256 {rs:F0}/s, ratio {100 * s / rs:F1}% (goal >= 50%): {(s >= rs / 2 ? "MET" : "NOT MET")}"));
return 0;

/// <summary>The app on the benchmark's database.</summary>
internal sealed class BenchFactory(string connectionString) : AppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = connectionString,
        ["DemoData:Enabled"] = "false",
    };
}

internal static class Bench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Issues e-licences as licensing's approvals and payments' settlements arrive, and answers their credentials.</summary>
    public static async Task<List<string>> IssueAsync(BenchFactory factory, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var application = Guid.NewGuid();
            var number = $"BIZ-2569-B{n:D7}";
            using var scope = factory.Services.CreateScope();
            var approved = scope.ServiceProvider.GetServices<IIntegrationEventHandler<LicenceApproved>>();
            foreach (var handler in approved)
            {
                await handler.HandleAsync(Guid.NewGuid(), new LicenceApproved(application, number, "liquor-sale-licence", "03006000", "1999900000013", null, DateTime.UtcNow,
                    "นายทดสอบ ใจดี", "ร้านทดสอบ", "99/1 ถนนพระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110"), CancellationToken.None);
                await handler.HandleAsync(Guid.NewGuid(), new LicenceApproved(application, number, "food-premises-licence", "21043000", "1999900000013", null, DateTime.UtcNow,
                    "นายทดสอบ ใจดี", "ร้านทดสอบ", null), CancellationToken.None);
            }

            foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<InvoicePaid>>())
            {
                await handler.HandleAsync(Guid.NewGuid(), new InvoicePaid(Guid.NewGuid(), $"INV2569B{n:D7}", application, number, 0, [], null, DateTime.UtcNow), CancellationToken.None);
            }
        }

        using var read = factory.Services.CreateScope();
        var db = read.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        return [.. db.Documents.Select(d => d.Credential)];
    }

    /// <summary>Verifications per second through <c>POST /api/documents/verify</c>; every answer must say valid.</summary>
    public static async Task<double> ViaApiAsync(HttpClient client, List<string> credentials, TimeSpan duration, int workers, bool valid = true)
    {
        var done = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; sw.Elapsed < duration; i += workers)
            {
                using var response = await client.PostAsJsonAsync(new Uri("/api/documents/verify", UriKind.Relative), new { credential = credentials[i % credentials.Count] }, Json);
                var verdict = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
                if (response.StatusCode != HttpStatusCode.OK || verdict.GetProperty("valid").GetBoolean() != valid)
                {
                    throw new InvalidOperationException($"verify: {(int)response.StatusCode} {verdict}");
                }

                Interlocked.Increment(ref done);
            }
        })));
        return done / sw.Elapsed.TotalSeconds;
    }

    /// <summary>The floor: ES256 verification of the same JWTs with the published keys, nothing else.</summary>
    public static double RawVerify(List<string> credentials, JsonNode jwks, TimeSpan duration, int workers)
    {
        var keys = jwks["keys"]!.AsArray().ToDictionary(k => k!["kid"]!.GetValue<string>(), k => ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(k!["x"]!.GetValue<string>()), Y = Base64Url.DecodeFromChars(k["y"]!.GetValue<string>()) },
        }));
        var prepared = credentials.Select(c =>
        {
            var dot = c.LastIndexOf('.');
            var kid = JsonNode.Parse(Base64Url.DecodeFromChars(c.AsSpan(0, c.IndexOf('.'))))!["kid"]!.GetValue<string>();
            return (Key: keys[kid], Input: Encoding.ASCII.GetBytes(c[..dot]), Signature: Base64Url.DecodeFromChars(c.AsSpan(dot + 1)));
        }).ToList();
        var done = 0L;
        var sw = Stopwatch.StartNew();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (var i = w; sw.Elapsed < duration; i += workers)
            {
                var (key, input, signature) = prepared[i % prepared.Count];
                if (!key.VerifyData(input, signature, HashAlgorithmName.SHA256))
                {
                    throw new InvalidOperationException("raw verify failed");
                }

                Interlocked.Increment(ref done);
            }
        });
        return done / sw.Elapsed.TotalSeconds;
    }

    /// <summary>Credentials per second from the platform's signing service (an e-licence's payload, signed as its agency).</summary>
    public static async Task<double> ViaSignerAsync(BenchFactory factory, TimeSpan duration, int workers)
    {
        var done = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
            var signer = scope.ServiceProvider.GetRequiredService<DocumentSigner>();
            for (var i = w; sw.Elapsed < duration; i += workers)
            {
                var (jws, _) = await signer.SignAsync(db, "03006000", Payload(i), CancellationToken.None);
                if (jws.Length < 100)
                {
                    throw new InvalidOperationException("sign failed");
                }

                Interlocked.Increment(ref done);
            }
        })));
        return done / sw.Elapsed.TotalSeconds;
    }

    /// <summary>The floor: ES256 signatures over an e-licence-sized input with a key in memory, nothing else.</summary>
    public static double RawSign(TimeSpan duration, int workers)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var input = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(Payload(0))));
        var done = 0L;
        var sw = Stopwatch.StartNew();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            while (sw.Elapsed < duration)
            {
                if (key.SignData(input, HashAlgorithmName.SHA256).Length != 64)
                {
                    throw new InvalidOperationException("raw sign failed");
                }

                Interlocked.Increment(ref done);
            }
        });
        return done / sw.Elapsed.TotalSeconds;
    }

    /// <summary>An e-licence's credential, as the issuing code builds it.</summary>
    private static JsonObject Payload(int n) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["id"] = $"http://localhost/verify/LIC-2569-B{n:D7}",
        ["type"] = new JsonArray("VerifiableCredential", "LicenceCredential"),
        ["issuer"] = new JsonObject { ["id"] = "did:web:localhost:agencies:03006000" },
        ["validFrom"] = "2026-12-06T00:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = "LicensedBusiness", ["holder"] = new JsonObject { ["name"] = "นายทดสอบ ใจดี" }, ["businessName"] = "ร้านทดสอบ",
            ["premises"] = "99/1 ถนนพระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110",
            ["licence"] = new JsonObject { ["number"] = $"LIC-2569-B{n:D7}", ["code"] = "liquor-sale-licence" },
        },
    };
}
