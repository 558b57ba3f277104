using Microsoft.EntityFrameworkCore;
using OneStop.SharedKernel.Data;
using OneStop.Testing;

namespace OneStop.Web.Tests.Data;

public sealed class MigrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryModule_HasNoModelChangesWithoutAMigration()
    {
        var pending = await app.WithScopeAsync(s => Task.FromResult(
            s.ModuleContexts().Where(c => c.Context.Database.HasPendingModelChanges()).Select(c => c.Module).ToList()));
        Assert.Empty(pending);
    }

    [Fact]
    public async Task EveryModule_IsFullyMigratedAtStartup()
    {
        var modules = await app.WithScopeAsync(async s =>
        {
            var result = new List<(string Module, int Pending, int Applied)>();
            foreach (var (module, db) in s.ModuleContexts())
            {
                result.Add((module, (await db.Database.GetPendingMigrationsAsync()).Count(), (await db.Database.GetAppliedMigrationsAsync()).Count()));
            }

            return result;
        });
        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.Equal(0, m.Pending));
        Assert.All(modules, m => Assert.True(m.Applied > 0, m.Module));
    }

    [Fact]
    public async Task ModuleTables_AreKeptApartBySchemaOrPrefix()
    {
        var tables = await app.WithScopeAsync(s => Task.FromResult(s.ModuleContexts()
            .SelectMany(c => c.Context.Model.GetEntityTypes().Select(e => (c.Module, Schema: e.GetSchema(), Table: e.GetTableName()!)))
            .ToList()));
        foreach (var (module, schema, table) in tables)
        {
            if (app.Provider == DatabaseProvider.Postgres)
            {
                Assert.Equal(module, schema);
            }
            else
            {
                Assert.StartsWith(module + "_", table, StringComparison.Ordinal);
            }
        }
    }
}
