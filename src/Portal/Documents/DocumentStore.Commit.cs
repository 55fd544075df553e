using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Content;
using Portal.Data;

namespace Portal.Documents;

public sealed partial class DocumentStore
{
    /// <summary>Commits a change as a new version; <paramref name="alsoSave"/> adds rows saved in the same transaction (a review record).</summary>
    public async Task<EditResult> CommitAsync(DocumentChange change, UserProfile user, CancellationToken cancellationToken = default,
        Action<PortalDbContext, StoredDocument, DocumentVersion>? alsoSave = null)
    {
        var slug = Normalize(change.Slug);
        var text = TextNormalizer.NormalizeNewlines(change.Text ?? "");
        if (validator.SizeProblem(text) is { } tooLarge)
        {
            return EditResult.Refused(tooLarge);
        }
        var comment = string.IsNullOrWhiteSpace(change.Comment) ? null : change.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            return EditResult.Invalid([new FieldError("kommentar", 0, $"Kommentaren må højst være {MaxCommentLength} tegn.")]);
        }
        var validation = validator.Validate(slug, text);
        if (!validation.IsValid)
        {
            return EditResult.Invalid(validation.Errors);
        }
        var publish = change.State == VersionState.Published;
        var review = change.Source == VersionSource.Review;
        if (publish && gates.Select(g => g.RefusePublish(validation.Document!, change)).FirstOrDefault(r => r is not null) is { } held)
        {
            return EditResult.Refused(held);
        }
        return await synchronizer.ChangeAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Slug == slug, ct);
            if (document is null)
            {
                return EditResult.NotFound(slug);
            }
            if (document.ConcurrencyStamp != change.ExpectedStamp)
            {
                return await StaleAsync(db, document, ct);
            }
            if (review && document.LatestVersionNumber != document.PublishedVersionNumber)
            {
                return EditResult.Refused("Dokumentet har en kladde, der ikke er udgivet. Udgiv eller gendan i editoren først, så gennemgangen ikke skjuler kladden.");
            }
            var latest = await db.DocumentVersions.AsNoTracking().FirstAsync(v => v.DocumentId == document.Id && v.Number == document.LatestVersionNumber, ct);
            var alreadyPublished = document.PublishedVersionNumber == latest.Number;
            // A review is recorded even when it leaves the text unchanged (the next review date was already the one it sets).
            if (latest.Content == text && (!publish || alreadyPublished) && change.ResolvesConflictId is null && !review)
            {
                return EditResult.Refused(publish ? "Der er ingen ændringer at udgive." : "Der er ingen ændringer at gemme.");
            }
            if (publish && comment is null && !alreadyPublished)
            {
                // Publishing drafts without a new comment: "Nyt og ændret" lists only published versions, so it takes the drafts' reasons.
                comment = await DraftCommentsAsync(db, document, ct);
            }
            if (publish && comment is null && change.Source == VersionSource.Editor)
            {
                return EditResult.Invalid([new FieldError("kommentar", 0, MissingPublishComment)]);
            }
            var now = clock.GetUtcNow();
            if (change.ResolvesConflictId is { } id)
            {
                var conflict = await db.ContentConflicts.FirstOrDefaultAsync(c => c.Id == id && c.DocumentId == document.Id && c.ResolvedAt == null, ct);
                if (conflict is null || !publish)
                {
                    return EditResult.Refused("Konflikten er allerede løst, eller den hører ikke til dette dokument.");
                }
                (conflict.ResolvedAt, conflict.ResolvedBy, conflict.Resolution) = (now, user.Name, "Flettet i editoren");
                document.DiskHash = conflict.DiskHash; // the disk text has been seen and merged: it may now be replaced
            }
            var version = AddVersion(db, document, text, comment, change.State, change.Source, user, now);
            alsoSave?.Invoke(db, document, version);
            if (publish)
            {
                document.PublishedVersionNumber = version.Number;
                document.RemovedFromDisk = false;
                await ContentOutbox.EnqueueWriteAsync(db, document, text, now, ct);
            }
            audit.Add(db, user, change.AuditAction, slug, $"Version {version.Number}" + (comment is null ? "" : ": " + comment));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return await StaleAsync(db, await db.Documents.FirstAsync(d => d.Slug == slug, ct), ct);
            }
            catch (DbUpdateException)
            {
                // Another node may have saved the same version number first: the unique version index caught it before the stamp did.
                if (!await StampChangedAsync(db, slug, change.ExpectedStamp, ct))
                {
                    throw;
                }
                return await StaleAsync(db, await db.Documents.AsNoTracking().FirstAsync(d => d.Slug == slug, ct), ct);
            }
            var file = publish ? await FlushAsync(document.Id, ct) : FileStatus.NotWritten;
            return new EditResult(EditStatus.Saved, SavedMessage(version.Number, publish, file))
            {
                Slug = slug,
                VersionNumber = version.Number,
                Stamp = document.ConcurrencyStamp,
                File = file,
                Warnings = validation.Warnings,
            };
        }, rebuild: publish, cancellationToken);
    }

    private static async Task<bool> StampChangedAsync(PortalDbContext db, string slug, Guid expected, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Documents.AsNoTracking().Where(d => d.Slug == slug).Select(d => d.ConcurrencyStamp).FirstOrDefaultAsync(cancellationToken) != expected;
    }

    private static async Task<string?> DraftCommentsAsync(PortalDbContext db, StoredDocument document, CancellationToken cancellationToken)
    {
        var published = document.PublishedVersionNumber ?? 0;
        var comments = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && v.Number > published && v.State == VersionState.Draft && v.Comment != null)
            .OrderBy(v => v.Number).Select(v => v.Comment!).ToListAsync(cancellationToken);
        var joined = string.Join("; ", comments.Distinct());
        return joined.Length == 0 ? null : joined[..Math.Min(joined.Length, MaxCommentLength)];
    }

    private static string SavedMessage(int number, bool publish, FileStatus file) => (publish, file) switch
    {
        (false, _) => $"Kladden er gemt som version {number}. Sagsbehandlerne ser den først, når den er udgivet.",
        (true, FileStatus.Pending) => $"Version {number} er udgivet, men filen i content/ kunne ikke skrives endnu. Den skrives automatisk ved næste synkronisering.",
        (true, FileStatus.Conflict) => $"Version {number} er udgivet i portalen, men filen i content/ er ændret af en anden og er ikke overskrevet. Løs konflikten under Konflikter.",
        _ => $"Version {number} er udgivet og skrevet til content/.",
    };
}
