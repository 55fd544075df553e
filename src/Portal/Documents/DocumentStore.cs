using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;

namespace Portal.Documents;

/// <summary>A change to a document's text as one intent: the text, the stamp it was made against, why, and how it is logged.</summary>
public sealed record DocumentChange(string Slug, string Text, Guid ExpectedStamp, string? Comment, VersionState State, VersionSource Source, string AuditAction)
{
    /// <summary>The open conflict this change merges (the disk text has been seen).</summary>
    public int? ResolvesConflictId { get; init; }
}

/// <summary>
/// The one writer of documents and versions for people's changes: every save is a new immutable version with
/// author, time and comment; a save against a stale stamp is refused (no lost update); invalid text saves nothing;
/// a published text is queued for its file and written at once.
/// </summary>
public sealed partial class DocumentStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentSynchronizer synchronizer,
    DocumentValidator validator,
    ContentOutbox outbox,
    RedirectTable redirects,
    ContentRoot root,
    AuditLog audit,
    TimeProvider clock,
    ILogger<DocumentStore> logger,
    IEnumerable<IPublishGate> gates)
{
    public const int MaxCommentLength = 1000;

    /// <summary>Publishing from the editor (page or API) needs a reason: Historik and "Nyt og ændret" show it.</summary>
    public const string MissingPublishComment = "Skriv en ændringskommentar, før du udgiver: hvad er ændret, og hvorfor. Den vises i historikken og under Nyt og ændret.";

    public static string Normalize(string? slug) => (slug ?? "").Trim().Trim('/').ToLowerInvariant();

    public async Task<EditorDocument?> LoadAsync(string slug, CancellationToken cancellationToken = default)
    {
        slug = Normalize(slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var versions = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && (v.Number == document.LatestVersionNumber || v.Number == document.PublishedVersionNumber))
            .ToListAsync(cancellationToken);
        var latest = VersionView.Of(versions.First(v => v.Number == document.LatestVersionNumber));
        var published = versions.FirstOrDefault(v => v.Number == document.PublishedVersionNumber) is { } p ? VersionView.Of(p) : null;
        var conflict = await db.ContentConflicts.AsNoTracking().FirstOrDefaultAsync(c => c.DocumentId == document.Id && c.ResolvedAt == null, cancellationToken);
        return new EditorDocument(document.Slug, document.ConcurrencyStamp, latest, published,
            conflict is null ? null : new ConflictView(conflict.Id, conflict.Slug, conflict.DiskText, conflict.DetectedAt, published));
    }

    /// <summary>Restores an old version as a new published version; history is never rewritten.</summary>
    public async Task<EditResult> RestoreAsync(string slug, int versionNumber, Guid expectedStamp, string? comment, UserProfile user, CancellationToken cancellationToken = default)
    {
        slug = Normalize(slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var old = await db.DocumentVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Document!.Slug == slug && v.Number == versionNumber, cancellationToken);
        if (old is null)
        {
            return EditResult.NotFound(slug) with { Message = $"Version {versionNumber} af '{slug}' findes ikke." };
        }
        var note = $"Gendannet fra version {old.Number}" + (string.IsNullOrWhiteSpace(comment) ? "" : ": " + comment.Trim());
        return await CommitAsync(new DocumentChange(slug, old.Content, expectedStamp, note, VersionState.Published, VersionSource.Restore, AuditActions.Restore), user, cancellationToken);
    }

    /// <summary>
    /// "Markér som gennemgået": a published version recorded even when the text is unchanged, refused while a draft
    /// is newer than the published version; <paramref name="record"/> adds the review record in the same transaction.
    /// </summary>
    public Task<EditResult> MarkReviewedAsync(string slug, string text, Guid expectedStamp, string comment, UserProfile user,
        Action<PortalDbContext, StoredDocument, DocumentVersion> record, CancellationToken cancellationToken = default) =>
        CommitAsync(new DocumentChange(slug, text, expectedStamp, comment, VersionState.Published, VersionSource.Review, AuditActions.Review), user, cancellationToken, record);

    /// <summary>Publishes the file's text of an open conflict through the same validation as any save.</summary>
    public async Task<EditResult> ResolveKeepingDiskAsync(int conflictId, UserProfile user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conflict = await db.ContentConflicts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conflictId && c.ResolvedAt == null, cancellationToken);
        if (conflict is null)
        {
            return EditResult.Refused("Konflikten findes ikke eller er allerede løst.");
        }
        var stamp = await db.Documents.Where(d => d.Id == conflict.DocumentId).Select(d => d.ConcurrencyStamp).FirstAsync(cancellationToken);
        return await CommitAsync(new DocumentChange(conflict.Slug, conflict.DiskText, stamp, "Konflikt løst: filens version fra content/ er brugt",
            VersionState.Published, VersionSource.Import, AuditActions.Publish)
        { ResolvesConflictId = conflictId }, user, cancellationToken);
    }

    /// <summary>Writes the portal's published version over the file; the file's text stays in the conflict record.</summary>
    public async Task<EditResult> ResolveKeepingPortalAsync(int conflictId, UserProfile user, CancellationToken cancellationToken = default)
    {
        await using (var lookup = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await lookup.ContentConflicts.AnyAsync(c => c.Id == conflictId && c.ResolvedAt == null, cancellationToken))
            {
                return EditResult.Refused("Konflikten findes ikke eller er allerede løst.");
            }
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
            audit.Add(db, user, AuditActions.ResolveConflict, document.Slug, "Portalens version beholdt");
            await db.SaveChangesAsync(ct);
            var file = await FlushAsync(document.Id, ct);
            return new EditResult(EditStatus.Saved, "Konflikten er løst: portalens version er skrevet til content/. Filens tekst er gemt i konfliktens historik.")
            {
                Slug = document.Slug,
                Stamp = document.ConcurrencyStamp,
                File = file,
            };
        }, rebuild: false, cancellationToken);
    }

    /// <summary>Writes pending files now; a disk failure leaves them queued and the change stays saved.</summary>
    private async Task<FileStatus> FlushAsync(int documentId, CancellationToken cancellationToken)
    {
        var flush = await outbox.FlushAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PendingFileWrites.AnyAsync(p => p.DocumentId == documentId, cancellationToken))
        {
            return FileStatus.Pending;
        }
        if (flush.Conflicts > 0 && await db.ContentConflicts.AnyAsync(c => c.DocumentId == documentId && c.ResolvedAt == null, cancellationToken))
        {
            return FileStatus.Conflict;
        }
        return FileStatus.Written;
    }

    private static DocumentVersion AddVersion(PortalDbContext db, StoredDocument document, string text, string? comment, VersionState state,
        VersionSource source, UserProfile user, DateTimeOffset now)
    {
        var version = new DocumentVersion
        {
            Document = document,
            Number = document.LatestVersionNumber + 1,
            Content = text,
            ContentHash = ContentHash.Of(text),
            CreatedAt = now,
            Author = user.Name,
            Comment = comment,
            Source = source,
            State = state,
        };
        db.DocumentVersions.Add(version);
        document.LatestVersionNumber = version.Number;
        document.UpdatedAt = now;
        document.ConcurrencyStamp = Guid.NewGuid();
        return version;
    }

    private async Task<EditResult> StaleAsync(PortalDbContext db, StoredDocument document, CancellationToken cancellationToken)
    {
        var theirs = await db.DocumentVersions.AsNoTracking().FirstAsync(v => v.DocumentId == document.Id && v.Number == document.LatestVersionNumber, cancellationToken);
        logger.LogInformation("Gem af {Slug} afvist: dokumentet er ændret af {Author} imens", document.Slug, theirs.Author);
        return new EditResult(EditStatus.Conflict,
            $"Din ændring er ikke gemt: {theirs.Author} har gemt version {theirs.Number} {DanishFormat.DateTime(theirs.CreatedAt)}, mens du redigerede. " +
            "Sammenlign din tekst med den gemte version, flet dem, og gem igen.")
        {
            Slug = document.Slug,
            Theirs = VersionView.Of(theirs),
            Stamp = document.ConcurrencyStamp,
        };
    }
}
