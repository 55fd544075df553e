using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Checklists;
using Portal.Data;

namespace Portal.Tests.Checklists;

/// <summary>A migrated temp SQLite database and a checklist store on a given clock.</summary>
public sealed class ChecklistTestDb : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"handicap-checklist-{Guid.NewGuid():N}.db");

    private ChecklistTestDb(TimeProvider clock, ChecklistOptions options)
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite($"Data Source={_path}"));
        Provider = services.BuildServiceProvider();
        Factory = Provider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Options = options;
        Store = new ChecklistStore(Factory, clock, Microsoft.Extensions.Options.Options.Create(options));
    }

    public ServiceProvider Provider { get; }
    public IDbContextFactory<PortalDbContext> Factory { get; }
    public ChecklistStore Store { get; }
    public ChecklistOptions Options { get; }

    public static async Task<ChecklistTestDb> CreateAsync(TimeProvider clock, int retentionDays = 30)
    {
        var db = new ChecklistTestDb(clock, new ChecklistOptions { RetentionDays = retentionDays, CleanupIntervalMinutes = 60 });
        await using var context = await db.Factory.CreateDbContextAsync();
        await context.Database.MigrateAsync();
        return db;
    }

    public async Task<int> CountAsync()
    {
        await using var context = await Factory.CreateDbContextAsync();
        return await context.SavedChecklists.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
