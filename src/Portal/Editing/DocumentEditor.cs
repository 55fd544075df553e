using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Content;
using Portal.Data;

namespace Portal.Editing;

public sealed record SaveRequest(string Slug, string Text, Guid ExpectedStamp, string? Comment, bool Publish, int? ResolvesConflictId = null);

public sealed record RestoreRequest(string Slug, int VersionNumber, Guid ExpectedStamp, string? Comment);

/// <summary>
/// Saves drafts, publishes and restores. Every save is a new immutable version with author, time and
/// comment; a save against a stale stamp is refused (no lost update); invalid text saves nothing.
/// </summary>
public sealed class DocumentEditor(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentSynchronizer synchronizer,
    DocumentValidator validator,
    ContentOutbox outbox,
    TimeProvider clock,
    ILogger<DocumentEditor> logger)
{
    public const int MaxCommentLength = 1000;

    public const string MissingPublishComment = "Skriv en ændringskommentar, før du udgiver: hvad er ændret, og hvorfor. Den vises i historikken og under Nyt og ændret.";

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

    public Task<EditResult> SaveAsync(SaveRequest request, EditorUser user, CancellationToken cancellationToken = default) =>
        CommitAsync(Normalize(request.Slug), request.Text, request.ExpectedStamp, request.Comment,
            request.Publish ? VersionState.Published : VersionState.Draft, VersionSource.Editor, request.ResolvesConflictId, user, cancellationToken);

    /// <summary>Restores an old version as a new published version; history is never rewritten.</summary>
    public async Task<EditResult> RestoreAsync(RestoreRequest request, EditorUser user, CancellationToken cancellationToken = default)
    {
        var slug = Normalize(request.Slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var old = await db.DocumentVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Document!.Slug == slug && v.Number == request.VersionNumber, cancellationToken);
        if (old is null)
        {
            return EditResult.NotFound(slug) with { Message = $"Version {request.VersionNumber} af '{slug}' findes ikke." };
        }
        var comment = $"Gendannet fra version {old.Number}" + (string.IsNullOrWhiteSpace(request.Comment) ? "" : ": " + request.Comment.Trim());
        return await CommitAsync(slug, old.Content, request.ExpectedStamp, comment, VersionState.Published, VersionSource.Restore, null, user, cancellationToken);
    }

    /// <param name="onCommit">Extra rows saved in the same transaction as the version (a review record).</param>
    internal async Task<EditResult> CommitAsync(string slug, string text, Guid expectedStamp, string? comment, VersionState state,
        VersionSource source, int? conflictId, EditorUser user, CancellationToken cancellationToken,
        Action<PortalDbContext, StoredDocument, DocumentVersion>? onCommit = null)
    {
        text = TextNormalizer.NormalizeNewlines(text ?? "");
        if (validator.SizeProblem(text) is { } tooLarge)
        {
            return EditResult.Refused(tooLarge);
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            return EditResult.Invalid([new FieldError("kommentar", 0, $"Kommentaren må højst være {MaxCommentLength} tegn.")]);
        }
        var validation = validator.Validate(slug, text);
        if (!validation.IsValid)
        {
            return EditResult.Invalid(validation.Errors);
        }
        var publish = state == VersionState.Published;
        var result = await synchronizer.ChangeAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Slug == slug, ct);
            if (document is null)
            {
                return EditResult.NotFound(slug);
            }
            if (document.ConcurrencyStamp != expectedStamp)
            {
                return await StaleAsync(db, document, ct);
            }
            if (source == VersionSource.Review && document.LatestVersionNumber != document.PublishedVersionNumber)
            {
                return EditResult.Refused("Dokumentet har en kladde, der ikke er udgivet. Udgiv eller gendan i editoren først, så gennemgangen ikke skjuler kladden.");
            }
            var latest = await db.DocumentVersions.AsNoTracking().FirstAsync(v => v.DocumentId == document.Id && v.Number == document.LatestVersionNumber, ct);
            var alreadyPublished = document.PublishedVersionNumber == latest.Number;
            // A review is recorded even when it leaves the text unchanged (the next review date was already the one it sets).
            if (latest.Content == text && (!publish || alreadyPublished) && conflictId is null && source != VersionSource.Review)
            {
                return EditResult.Refused(publish ? "Der er ingen ændringer at udgive." : "Der er ingen ændringer at gemme.");
            }
            if (publish && comment is null && !alreadyPublished)
            {
                // Publishing drafts without a new comment: "Nyt og ændret" lists only published versions, so it takes the drafts' reasons.
                comment = await DraftCommentsAsync(db, document, ct);
            }
            if (publish && comment is null && source == VersionSource.Editor)
            {
                return EditResult.Invalid([new FieldError("kommentar", 0, MissingPublishComment)]);
            }
            var now = clock.GetUtcNow();
            if (conflictId is { } id)
            {
                var conflict = await db.ContentConflicts.FirstOrDefaultAsync(c => c.Id == id && c.DocumentId == document.Id && c.ResolvedAt == null, ct);
                if (conflict is null || !publish)
                {
                    return EditResult.Refused("Konflikten er allerede løst, eller den hører ikke til dette dokument.");
                }
                (conflict.ResolvedAt, conflict.ResolvedBy, conflict.Resolution) = (now, user.Name, "Flettet i editoren");
                document.DiskHash = conflict.DiskHash; // the disk text has been seen and merged: it may now be replaced
            }
            var version = AddVersion(db, document, text, comment, state, source, user, now);
            onCommit?.Invoke(db, document, version);
            if (publish)
            {
                document.PublishedVersionNumber = version.Number;
                document.RemovedFromDisk = false;
                await ContentOutbox.EnqueueWriteAsync(db, document, text, now, ct);
            }
            try
            {
                await new AuditLog(db, clock).WriteAsync(user.AuditName, AuditAction(source, publish), slug, $"Version {version.Number}" + (comment is null ? "" : ": " + comment), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return await StaleAsync(db, await db.Documents.FirstAsync(d => d.Slug == slug, ct), ct);
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
        return result;
    }

    internal static DocumentVersion AddVersion(PortalDbContext db, StoredDocument document, string text, string? comment, VersionState state,
        VersionSource source, EditorUser user, DateTimeOffset now)
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

    /// <summary>Writes pending files now; a disk failure leaves them queued and the change stays saved.</summary>
    internal async Task<FileStatus> FlushAsync(int documentId, CancellationToken cancellationToken)
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

    private static async Task<string?> DraftCommentsAsync(PortalDbContext db, StoredDocument document, CancellationToken cancellationToken)
    {
        var published = document.PublishedVersionNumber ?? 0;
        var comments = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && v.Number > published && v.State == VersionState.Draft && v.Comment != null)
            .OrderBy(v => v.Number).Select(v => v.Comment!).ToListAsync(cancellationToken);
        var joined = string.Join("; ", comments.Distinct());
        return joined.Length == 0 ? null : joined[..Math.Min(joined.Length, MaxCommentLength)];
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

    private static string AuditAction(VersionSource source, bool publish) => source switch
    {
        VersionSource.Restore => AuditActions.Restore,
        VersionSource.Review => AuditActions.Review,
        _ => publish ? AuditActions.Publish : AuditActions.SaveDraft,
    };

    private static string SavedMessage(int number, bool publish, FileStatus file) => (publish, file) switch
    {
        (false, _) => $"Kladden er gemt som version {number}. Sagsbehandlerne ser den først, når den er udgivet.",
        (true, FileStatus.Pending) => $"Version {number} er udgivet, men filen i content/ kunne ikke skrives endnu. Den skrives automatisk ved næste synkronisering.",
        (true, FileStatus.Conflict) => $"Version {number} er udgivet i portalen, men filen i content/ er ændret af en anden og er ikke overskrevet. Løs konflikten under Konflikter.",
        _ => $"Version {number} er udgivet og skrevet til content/.",
    };

    internal static string Normalize(string? slug) => (slug ?? "").Trim().Trim('/').ToLowerInvariant();
}

/// <summary>Audit action names for content changes.</summary>
public static class AuditActions
{
    public const string Create = "opret";
    public const string SaveDraft = "gem-kladde";
    public const string Publish = "udgiv";
    public const string Restore = "gendan";
    public const string Move = "flyt";
    public const string Review = "gennemgået";
    public const string ResolveConflict = "løs-konflikt";
    public const string ChangeOwner = "skift-tovholder";
    public const string RosterChange = "tovholderliste";
}
