using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Audit;

/// <summary>Reads the audit log for administrators, newest first, filtered by user and action.</summary>
public sealed class AuditQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int take, string? user = null, string? action = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(a => a.User.Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(a => a.Action == action);
        }
        return await query.OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}
