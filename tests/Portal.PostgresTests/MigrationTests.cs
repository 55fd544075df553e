using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.PostgresTests.Infrastructure;
using Portal.Tests.Infrastructure;

namespace Portal.PostgresTests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FreshDatabase_AppliesThePostgreSqlMigrationsAndMatchesTheModel()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgreSqlPortalDbContext>();
        DatabaseOptions.Configure(options, postgreSql: true, connectionString);
        await using var db = new PostgreSqlPortalDbContext(options.Options);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);
        Assert.Contains(applied, m => m.EndsWith("_PostgreSqlInitial", StringComparison.Ordinal));
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges(), "Modellen har ændringer uden PostgreSQL-migrering: kør scripts/add-migration.sh <Navn>.");
    }

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseOptions.Configure(options, postgreSql: false, "Data Source=:memory:");
        using var db = new PortalDbContext(options.Options);

        Assert.DoesNotContain(db.Database.GetMigrations(), m => m.EndsWith("_PostgreSqlInitial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "Modellen har ændringer uden SQLite-migrering: kør scripts/add-migration.sh <Navn>.");
    }

    [Fact]
    public async Task TwoNodesStartingTogether_MigrateOnceAndBothServe()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        using var content = TestContentDirectory.FromFixture();
        await using var a = new PostgresNode(connectionString, TestContentDirectory.CopyOf(content.Path), "a");
        await using var b = new PostgresNode(connectionString, TestContentDirectory.CopyOf(content.Path), "b");

        await Task.WhenAll(Task.Run(() => a.Start()), Task.Run(() => b.Start()));

        foreach (var node in new[] { a, b })
        {
            var response = await node.CreateClientAs(Portal.Auth.Roles.Caseworker).GetAsync("/api/documents", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        await using var db = a.Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var history = await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(history.Distinct().Count(), history.Count);
        Assert.Equal(db.Database.GetMigrations().Count(), history.Count);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
    }
}
