using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>The real content pipeline (importer, parser, synchronizer) over a temp SQLite file, without a web host.</summary>
public sealed class ContentHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _dbPath;

    private ContentHarness(ServiceProvider services, string dbPath, TestContentDirectory content)
    {
        _services = services;
        _dbPath = dbPath;
        Content = content;
    }

    public TestContentDirectory Content { get; }

    public ContentSynchronizer Synchronizer => _services.GetRequiredService<ContentSynchronizer>();

    public ContentImporter Importer => _services.GetRequiredService<ContentImporter>();

    public ContentCatalog Catalog => _services.GetRequiredService<ContentCatalog>();

    public LibrarySnapshot Snapshot => Catalog.Current;

    public PortalDbContext CreateDb() => _services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A synchronizer as a restarted process has it: nothing parsed in memory, no HTML held, same database.</summary>
    public ContentSynchronizer Restarted(ParseCache? parseCache = null, HtmlCache? htmlCache = null) =>
        ActivatorUtilities.CreateInstance<ContentSynchronizer>(_services,
            parseCache ?? _services.GetRequiredService<ParseCache>(), htmlCache ?? new HtmlCache(64L * 1024 * 1024));

    public static async Task<ContentHarness> CreateAsync(TestContentDirectory content, Action<ContentOptions>? configure = null)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"handicap-test-{Guid.NewGuid():N}.db");
        var options = new ContentOptions { RootPath = content.Path, WatchFiles = false };
        configure?.Invoke(options);
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(new LawPortalOptions { BaseUrl = "https://lov.example" }));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = content.Path, EnvironmentName = "Development" });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite($"Data Source={dbPath}"));
        services.AddSingleton<ContentRoot>();
        services.AddSingleton<ContentFileReader>();
        services.AddSingleton<HtmlSafety>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<DocumentParser>();
        services.AddSingleton<ParseCache>();
        services.AddSingleton(new HtmlCache(64L * 1024 * 1024));
        services.AddSingleton<Portal.Documents.DocumentImport>();
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<ContentCatalog>();
        services.AddSingleton<ContentSynchronizer>();
        var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        return new ContentHarness(provider, dbPath, content);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(file);
        }
        Content.Dispose();
    }
}
