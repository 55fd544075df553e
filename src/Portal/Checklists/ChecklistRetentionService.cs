using Microsoft.Extensions.Options;

namespace Portal.Checklists;

/// <summary>Deletes saved checklists after their retention period: at start-up and then every CleanupIntervalMinutes.
/// With several nodes only the node that claims the interval's slot deletes.</summary>
public sealed class ChecklistRetentionService(ChecklistStore store, TimeProvider clock, IOptions<ChecklistOptions> options, ILogger<ChecklistRetentionService> logger,
    Cluster.ClusterJobs? jobs = null) : BackgroundService
{
    /// <summary>Raised after each cleanup (with the next one already scheduled) with the number deleted; tests wait on it instead of sleeping.</summary>
    internal event Action<int>? Cleaned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var deleted = 0;
            try
            {
                if (jobs is null)
                {
                    deleted = await store.DeleteExpiredAsync(stoppingToken);
                }
                else
                {
                    await jobs.TryRunAsync("tjeklister-oprydning", options.Value.CleanupInterval, async ct => deleted = await store.DeleteExpiredAsync(ct), stoppingToken);
                }
                if (deleted > 0)
                {
                    logger.LogInformation("Slettede {Count} gemte tjeklister, hvis opbevaringsperiode var udløbet", deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Oprydning i gemte tjeklister fejlede");
            }
            var next = Task.Delay(options.Value.CleanupInterval, clock, stoppingToken);
            Cleaned?.Invoke(deleted);
            await next;
        }
    }
}
