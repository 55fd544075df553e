using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Content;
using Portal.Data;

namespace Portal.Editing;

public enum ConflictChoice
{
    /// <summary>The file's text becomes the new published version.</summary>
    KeepDisk,

    /// <summary>The portal's published version is written over the file (the file's text stays in the conflict record).</summary>
    KeepPortal,
}

/// <summary>Lists open disk-versus-portal conflicts and resolves them by a coordinator's explicit choice.</summary>
public sealed class ConflictResolver(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentSynchronizer synchronizer,
    DocumentEditor editor,
    TimeProvider clock)
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

    public async Task<EditResult> ResolveAsync(int conflictId, ConflictChoice choice, EditorUser user, CancellationToken cancellationToken = default)
    {
        await using var lookup = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conflict = await lookup.ContentConflicts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conflictId && c.ResolvedAt == null, cancellationToken);
        if (conflict is null)
        {
            return EditResult.Refused("Konflikten findes ikke eller er allerede løst.");
        }
        var stamp = await lookup.Documents.Where(d => d.Id == conflict.DocumentId).Select(d => d.ConcurrencyStamp).FirstAsync(cancellationToken);
        if (choice == ConflictChoice.KeepDisk)
        {
            // Published through the editor so the file's text gets the same validation as any save.
            return await editor.CommitAsync(conflict.Slug, conflict.DiskText, stamp, "Konflikt løst: filens version fra content/ er brugt",
                VersionState.Published, VersionSource.Import, conflictId, user, cancellationToken);
        }
        return await synchronizer.ChangeAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var open = await db.ContentConflicts.FirstAsync(c => c.Id == conflictId, ct);
            var document = await db.Documents.FirstAsync(d => d.Id == open.DocumentId, ct);
            if (open.ResolvedAt is not null || document.PublishedVersionNumber is not { } published)
            {
                return EditResult.Refused("Konflikten er allerede løst, eller portalen har ingen udgivet version at skrive.");
            }
            var now = clock.GetUtcNow();
            (open.ResolvedAt, open.ResolvedBy, open.Resolution) = (now, user.Name, "Portalens version skrevet til content/");
            document.DiskHash = open.DiskHash; // the disk text is kept in the conflict record and may now be replaced
            var text = await db.DocumentVersions.Where(v => v.DocumentId == document.Id && v.Number == published).Select(v => v.Content).FirstAsync(ct);
            await ContentOutbox.EnqueueWriteAsync(db, document, text, now, ct);
            await new AuditLog(db, clock).WriteAsync(user.AuditName, AuditActions.ResolveConflict, document.Slug, "Portalens version beholdt", ct);
            var file = await editor.FlushAsync(document.Id, ct);
            return new EditResult(EditStatus.Saved, "Konflikten er løst: portalens version er skrevet til content/. Filens tekst er gemt i konfliktens historik.")
            {
                Slug = document.Slug,
                Stamp = document.ConcurrencyStamp,
                File = file,
            };
        }, rebuild: false, cancellationToken);
    }
}
