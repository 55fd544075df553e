using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own so its migrations (Data/Migrations/PostgreSql) live beside the
/// SQLite ones without mixing: EF binds a migration to one context type.
/// </summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : PortalDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add X --context PostgreSqlPortalDbContext</c> work without a server: adding a migration never connects.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlPortalDbContext>();
        DatabaseOptions.Configure(builder, postgreSql: true, "Host=localhost;Database=handicapportalen;Username=portal");
        return new PostgreSqlPortalDbContext(builder.Options);
    }
}

/// <summary>Hands out the PostgreSQL context wherever the portal asks for a <see cref="PortalDbContext"/> factory.</summary>
internal sealed class PostgreSqlContextFactory(IDbContextFactory<PostgreSqlPortalDbContext> inner) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

/// <summary>The SQLite context at design time, named explicitly so the tools never take the PostgreSQL subclass for it.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseOptions.Configure(builder, postgreSql: false, "Data Source=design-time.db");
        return new PortalDbContext(builder.Options);
    }
}
