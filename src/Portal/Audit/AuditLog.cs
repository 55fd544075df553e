using Portal.Data;

namespace Portal.Audit;

/// <summary>Appends audit entries; callers pass identifiers and actions only, never personal case data.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock)
{
    public async Task WriteAsync(string user, string action, string target, string? details = null, CancellationToken cancellationToken = default)
    {
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), User = user, Action = action, Target = target, Details = details });
        await db.SaveChangesAsync(cancellationToken);
    }
}
