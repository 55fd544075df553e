using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Content;
using Portal.Data;

namespace Portal.Editing;

public sealed record MoveRequest(string Slug, string NewSlug, Guid ExpectedStamp);

/// <summary>
/// Moves or renames a document: the identity changes, history follows, the old address redirects to the
/// new one (old links and bookmarks keep working), and the file is moved in content/.
/// </summary>
public sealed class DocumentMover(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentSynchronizer synchronizer,
    DocumentCreator creator,
    DocumentEditor editor,
    RedirectTable redirects,
    ContentCatalog catalog,
    TimeProvider clock)
{
    public async Task<EditResult> MoveAsync(MoveRequest request, EditorUser user, CancellationToken cancellationToken = default)
    {
        var from = DocumentEditor.Normalize(request.Slug);
        var to = DocumentEditor.Normalize(request.NewSlug);
        if (!DocumentCreator.SlugPattern().IsMatch(to))
        {
            return EditResult.Invalid([new FieldError("adresse", 0, "Den nye adresse må kun have små bogstaver a-z, tal, bindestreger og skråstreger og skal begynde med arbejdsgange/ eller skabeloner/.")]);
        }
        if (from == to)
        {
            return EditResult.Invalid([new FieldError("adresse", 0, "Den nye adresse er den samme som den gamle.")]);
        }
        if (from.Split('/')[0] != to.Split('/')[0])
        {
            return EditResult.Invalid([new FieldError("adresse", 0, "Et dokument kan ikke flyttes mellem arbejdsgange/ og skabeloner/.")]);
        }
        var linkedFrom = catalog.Current.Documents.Where(d => d.Links.Any(l => l.TargetSlug == from)).Select(d => d.Slug).ToList();
        var result = await synchronizer.ChangeAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Slug == from, ct);
            if (document is null)
            {
                return EditResult.NotFound(from);
            }
            if (document.ConcurrencyStamp != request.ExpectedStamp)
            {
                return new EditResult(EditStatus.Conflict, "Dokumentet er ændret, mens du havde det åbent. Genindlæs siden og prøv igen.") { Slug = from, Stamp = document.ConcurrencyStamp };
            }
            if (await db.ContentConflicts.AnyAsync(c => c.DocumentId == document.Id && c.ResolvedAt == null, ct))
            {
                return EditResult.Refused("Dokumentet har en åben konflikt mellem disken og portalen. Løs den, før du flytter dokumentet.");
            }
            // The address may be an old address of this very document (moving back).
            var ownRedirect = await db.DocumentRedirects.FirstOrDefaultAsync(r => r.FromSlug == to && r.ToSlug == from, ct);
            if (ownRedirect is not null)
            {
                db.DocumentRedirects.Remove(ownRedirect);
            }
            else if (await creator.AddressTakenAsync(db, to, ct) is { } taken)
            {
                return EditResult.Invalid([new FieldError("adresse", 0, taken)]);
            }

            var now = clock.GetUtcNow();
            foreach (var older in await db.DocumentRedirects.Where(r => r.ToSlug == from).ToListAsync(ct))
            {
                older.ToSlug = to; // flatten chains: every old address points straight at the newest
            }
            db.DocumentRedirects.Add(new DocumentRedirect { FromSlug = from, ToSlug = to, CreatedAt = now, CreatedBy = user.Name });
            db.PendingFileWrites.RemoveRange(await db.PendingFileWrites.Where(p => p.DocumentId == document.Id).ToListAsync(ct));

            document.Slug = to;
            document.UpdatedAt = now;
            document.ConcurrencyStamp = Guid.NewGuid();
            if (document.PublishedVersionNumber is { } published)
            {
                var text = await db.DocumentVersions.Where(v => v.DocumentId == document.Id && v.Number == published).Select(v => v.Content).FirstAsync(ct);
                ContentOutbox.EnqueueDelete(db, document, from, document.DiskHash, now);
                document.DiskHash = null; // nothing is expected at the new address yet
                await ContentOutbox.EnqueueWriteAsync(db, document, text, now, ct);
            }
            await new AuditLog(db, clock).WriteAsync(user.AuditName, AuditActions.Move, to, $"Flyttet fra {from}", ct);
            await redirects.LoadAsync(ct);
            var file = document.PublishedVersionNumber is null ? FileStatus.NotWritten : await editor.FlushAsync(document.Id, ct);
            return new EditResult(EditStatus.Saved, $"Dokumentet er flyttet til {to}. Gamle links til {from} sendes videre.")
            {
                Slug = to,
                Stamp = document.ConcurrencyStamp,
                File = file,
            };
        }, rebuild: true, cancellationToken);
        if (result.Succeeded && linkedFrom.Count > 0)
        {
            return result with { Message = result.Message + $" {linkedFrom.Count} dokumenter linker til den gamle adresse; linkene virker, men bør rettes: {string.Join(", ", linkedFrom)}." };
        }
        return result;
    }
}
