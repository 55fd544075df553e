using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;

namespace Portal.Audit;

/// <summary>
/// The one writer of the audit log. Callers pass identifiers and actions only, never personal case data; the user is
/// always written as <see cref="UserProfile.AuditName"/> (name and id: two people may share a name).
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<AuditLog> logger)
{
    private readonly Lock _gate = new();
    private List<Pending> _queue = [];
    private bool _writing;

    /// <summary>Adds an entry to <paramref name="db"/>, saved in the same transaction as the change it records.</summary>
    public void Add(PortalDbContext db, UserProfile user, string action, string target, string? details = null) =>
        db.AuditLog.Add(Entry(user, action, target, details));

    /// <summary>
    /// Writes an entry on its own (for actions that change no rows: a generated letter, a roster file). Group commit:
    /// entries arriving while a commit runs share the next one, and each caller returns only once its entry is committed,
    /// so nothing is lost while hundreds of letters a second do not each wait for their own SQLite commit.
    /// </summary>
    public Task WriteAsync(UserProfile user, string action, string target, string? details = null, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(Entry(user, action, target, details), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_gate)
        {
            _queue.Add(pending);
            start = !_writing;
            _writing = true;
        }
        if (start)
        {
            _ = Task.Run(WriteBatchesAsync, CancellationToken.None);
        }
        // The entry is written even if the caller stops waiting: an action that happened stays in the log.
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    private AuditEntry Entry(UserProfile user, string action, string target, string? details) =>
        new() { At = clock.GetUtcNow(), User = user.AuditName, Action = action, Target = target, Details = details };

    private async Task WriteBatchesAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = _queue;
                _queue = [];
            }
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                db.AuditLog.AddRange(batch.Select(p => p.Entry));
                await db.SaveChangesAsync();
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Revisionsloggen kunne ikke skrives ({Count} linjer)", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Committed);
}
