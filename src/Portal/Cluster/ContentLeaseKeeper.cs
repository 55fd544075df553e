using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Data;

namespace Portal.Cluster;

/// <summary>
/// Holds, renews and takes over the content lease: only the holder imports from and writes to content/. A node that
/// takes over (the holder stopped renewing) imports at once, so file changes made meanwhile are not missed.
/// </summary>
public sealed class ContentLeaseKeeper(
    LeaseStore leases,
    ContentLease lease,
    NodeIdentity node,
    ContentSynchronizer synchronizer,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<ContentLeaseKeeper> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _renewing = Task.CompletedTask;

    /// <summary>
    /// Takes the lease if free, once before the first import, and starts renewing at once: a first import longer than
    /// the lease must not let a second node take it meanwhile.
    /// </summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        lease.IsHeld = await leases.TryAcquireAsync(LeaseStore.Content, node.Name, options.Value.Lease, cancellationToken);
        if (_renewing.IsCompleted)
        {
            _renewing = RenewLoopAsync(_stopping.Token);
        }
        return lease.IsHeld;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_renewing.IsCompleted)
        {
            _renewing = RenewLoopAsync(_stopping.Token);
        }
        return Task.CompletedTask;
    }

    private async Task RenewLoopAsync(CancellationToken stoppingToken)
    {
        // Renew three times per lease period, so one slow round never loses it.
        var period = options.Value.Lease / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, stoppingToken);
                await RenewAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Fornyelse af indholdslåsen fejlede");
            }
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var held = await leases.TryAcquireAsync(LeaseStore.Content, node.Name, options.Value.Lease, cancellationToken);
        if (held && !lease.IsHeld)
        {
            lease.IsHeld = true;
            logger.LogInformation("Noden {Node} har overtaget indholdslåsen og importerer content/", node.Name);
            await synchronizer.SyncAsync(cancellationToken);
        }
        else if (!held && lease.IsHeld)
        {
            lease.IsHeld = false;
            logger.LogWarning("Noden {Node} har mistet indholdslåsen; en anden node importerer nu content/", node.Name);
        }
        if (held)
        {
            await PruneAsync(cancellationToken);
        }
    }

    // Change rows matter for a minute and job runs for their slot; the lease holder keeps the tables small.
    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changesBefore = now - TimeSpan.FromHours(1);
        var jobsBefore = now - TimeSpan.FromDays(7);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ClusterChanges.Where(c => c.At < changesBefore).ExecuteDeleteAsync(cancellationToken);
        await db.JobRuns.Where(j => j.StartedAt < jobsBefore).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // the container went first (a host torn down while it stopped): Dispose cancelled the loop
        }
        await _renewing;
        if (lease.IsHeld)
        {
            try
            {
                await leases.ReleaseAsync(LeaseStore.Content, node.Name, cancellationToken);
                lease.IsHeld = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Indholdslåsen kunne ikke frigives; den udløber af sig selv");
            }
        }
    }

    private int _disposed;

    // The test host disposes its container twice; the second call must be a no-op.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }
}
