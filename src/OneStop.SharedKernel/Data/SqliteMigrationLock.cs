using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace OneStop.SharedKernel.Data;

/// <summary>The row EF Core's SQLite provider writes while it migrates (<c>__EFMigrationsLock</c>: Id 1 and the time it was taken).</summary>
internal static partial class SqliteMigrationLock
{
    public const string Table = "__EFMigrationsLock";

    /// <summary>Removes the lock when it is older than <paramref name="maxAge"/>: no migration takes that long, so its owner died.</summary>
    public static async Task RemoveIfStaleAsync(DbContext db, TimeSpan maxAge, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT \"Timestamp\" FROM \"{Table}\"";
            object? taken;
            try
            {
                taken = await read.ExecuteScalarAsync(cancellationToken);
            }
            catch (SqliteException)
            {
                return; // no lock table yet: nobody ever migrated this file
            }

            if (taken is not string text || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
                || DateTimeOffset.UtcNow - since < maxAge)
            {
                return;
            }

            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{Table}\"";
            await delete.ExecuteNonQueryAsync(cancellationToken);
            LogRemoved(logger, since);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed a migration lock taken at {Since:o} by a start that did not finish (it was killed while migrating)")]
    private static partial void LogRemoved(ILogger logger, DateTimeOffset since);
}
