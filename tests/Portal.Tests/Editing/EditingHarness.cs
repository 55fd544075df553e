using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;
using Portal.Documents;
using Portal.Editing;
using Portal.Reviews;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Editing;

/// <summary>
/// The real content pipeline plus the editing services over a temp SQLite file, without a web host.
/// RestartAsync builds new services over the same database and files, as a process restart would.
/// </summary>
public sealed class EditingHarness : IAsyncDisposable
{
    public static readonly UserProfile Anne = new("demo:koordinator", "Anne Andersen", "anne@test.example");
    public static readonly UserProfile Bo = new("demo:koordinator2", "Bo Bertelsen", "bo@test.example");

    public const string Procedure = "arbejdsgange/01-opstart/meddelelse-af-afslag";
    public const string Offer = "arbejdsgange/02-tilbud/ventilen";

    private readonly ServiceProvider _services;
    private readonly string _dbPath;
    private bool _ownsFiles = true;

    private EditingHarness(ServiceProvider services, string dbPath, TestContentDirectory content)
    {
        _services = services;
        _dbPath = dbPath;
        Content = content;
    }

    public TestContentDirectory Content { get; }

    public FixedTimeProvider Clock => (FixedTimeProvider)_services.GetRequiredService<TimeProvider>();

    public ContentSynchronizer Synchronizer => Get<ContentSynchronizer>();

    public LibrarySnapshot Snapshot => Get<ContentCatalog>().Current;

    public DocumentEditor Editor => Get<DocumentEditor>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public PortalDbContext CreateDb() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public string FilePath(string slug) => Path.Combine(Content.Path, slug + ".md");

    public static async Task<EditingHarness> CreateAsync(IContentFileWriter? writer = null, Action<IServiceCollection>? configure = null, bool sync = true)
    {
        var harness = Build(TestContentDirectory.FromFixture(), Path.Combine(Path.GetTempPath(), $"handicap-edit-{Guid.NewGuid():N}.db"), writer, configure);
        await using (var db = harness.CreateDb())
        {
            await db.Database.MigrateAsync();
        }
        if (sync)
        {
            await harness.Synchronizer.SyncAsync();
        }
        return harness;
    }

    /// <summary>New services over the same database and content folder, then the start-up sync.</summary>
    public async Task<EditingHarness> RestartAsync(IContentFileWriter? writer = null)
    {
        _ownsFiles = false;
        await _services.DisposeAsync();
        var restarted = Build(Content, _dbPath, writer, null);
        await restarted.Synchronizer.SyncAsync();
        return restarted;
    }

    public async Task<EditorDocument> LoadAsync(string slug) => (await Editor.LoadAsync(slug))!;

    /// <summary>Saves (or publishes) a change of the body's last line, against the given stamp.</summary>
    public Task<EditResult> SaveAsync(string slug, string text, Guid stamp, bool publish, UserProfile? user = null, string? comment = "Test") =>
        Editor.SaveAsync(new SaveRequest(slug, text, stamp, comment, publish), user ?? Anne);

    private static EditingHarness Build(TestContentDirectory content, string dbPath, IContentFileWriter? writer, Action<IServiceCollection>? configure)
    {
        var options = new ContentOptions { RootPath = content.Path, WatchFiles = false };
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(new LawPortalOptions { BaseUrl = "https://lov.example" }));
        services.AddSingleton(Options.Create(new ReviewOptions()));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = content.Path, EnvironmentName = "Development" });
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateOnly(2026, 11, 23)));
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
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<ContentCatalog>();
        services.AddSingleton<ContentSynchronizer>();
        services.AddSingleton<RedirectTable>();
        services.AddSingleton<IDocumentRedirects>(sp => sp.GetRequiredService<RedirectTable>());
        services.AddSingleton<IContentFileWriter>(writer ?? new AtomicFileWriter());
        services.AddSingleton<ContentOutbox>();
        services.AddSingleton<IBeforeImportStep>(sp => sp.GetRequiredService<ContentOutbox>());
        services.AddSingleton<DocumentValidator>();
        services.AddSingleton<DocumentImport>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DocumentEditor>();
        services.AddSingleton<DocumentCreator>();
        services.AddSingleton<DocumentMover>();
        services.AddSingleton<DocumentHistory>();
        services.AddSingleton<ConflictResolver>();
        configure?.Invoke(services);
        return new EditingHarness(services.BuildServiceProvider(), dbPath, content);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (!_ownsFiles)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(file);
        }
        Content.Dispose();
    }
}

/// <summary>A disk that fails: before writing (nothing reaches the file) or after (the file is written, the process "dies").</summary>
public sealed class FailingFileWriter(bool afterWrite) : IContentFileWriter
{
    private readonly AtomicFileWriter _inner = new();

    public int Attempts { get; private set; }

    public void Write(string path, string text)
    {
        Attempts++;
        if (afterWrite)
        {
            _inner.Write(path, text);
        }
        throw new IOException("Simuleret nedbrud under skrivning til disken.");
    }

    public void Delete(string path) => throw new IOException("Simuleret nedbrud under sletning.");
}
