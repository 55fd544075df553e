using Microsoft.Extensions.Options;

namespace Portal.Content;

/// <summary>Re-imports content/ shortly after files change, so edits on disk appear without restart.</summary>
public sealed class ContentWatcher(ContentRoot root, ContentSynchronizer synchronizer, IOptions<ContentOptions> options, ContentLease lease, ILogger<ContentWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan s_debounce = TimeSpan.FromMilliseconds(300);
    private readonly SemaphoreSlim _signal = new(0);
    private FileSystemWatcher? _watcher;

    /// <summary>
    /// Watches before the host reports itself started: since .NET 10 <see cref="BackgroundService"/> runs all of
    /// <see cref="ExecuteAsync"/> on the thread pool, so a watcher made there could miss a change written right after start.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WatchFiles && Directory.Exists(root.Path))
        {
            _watcher = new FileSystemWatcher(root.Path) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler onChange = (_, _) => _signal.Release();
            _watcher.Changed += onChange;
            _watcher.Created += onChange;
            _watcher.Deleted += onChange;
            _watcher.Renamed += (_, _) => _signal.Release();
            _watcher.EnableRaisingEvents = true;
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_watcher is null)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(stoppingToken);
            await Task.Delay(s_debounce, stoppingToken);
            while (_signal.CurrentCount > 0)
            {
                await _signal.WaitAsync(stoppingToken);
            }
            if (!lease.IsHeld)
            {
                continue; // another node imports content/; this one learns of the change through the database
            }
            try
            {
                await synchronizer.SyncAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Genindlæsning af indhold fejlede");
            }
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _signal.Dispose();
        base.Dispose();
    }
}
