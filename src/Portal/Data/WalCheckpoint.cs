using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// Under steady load SQLite's automatic checkpoints rarely find a moment without readers, so the WAL only grows: every
/// few seconds this truncating checkpoint waits briefly for readers to finish and starts the WAL over.
/// </summary>
public sealed class WalCheckpoint(IDbContextFactory<PortalDbContext> dbFactory, ILogger<WalCheckpoint> logger) : BackgroundService
{
    private static readonly TimeSpan s_every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                if (db.Database.IsSqlite())
                {
                    // A short wait for readers: a checkpoint must not stall letters for the default five seconds.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=200; PRAGMA wal_checkpoint(TRUNCATE);", stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy database is fine: the next tick tries again, and journal_size_limit still bounds the file.
                logger.LogDebug(ex, "WAL-checkpoint sprunget over");
            }
        }
    }
}
