using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Documents;

namespace Portal.Editing;

public enum ConflictChoice
{
    /// <summary>The file's text becomes the new published version.</summary>
    KeepDisk,

    /// <summary>The portal's published version is written over the file (the file's text stays in the conflict record).</summary>
    KeepPortal,
}

/// <summary>Lists open disk-versus-portal conflicts and resolves them by a coordinator's explicit choice.</summary>
public sealed class ConflictResolver(IDbContextFactory<PortalDbContext> dbFactory, DocumentStore store)
{
    public async Task<IReadOnlyList<ConflictView>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conflicts = await db.ContentConflicts.AsNoTracking().Where(c => c.ResolvedAt == null).ToListAsync(cancellationToken);
        var result = new List<ConflictView>();
        foreach (var c in conflicts.OrderBy(c => c.Slug, StringComparer.Ordinal))
        {
            var portal = await db.DocumentVersions.AsNoTracking()
                .Where(v => v.DocumentId == c.DocumentId && v.Number == v.Document!.LatestVersionNumber).FirstOrDefaultAsync(cancellationToken);
            result.Add(new ConflictView(c.Id, c.Slug, c.DiskText, c.DetectedAt, portal is null ? null : VersionView.Of(portal)));
        }
        return result;
    }

    public Task<EditResult> ResolveAsync(int conflictId, ConflictChoice choice, UserProfile user, CancellationToken cancellationToken = default) =>
        choice == ConflictChoice.KeepDisk
            ? store.ResolveKeepingDiskAsync(conflictId, user, cancellationToken)
            : store.ResolveKeepingPortalAsync(conflictId, user, cancellationToken);
}
