using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Portal.Data;

public static class DataExtensions
{
    /// <summary>Application name shared by all nodes: cookies and antiforgery tokens protected on one node open on another.</summary>
    public const string ApplicationName = "Handicapportalen";

    // Any fixed number: every node of this portal asks PostgreSQL for the same advisory lock before migrating.
    private const long MigrationLockKey = 0x48414E4449434150;

    /// <summary>
    /// Database:Provider = Sqlite (default: a file under the data folder, or ConnectionStrings:Portal) or PostgreSql
    /// (ConnectionStrings:Portal required). Data Protection keys are kept in the same database.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!database.IsPostgreSql && !string.Equals(database.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider skal være '{DatabaseOptions.Sqlite}' eller '{DatabaseOptions.PostgreSql}', ikke '{database.Provider}'.");
        }
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (database.IsPostgreSql)
            {
                throw new InvalidOperationException("Database:Provider er PostgreSql, men ConnectionStrings:Portal er ikke sat (fx Host=db;Database=handicapportalen;Username=portal;Password=...).");
            }
            var dataDir = Path.GetFullPath(builder.Configuration["DataPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "..", "..", "data"));
            Directory.CreateDirectory(dataDir);
            if (!OperatingSystem.IsWindows())
            {
                // The database holds case notes and the audit trail: only the service user may read the folder.
                File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            connectionString = $"Data Source={Path.Combine(dataDir, "handicapportalen.db")}";
        }
        var services = builder.Services;
        void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            DatabaseOptions.Configure(options, database.IsPostgreSql, connectionString);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        }
        if (database.IsPostgreSql)
        {
            services.AddDbContextFactory<PostgreSqlPortalDbContext>(Configure);
            services.AddSingleton<IDbContextFactory<PortalDbContext>, PostgreSqlContextFactory>();
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgreSqlPortalDbContext>());
        }
        else
        {
            // WAL kept small (journal_size_limit, busy timeout on every connection, a periodic truncating checkpoint).
            services.AddSingleton<IInterceptor, SqlitePragmas>();
            services.AddHostedService<WalCheckpoint>();
            services.AddDbContextFactory<PortalDbContext>(Configure);
            services.AddDbContext<PortalDbContext>(Configure, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        services.AddSingleton(database);
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<PortalDbContext>();
        services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations. On PostgreSQL under an advisory lock, so nodes starting together migrate one at a
    /// time (the second finds nothing pending). <see cref="PrepareKeyRingAsync"/> takes the same lock for the first
    /// Data Protection key.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var migrationLock = await MigrationLock.TakeAsync(db, app.Logger, "migrerer databasen");
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        // Nothing pending (every restart): MigrateAsync would still compare the whole model with the last migration's.
        if (pending.Count > 0)
        {
            app.Logger.LogInformation("Opdaterer databasen: {Count} migrering(er) ({Names})", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync();
        }
        app.Logger.LogInformation("Databasen er klar ({Provider})", db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite");
        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>
    /// Reads (on a first start: creates) the data-protection key ring kept in the database, on another thread while the
    /// library is built, so the first sign-in does not wait for it. On PostgreSQL under the migration lock: two nodes
    /// starting together on a new database each made a key without it (seen once in MigrationTests), and the second
    /// now finds the first's key.
    /// </summary>
    public static Task PrepareKeyRingAsync(this WebApplication app) => Task.Run(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var keyLock = await MigrationLock.TakeAsync(db, app.Logger, "laver nøglen til login-cookies");
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Startup").Protect([1]);
    });

    /// <summary>A session-level advisory lock on its own connection, held while migrating; nothing on SQLite (one node).</summary>
    private sealed class MigrationLock(NpgsqlConnection? connection) : IAsyncDisposable
    {
        public static async Task<MigrationLock> TakeAsync(PortalDbContext db, ILogger logger, string doing)
        {
            if (!db.Database.IsNpgsql())
            {
                return new MigrationLock(null);
            }
            var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", MigrationLockKey);
            if (await command.ExecuteScalarAsync() is not true)
            {
                // The same lock serves the migration and the first key, so the other node may do either: the message
                // says what this node waits to do.
                logger.LogInformation("En anden node holder databaselåsen; venter, før noden {Doing}", doing);
                await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
                wait.Parameters.AddWithValue("key", MigrationLockKey);
                await wait.ExecuteNonQueryAsync();
            }
            return new MigrationLock(connection);
        }

        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                // Closing the session releases the lock too; unlocking first returns it at once to a pooled-session world.
                await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
                {
                    unlock.Parameters.AddWithValue("key", MigrationLockKey);
                    await unlock.ExecuteNonQueryAsync();
                }
                await connection.DisposeAsync();
            }
        }
    }
}
