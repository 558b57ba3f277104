using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.SharedKernel.Data;

/// <summary>
/// Inserts new rows of one entity type with multi-row INSERTs built from the EF model, without
/// change tracking, keeping the statements prepared on the context's open connection: for
/// append-only tables written at high rates, such as the exchange's message log, where SaveChanges'
/// per-entity bookkeeping would cost more than the write itself. Store-generated columns (identity
/// keys) are left to the database. Runs in the context's current transaction, if any.
/// </summary>
public sealed class RowAppender<T> : IAsyncDisposable
    where T : class
{
    // Rows per statement. SQLite looks each parameter up by name, with a linear search, every time a
    // statement runs, so a statement of n rows costs n squared: several short statements beat one long
    // one there (a profile showed the lookup taking most of a large batch's time).
    private readonly int rowsPerStatement;

    private readonly DbContext db;
    private readonly (IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)[] columns;
    private readonly string header;
    private readonly ISqlGenerationHelper sql;
    private readonly Dictionary<int, DbCommand> prepared = [];

    public RowAppender(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        this.db = db;
        rowsPerStatement = db.Database.IsSqlite() ? 4 : 32;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.ValueGenerated != ValueGenerated.OnAdd)
            .Select(p => (p, p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
        sql = db.GetService<ISqlGenerationHelper>();
        header = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
    }

    public async Task AppendAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Every statement (one per chunk length up to rowsPerStatement) stays prepared on the connection.
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            if (!prepared.TryGetValue(chunk.Length, out var command))
            {
                prepared[chunk.Length] = command = Create(chunk.Length);
            }

            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < chunk.Length; i++)
            {
                for (var j = 0; j < columns.Length; j++)
                {
                    var (_, getter, mapping) = columns[j];
                    var value = getter.GetClrValueUsingContainingEntity(chunk[i]);
                    command.Parameters[(i * columns.Length) + j].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand Create(int rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        var text = new StringBuilder(header);
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "(" : ", (");
            for (var j = 0; j < columns.Length; j++)
            {
                var (property, _, mapping) = columns[j];
                var name = string.Create(CultureInfo.InvariantCulture, $"p{i}_{j}");
                text.Append(j == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), null, property.IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in prepared.Values)
        {
            await command.DisposeAsync();
        }

        prepared.Clear();
    }
}

/// <summary>Names of tables and columns as the provider writes them in SQL, for the few statements written by hand.</summary>
public static class StoreNames
{
    /// <summary>The entity's table as the provider writes it in SQL (schema-qualified and quoted).</summary>
    public static string DelimitedTable<T>(this DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of {db.GetType().Name}.");
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>The column of an entity's property as the provider writes it in SQL (quoted).</summary>
    public static string DelimitedColumn<T>(this DbContext db, string property)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetProperty(property).GetColumnName(table)!);
    }
}
