using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;

namespace Portal.Audit;

/// <summary>
/// The one writer of the audit log. Callers pass identifiers and actions only, never personal case data; the user is
/// always written as <see cref="UserProfile.AuditName"/> (name and id: two people may share a name).
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds an entry to <paramref name="db"/>, saved in the same transaction as the change it records.</summary>
    public void Add(PortalDbContext db, UserProfile user, string action, string target, string? details = null) =>
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), User = user.AuditName, Action = action, Target = target, Details = details });

    /// <summary>Writes an entry on its own (for actions that change no rows: a generated letter, a roster file).</summary>
    public async Task WriteAsync(UserProfile user, string action, string target, string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, user, action, target, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
