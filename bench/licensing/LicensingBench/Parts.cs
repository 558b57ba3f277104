using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using NpgsqlTypes;
using OneStop.Testing;

namespace OneStop.Bench.Licensing;

internal sealed record Draft(Guid Id, string CitizenId, string? JuristicId, string Number, int Licences);

internal sealed record OfficerQueue(string Agency, string Office, string Role, long Open);

/// <summary>The app on the benchmark's database, with the tests' sign-in headers; settings over the test defaults.</summary>
internal sealed class BenchFactory(string connectionString) : AppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = connectionString,
        ["DemoData:Enabled"] = "false",
    };
}

internal static class Requests
{
    public static HttpRequestMessage Applicant(HttpMethod method, string path, Draft who)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add(TestAuthHandler.RolesHeader, "Citizen");
        request.Headers.Add(TestAuthHandler.PidHeader, who.CitizenId);
        if (who.JuristicId is not null)
        {
            request.Headers.Add(TestAuthHandler.ActForHeader, $"{who.JuristicId}|company");
        }

        return request;
    }

    public static HttpRequestMessage Officer(string path, OfficerQueue who)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(TestAuthHandler.RolesHeader, "Officer");
        request.Headers.Add(TestAuthHandler.AgencyHeader, who.Agency);
        request.Headers.Add(TestAuthHandler.OfficeHeader, who.Office);
        request.Headers.Add(TestAuthHandler.AgencyRolesHeader, who.Role);
        request.Headers.Add(TestAuthHandler.SubjectHeader, $"bench-{who.Office}-{who.Role}");
        return request;
    }
}

internal static class Submissions
{
    /// <summary>Submits drafts through <c>POST /api/licensing/applications/{id}/submit</c> with <paramref name="clients"/> concurrent clients.</summary>
    public static async Task<double> ViaAppAsync(HttpClient client, Queue<Draft> drafts, TimeSpan duration, int clients, int max)
    {
        var done = 0;
        var taken = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (sw.Elapsed < duration && Interlocked.Increment(ref taken) <= max && Take(drafts) is { } draft)
            {
                using var request = Requests.Applicant(HttpMethod.Post, $"/api/licensing/applications/{draft.Id}/submit", draft);
                request.Content = JsonContent.Create(new { declaration = true });
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"submit {draft.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                Interlocked.Increment(ref done);
            }
        })));
        return done / sw.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The floor: the rows a submission writes (the application, its licences and review tasks updated, the
    /// "submitted" history line and the integration event in the outbox), one transaction per application,
    /// written by plain Npgsql with <paramref name="clients"/> concurrent workers. No reads, no checks.
    /// </summary>
    public static async Task<double> FloorAsync(string connectionString, Queue<Draft> drafts, TimeSpan duration, int clients, int max)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var done = 0;
        var taken = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            await using var connection = await source.OpenConnectionAsync();
            while (sw.Elapsed < duration && Interlocked.Increment(ref taken) <= max && Take(drafts) is { } draft)
            {
                var now = DateTime.UtcNow;
                var today = DateOnly.FromDateTime(now);
                var due = today.AddDays(21);
                await using var transaction = await connection.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(connection, transaction);
                Add(batch, """UPDATE licensing.application SET "Status" = 'InReview', "DeclaredAt" = $2, "SubmittedAt" = $2, "UpdatedAt" = $2, "Version" = "Version" + 2 WHERE "Id" = $1""", draft.Id, now);
                Add(batch, """UPDATE licensing.licence_request SET "Status" = 'InReview', "FeeSatang" = 50000, "SlaDays" = 15, "SubmittedOn" = $3, "DueOn" = $4, "Version" = "Version" + 1 WHERE "ApplicationId" = $1""", draft.Id, now, today, due);
                Add(batch, """UPDATE licensing.review_task SET "SubmittedAt" = $2, "DueOn" = $3, "Status" = CASE WHEN "Stage" = 1 THEN 'Open' ELSE "Status" END, "OpenedAt" = CASE WHEN "Stage" = 1 THEN $2 END, "Version" = "Version" + 1 WHERE "ApplicationId" = $1""", draft.Id, now, due);
                Add(batch, """INSERT INTO licensing.application_event ("ApplicationId", "At", "Kind", "Actor") VALUES ($1, $2, 'Submitted', 'applicant')""", draft.Id, now);
                Add(batch, """INSERT INTO licensing.outbox ("Id", "Type", "Payload", "OccurredAt", "Attempts") VALUES ($2, 'OneStop.Licensing.Contracts.ApplicationSubmitted', $3, $4, 0)""",
                    draft.Id, Guid.CreateVersion7(), $$"""{"applicationId":"{{draft.Id}}","number":"{{draft.Number}}","applicantCitizenId":"{{draft.CitizenId}}","juristicId":null,"licenceCodes":["a","b"],"submittedAt":"{{now:O}}"}""", now);
                await batch.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                Interlocked.Increment(ref done);
            }
        })));
        return done / sw.Elapsed.TotalSeconds;
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateTime t ? new NpgsqlParameter { Value = t, NpgsqlDbType = NpgsqlDbType.TimestampTz } : new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(command);
    }

    private static Draft? Take(Queue<Draft> drafts)
    {
        lock (drafts)
        {
            return drafts.TryDequeue(out var draft) ? draft : null;
        }
    }
}

internal static class Latency
{
    public sealed record Result(double P50, double P99);

    /// <summary>Sends <paramref name="count"/> requests one after another (after a warm-up of 200) and returns the percentiles in ms.</summary>
    public static async Task<Result> MeasureAsync(HttpClient client, int count, Func<int, HttpRequestMessage> make)
    {
        var times = new List<double>(count);
        for (var i = -200; i < count; i++)
        {
            using var request = make(Math.Abs(i));
            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{request.RequestUri}: {(int)response.StatusCode}");
            }

            if (i >= 0)
            {
                times.Add(ms);
            }
        }

        times.Sort();
        return new Result(times[count / 2], times[(int)Math.Ceiling(count * 0.99) - 1]);
    }
}

internal static class Db
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<Draft>> DraftsAsync(string connectionString)
        => await ReadAsync(connectionString, """
            SELECT a."Id", a."ApplicantCitizenId", a."JuristicId", a."Number", (SELECT count(*) FROM licensing.licence_request l WHERE l."ApplicationId" = a."Id")::int
            FROM licensing.application a WHERE a."Status" = 'Draft' AND a."Channel" = 'Online' ORDER BY md5(a."Id"::text)
            """, r => new Draft(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4)));

    /// <summary>Submitted applications of people and companies, in random order.</summary>
    public static async Task<List<Draft>> ApplicantsAsync(string connectionString, int count)
        => await ReadAsync(connectionString, $"""
            SELECT "Id", "ApplicantCitizenId", "JuristicId", "Number", 0 FROM licensing.application TABLESAMPLE SYSTEM (1)
            WHERE "Status" <> 'Draft' LIMIT {count}
            """, r => new Draft(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), 0));

    /// <summary>Office queues with open tasks, the busiest first, each with its size.</summary>
    public static async Task<List<OfficerQueue>> OfficersAsync(string connectionString, int count)
        => await ReadAsync(connectionString, $"""
            SELECT "AgencyCode", "OfficeCode", min("Role"), count(*) FROM licensing.review_task
            WHERE "Status" IN ('Open', 'Claimed') GROUP BY "AgencyCode", "OfficeCode" ORDER BY count(*) DESC LIMIT {count}
            """, r => new OfficerQueue(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));

    private static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
