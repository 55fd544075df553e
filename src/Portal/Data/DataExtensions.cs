using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public static class DataExtensions
{
    /// <summary>SQLite file under the data folder by default; ConnectionStrings:Portal overrides it.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDir = Path.GetFullPath(builder.Configuration["DataPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "..", "..", "data"));
            Directory.CreateDirectory(dataDir);
            if (!OperatingSystem.IsWindows())
            {
                // The database holds case notes and the audit trail: only the service user may read the folder.
                File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            connectionString = $"Data Source={Path.Combine(dataDir, "handicapportalen.db")}";
        }
        var pragmas = new SqlitePragmas();
        builder.Services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(pragmas));
        builder.Services.AddDbContext<PortalDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(pragmas), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        builder.Services.AddHostedService<WalCheckpoint>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            app.Logger.LogInformation("Opdaterer databasen: {Count} migrering(er) ({Names})", pending.Count, string.Join(", ", pending));
        }
        await db.Database.MigrateAsync();
        app.Logger.LogInformation("Databasen er klar");
        // WAL lets readers continue while an import writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
