using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Documents;

namespace Portal.Cluster;

/// <summary>
/// Adds a change row to every save that touches documents, versions or redirects, in the same transaction, so no
/// committed change goes unseen by the other nodes; on PostgreSQL it then wakes them with NOTIFY.
/// </summary>
internal sealed class ClusterChangeInterceptor(NodeIdentity node, TimeProvider clock) : SaveChangesInterceptor
{
    public const string Channel = "portal_changes";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddChangeRow(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddChangeRow(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.IsNpgsql() && db.ChangeTracker.Entries<ClusterChange>().Any())
        {
            // Delivered at commit; a lost notification is caught by the poll.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, node.Name], cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && db.Database.IsNpgsql() && db.ChangeTracker.Entries<ClusterChange>().Any())
        {
            db.Database.ExecuteSqlRaw("SELECT pg_notify({0}, {1})", Channel, node.Name);
        }
        return result;
    }

    private void AddChangeRow(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        var touches = db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is StoredDocument or DocumentVersion or DocumentRedirect);
        if (touches && !db.ChangeTracker.Entries<ClusterChange>().Any(e => e.State == EntityState.Added))
        {
            db.Set<ClusterChange>().Add(new ClusterChange { Node = node.Name, At = clock.GetUtcNow() });
        }
    }
}
