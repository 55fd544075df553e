using Microsoft.Extensions.Options;

namespace Portal.Content;

/// <summary>Re-imports content/ shortly after files change, so edits on disk appear without restart.</summary>
public sealed class ContentWatcher(ContentRoot root, ContentSynchronizer synchronizer, IOptions<ContentOptions> options, ContentLease lease, ILogger<ContentWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan s_debounce = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchFiles || !Directory.Exists(root.Path))
        {
            return;
        }
        var signal = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(root.Path) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler onChange = (_, _) => signal.Release();
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, _) => signal.Release();
        watcher.EnableRaisingEvents = true;

        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(stoppingToken);
            await Task.Delay(s_debounce, stoppingToken);
            while (signal.CurrentCount > 0)
            {
                await signal.WaitAsync(stoppingToken);
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
}
