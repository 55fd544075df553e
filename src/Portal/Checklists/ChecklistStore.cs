using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Data;

namespace Portal.Checklists;

/// <summary>A saved checklist as listed to its owner.</summary>
public sealed record SavedChecklistSummary(Guid Id, string DocumentSlug, string DocumentTitle, string Label, DateTimeOffset SavedAt, DateTimeOffset ExpiresAt, int Done, int Total);

/// <summary>
/// Deliberately saved checklists. Every read and write is filtered by the owner's id, so a caseworker only ever
/// sees their own; each save sets the expiry from <see cref="ChecklistOptions.RetentionDays"/>.
/// </summary>
public sealed class ChecklistStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<ChecklistOptions> options)
{
    public const int MaxLabelLength = 80;

    public async Task<Guid> SaveAsync(string ownerId, ChecklistSession session, string? label, Guid? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        if (session.PersonalDataProblem(label) is { } problem)
        {
            throw new ArgumentException(problem, nameof(session));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var entity = id is { } existing
            ? await db.Set<SavedChecklist>().SingleOrDefaultAsync(c => c.Id == existing && c.OwnerId == ownerId, cancellationToken)
            : null;
        if (entity is null)
        {
            entity = new SavedChecklist
            {
                Id = Guid.NewGuid(),
                OwnerId = ownerId,
                DocumentSlug = session.Definition.Slug,
                DocumentTitle = session.Definition.Title,
                StateJson = "",
            };
            db.Add(entity);
        }
        entity.Label = Trim(label);
        entity.SavedAt = now;
        entity.ExpiresAt = now + options.Value.Retention;
        entity.Done = session.Done;
        entity.Total = session.Total;
        entity.StateJson = session.ToJson();
        db.AuditLog.Add(new AuditEntry { At = now, User = ownerId, Action = "tjekliste.gem", Target = entity.DocumentSlug });
        await db.SaveChangesAsync(cancellationToken);
        session.MarkSaved();
        return entity.Id;
    }

    public async Task<IReadOnlyList<SavedChecklistSummary>> ListAsync(string ownerId, string? slug = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var query = db.Set<SavedChecklist>().Where(c => c.OwnerId == ownerId && c.ExpiresAt > now);
        if (slug is not null)
        {
            query = query.Where(c => c.DocumentSlug == slug);
        }
        var rows = await query.OrderByDescending(c => c.SavedAt)
            .Select(c => new SavedChecklistSummary(c.Id, c.DocumentSlug, c.DocumentTitle, c.Label, c.SavedAt, c.ExpiresAt, c.Done, c.Total))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<SavedChecklist?> FindAsync(string ownerId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Set<SavedChecklist>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.OwnerId == ownerId && c.ExpiresAt > now, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string ownerId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Set<SavedChecklist>().SingleOrDefaultAsync(c => c.Id == id && c.OwnerId == ownerId, cancellationToken);
        if (entity is null)
        {
            return false;
        }
        db.Remove(entity);
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), User = ownerId, Action = "tjekliste.slet", Target = entity.DocumentSlug });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes every saved checklist whose retention has run out; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expired = await db.Set<SavedChecklist>().Where(c => c.ExpiresAt <= now).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }
        db.RemoveRange(expired);
        db.AuditLog.Add(new AuditEntry { At = now, User = "system", Action = "tjekliste.udloebet", Target = "SavedChecklists", Details = $"{expired.Count} slettet" });
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }

    private static string Trim(string? label)
    {
        var text = (label ?? "").Trim();
        return text.Length > MaxLabelLength ? text[..MaxLabelLength] : text;
    }
}
