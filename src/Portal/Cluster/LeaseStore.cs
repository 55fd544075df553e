using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Cluster;

/// <summary>Leases in the database: taken when free or expired, renewed by the holder, one conditional update each.</summary>
public sealed class LeaseStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string Content = "content";

    /// <summary>Takes or renews the lease; false while another node holds an unexpired one.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expires = now + duration;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.ClusterLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken == 1)
        {
            return true;
        }
        if (await db.ClusterLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }
        db.ClusterLeases.Add(new ClusterLease { Name = name, Holder = holder, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another node inserted it first
        }
    }

    public async Task<string?> HolderAsync(string name, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ClusterLeases.Where(l => l.Name == name && l.ExpiresAt >= now).Select(l => l.Holder).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Gives the lease up at shutdown so another node takes over at once instead of after expiry.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ClusterLeases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Runs a scheduled job once per time slot across all nodes: the first node to insert the slot's row runs it.</summary>
public sealed class ClusterJobs(IDbContextFactory<PortalDbContext> dbFactory, NodeIdentity node, TimeProvider clock, LeaseStore leases)
{
    /// <summary>How long a running job's lease lasts at least; a run that takes longer than this could overlap.</summary>
    public static readonly TimeSpan MinimumRunLease = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Claims the slot and, while <paramref name="work"/> runs, the job's lease: a run that outlasts its slot (slow
    /// SMTP, a short interval) is never overlapped by the next slot's run on another node, which would read what the
    /// first run has not yet recorded and send it again. False when another node has the slot or is still running.
    /// </summary>
    public async Task<bool> TryRunAsync(string job, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        var lease = "job:" + job;
        var duration = interval > MinimumRunLease ? interval : MinimumRunLease;
        if (!await leases.TryAcquireAsync(lease, node.Name, duration, cancellationToken))
        {
            return false;
        }
        try
        {
            if (!await TryClaimAsync(job, interval, cancellationToken))
            {
                return false;
            }
            await work(cancellationToken);
            return true;
        }
        finally
        {
            await leases.ReleaseAsync(lease, node.Name, CancellationToken.None);
        }
    }

    public static string SlotKey(string job, DateTimeOffset now, TimeSpan interval) =>
        $"{job}:{now.UtcTicks / Math.Max(1, interval.Ticks)}";

    public async Task<bool> TryClaimAsync(string job, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var key = SlotKey(job, now, interval);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Looked up first, so the usual case (the slot was claimed a while ago, by another node or before a restart)
        // does not end in a failed insert that EF logs as an error; the unique key still decides a true race.
        if (await db.JobRuns.AnyAsync(j => j.Key == key, cancellationToken))
        {
            return false;
        }
        db.JobRuns.Add(new JobRun { Key = key, Node = node.Name, StartedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // the unique key: another node has this slot
        }
    }
}
