using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.SharedKernel.Data;

/// <summary>One module's DbContext, remembered so the host can migrate and probe every module.</summary>
public sealed record ModuleDbContextRegistration(string Module, Type ContextType);

/// <summary>Module databases: registration per provider, table prefixes, startup migration.</summary>
public static partial class ModuleDatabase
{
    /// <summary>
    /// Registers a module's DbContext for the configured provider. Code in the module injects
    /// <typeparamref name="TContext"/>; the provider subclasses exist only to carry their own migrations.
    /// </summary>
    public static WebApplicationBuilder AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this WebApplicationBuilder builder, string module, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetDatabaseConnectionString(module);
        switch (builder.Configuration.GetDatabaseProvider())
        {
            // Pooled: a request reuses a context instead of setting one up (options are built once;
            // configure gets the root provider: singletons only). Contexts hold no state of their own.
            case DatabaseProvider.Sqlite:
                builder.Services.AddDbContextPool<TContext, TSqlite>((sp, o) =>
                {
                    o.UseSqlite(connectionString, x => x.MigrationsHistoryTable($"__EFMigrationsHistory_{module}"));
                    configure?.Invoke(sp, o);
                });
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContextPool<TContext, TPostgres>((sp, o) =>
                {
                    o.UseNpgsql(connectionString, x => x.MigrationsHistoryTable("__EFMigrationsHistory", module));
                    configure?.Invoke(sp, o);
                });
                break;
        }

        builder.Services.AddSingleton(new ModuleDbContextRegistration(module, typeof(TContext)));
        return builder;
    }

    /// <summary>Prefixes every table with the module name on SQLite, which has no schemas.</summary>
    public static ModelBuilder UseTablePrefix(this ModelBuilder modelBuilder, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && !table.StartsWith(prefix, StringComparison.Ordinal))
            {
                entity.SetTableName(prefix + table);
            }
        }

        return modelBuilder;
    }

    /// <summary>Applies every module's pending migrations, one module at a time.</summary>
    public static async Task MigrateModulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ModuleDatabase));
        var timeout = scope.ServiceProvider.GetService<IConfiguration>()?.GetValue(MigrationLockTimeoutKey, DefaultMigrationLockTimeout)
            ?? DefaultMigrationLockTimeout;
        var first = true;
        foreach (var registration in scope.ServiceProvider.GetServices<ModuleDbContextRegistration>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (first && db.Database.IsSqlite())
            {
                // Write-ahead logging: readers never wait for a writer, and a commit costs one fsync
                // instead of several (synchronous stays FULL, so a committed write survives a crash).
                // The setting is stored in the database file; in-memory databases keep their own mode.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            first = false;
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, registration.Module, pending.Count);
                await MigrateUnderLockAsync(db, registration.Module, timeout, logger, cancellationToken);
            }
        }
    }

    /// <summary>
    /// How long a start waits (by default) for another node's migration lock before it gives up with a clear message;
    /// on SQLite, also the age after which a lock is taken to be left by a start that was killed.
    /// </summary>
    public static readonly TimeSpan DefaultMigrationLockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Setting that overrides <see cref="DefaultMigrationLockTimeout"/>.</summary>
    public const string MigrationLockTimeoutKey = "Database:MigrationLockTimeout";

    /// <summary>
    /// EF Core's migration lock on SQLite is a row in <c>__EFMigrationsLock</c>: a start killed while it
    /// migrated leaves the row, and every later start would wait for it forever. (PostgreSQL's lock is an
    /// advisory lock that ends with the connection, so it cannot be left behind.) A row older than
    /// the timeout is removed; a younger one is waited for, up to that long.
    /// </summary>
    private static async Task MigrateUnderLockAsync(DbContext db, string module, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await SqliteMigrationLock.RemoveIfStaleAsync(db, timeout, logger, cancellationToken);
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(timeout);
        try
        {
            await db.Database.MigrateAsync(patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"Module {module}: the database's migration lock was not released within {timeout}. "
                + "Another node may be migrating; if none is, a start that was killed left the lock (see docs/operations.md, \"Databases and migrations\").");
        }
    }

    /// <summary>Every module DbContext in a scope, for health checks and tools.</summary>
    public static IEnumerable<(string Module, ModuleDbContext Context)> ModuleContexts(this IServiceProvider scopedServices)
    {
        foreach (var registration in scopedServices.GetServices<ModuleDbContextRegistration>())
        {
            yield return (registration.Module, (ModuleDbContext)scopedServices.GetRequiredService(registration.ContextType));
        }
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating module {Module}: {Count} pending migration(s)")]
    private static partial void LogMigrating(ILogger logger, string module, int count);
}
