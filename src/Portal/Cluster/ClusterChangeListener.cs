using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Content;
using Portal.Data;
using Portal.Documents;

namespace Portal.Cluster;

/// <summary>
/// Keeps this node's snapshot and search index current with changes other nodes commit: woken by PostgreSQL
/// NOTIFY, and polling the change rows as the fallback (and the only way on SQLite).
/// </summary>
public sealed class ClusterChangeListener(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentSynchronizer synchronizer,
    ContentOutbox outbox,
    ContentLease lease,
    NodeIdentity node,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<ClusterChangeListener> logger) : BackgroundService
{
    // Rows are read back this far, so a change committed late (a lower id after a higher one) or from a node with a skewed clock is still seen.
    private static readonly TimeSpan s_lookback = TimeSpan.FromSeconds(60);
    private readonly HashSet<long> _seen = [];
    private long _currentAtTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>When this node last confirmed its snapshot holds every committed change.</summary>
    public DateTimeOffset CurrentAt => new(Interlocked.Read(ref _currentAtTicks), TimeSpan.Zero);

    /// <summary>How many rebuilds other nodes' changes caused (for tests and measurements).</summary>
    public int Rebuilds { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                if (db.Database.IsNpgsql())
                {
                    await ListenAsync(db.Database.GetConnectionString()!, stoppingToken);
                }
                else
                {
                    await PollAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Lytning efter ændringer fra andre noder fejlede; prøver igen");
                await Task.Delay(options.Value.Poll, clock, stoppingToken);
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckAsync(stoppingToken);
            await Task.Delay(options.Value.Poll, clock, stoppingToken);
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, _) => { };
        await using (var listen = new NpgsqlCommand($"LISTEN {ClusterChangeInterceptor.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckAsync(stoppingToken);
            await connection.WaitAsync(options.Value.Poll, stoppingToken);
        }
    }

    /// <summary>
    /// Marks the changes committed so far as seen. Called before the start-up build of the snapshot, which reads the
    /// database after this and so holds them: without it, a restart would rebuild the library again on its first check
    /// for every change of the last minute (its own too, since a restarted process is a new node).
    /// </summary>
    public async Task MarkCommittedAsSeenAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - s_lookback;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.ClusterChanges.AsNoTracking().Where(c => c.At > since).Select(c => c.Id).ToListAsync(cancellationToken);
        lock (_seen)
        {
            _seen.UnionWith(ids);
        }
    }

    /// <summary>Rebuilds when another node committed a change this node has not seen yet.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow();
        var since = started - s_lookback;
        List<(long Id, string Node)> rows;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            rows = (await db.ClusterChanges.AsNoTracking().Where(c => c.At > since).Select(c => new { c.Id, c.Node }).ToListAsync(cancellationToken))
                .Select(r => (r.Id, r.Node)).ToList();
        }
        List<(long Id, string Node)> fresh;
        lock (_seen)
        {
            fresh = rows.Where(r => _seen.Add(r.Id)).ToList();
            _seen.IntersectWith(rows.Select(r => r.Id));
        }
        if (fresh.Any(r => r.Node != node.Name))
        {
            // The lease holder also completes file writes other nodes queued for content/.
            await synchronizer.ChangeAsync(async ct => lease.IsHeld ? await outbox.FlushAsync(ct) : null, rebuild: true, cancellationToken);
            Rebuilds++;
            Telemetry.PortalTelemetry.ClusterRebuilds.Add(1);
            logger.LogDebug("Snapshot genopbygget efter {Count} ændring(er) fra andre noder", fresh.Count(r => r.Node != node.Name));
        }
        Interlocked.Exchange(ref _currentAtTicks, started.UtcTicks);
    }
}
