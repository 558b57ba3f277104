using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace OneStop.SharedKernel.Data;

/// <summary>The database engines OneStop runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>.</summary>
public static class DatabaseConfiguration
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Default";

    public static DatabaseProvider GetDatabaseProvider(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[ProviderKey] ?? nameof(DatabaseProvider.Sqlite);
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"{ProviderKey} is '{value}'; use '{nameof(DatabaseProvider.Sqlite)}' or '{nameof(DatabaseProvider.Postgres)}'.");
    }

    /// <summary>
    /// The connection string: the module's own (<c>ConnectionStrings:{module}</c>) when set, else the shared
    /// one. Modules share no tables, so any of them may live in a database of its own. A relative SQLite
    /// file path is resolved against the working directory and its folder is created, so that a fresh
    /// clone runs without a manual step.
    /// </summary>
    public static string GetDatabaseConnectionString(this IConfiguration configuration, string? module = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = (module is null ? null : configuration.GetConnectionString(module))
            ?? configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        if (configuration.GetDatabaseProvider() != DatabaseProvider.Sqlite)
        {
            return connectionString;
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.Mode != SqliteOpenMode.Memory && !sqlite.DataSource.StartsWith("file:", StringComparison.Ordinal)
            && sqlite.DataSource != ":memory:")
        {
            var path = Path.GetFullPath(sqlite.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            sqlite.DataSource = path;
        }

        return sqlite.ToString();
    }
}

/// <summary>Times as the databases keep them.</summary>
public static class DatabaseTime
{
    /// <summary>
    /// Drops what PostgreSQL cannot store (it keeps microseconds, .NET ticks are 100 ns), so that a
    /// value hashed before saving is the value read back.
    /// </summary>
    public static DateTime ToMicroseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Now, as the database will keep it: what an API answers before saving equals what it reads back later.</summary>
    public static DateTime UtcNowAsStored(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ToMicroseconds(clock.GetUtcNow().UtcDateTime);
    }
}
