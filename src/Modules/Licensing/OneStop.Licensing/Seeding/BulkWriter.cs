using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;

namespace OneStop.Licensing.Seeding;

/// <summary>
/// Writes seeded rows fast: PostgreSQL's binary COPY, with the columns and conversions read from the EF model
/// (so a column added to an entity is copied too); on SQLite, EF inserts of a whole batch in one transaction.
/// </summary>
internal sealed class BulkWriter(LicensingDbContext db) : IAsyncDisposable
{
    private NpgsqlConnection? connection;

    /// <summary>Whether batches are copied on a connection of their own, so the next one can be made meanwhile.</summary>
    public bool IsPostgres => db is PostgresLicensingDbContext;

    public async Task WriteAsync(SeedApplications.Batch batch, CancellationToken ct)
    {
        if (!IsPostgres)
        {
            db.Applications.AddRange(batch.Applications);
            db.Documents.AddRange(batch.Documents);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }

        if (connection is null)
        {
            connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CopyAsync(batch.Applications, ct);
        await CopyAsync(batch.Licences, ct);
        await CopyAsync(batch.Tasks, ct);
        await CopyAsync(batch.Events, ct);
        await CopyAsync(batch.Documents, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Refreshes the planner's statistics, so that the first queries after the seed use the indexes, and vacuums
    /// the tables queues and lists read (as autovacuum would on a live database), so that their index-only scans
    /// need not visit rows COPY just wrote. The documents' contents are large and only looked up by key: analysed only.
    /// </summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        if (connection is null)
        {
            return;
        }

        foreach (var type in new[] { typeof(LicenceApplication), typeof(LicenceRequest), typeof(ReviewTask), typeof(ApplicationEvent), typeof(ApplicationDocument) })
        {
            var verb = type == typeof(ApplicationDocument) ? "ANALYZE" : "VACUUM (ANALYZE)";
            await using var analyze = new NpgsqlCommand($"{verb} {TableOf(db.Model.FindEntityType(type)!)}", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(ct);
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    private async Task CopyAsync<T>(List<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        // Identity keys (the history's sequence) are the database's to number.
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ClrType == typeof(long)))
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Type: StoreType(p), Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter))
            .ToList();
        var copy = $"COPY {TableOf(entity)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection!.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValue(row);
                if (value is not null && column.Converter is not null)
                {
                    value = column.Converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, column.Type, ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static string TableOf(IEntityType entity) => $"{Quote(entity.GetSchema() ?? "public")}.{Quote(entity.GetTableName()!)}";

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The column's type without its length (<c>character varying(24)</c> is written as <c>character varying</c>).</summary>
    private static string StoreType(IProperty property)
    {
        var type = property.GetColumnType();
        var facets = type.IndexOf('(', StringComparison.Ordinal);
        return facets < 0 ? type : type[..facets] + type[(type.IndexOf(')', StringComparison.Ordinal) + 1)..];
    }
}
