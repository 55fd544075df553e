using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Content;

public sealed record ImportResult(int Created, int Updated, int Removed, IReadOnlyList<ContentIssue> Issues, int Conflicts = 0);

/// <summary>
/// Imports content/ into the database as documents with versions: a changed file becomes a new
/// version with its hash, an unchanged file adds nothing, so re-import is idempotent. A file changed on
/// disk while the portal also has unsynced changes (a draft, a pending write) becomes a conflict instead.
/// </summary>
public sealed class ContentImporter(IDbContextFactory<PortalDbContext> dbFactory, ContentFileReader reader, TimeProvider clock)
{
    public const string ImportAuthor = "Import fra content/";

    public async Task<ImportResult> ImportAsync(string root, CancellationToken cancellationToken = default)
    {
        var issues = new List<ContentIssue>();
        var found = new Dictionary<string, List<ContentFile>>(StringComparer.Ordinal);
        foreach (var (full, relative) in reader.Enumerate(root))
        {
            if (!ContentFileReader.IsDocument(relative))
            {
                if (!ContentFileReader.IsIgnoredAttachment(relative))
                {
                    issues.Add(new ContentIssue(relative, 0, IssueSeverity.Warning, "Filen ignoreres: kun Markdown-filer (.md) importeres som dokumenter."));
                }
                continue;
            }
            var file = reader.Read(full, relative);
            (found.TryGetValue(file.Slug, out var group) ? group : found[file.Slug] = []).Add(file);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Documents.ToDictionaryAsync(d => d.Slug, cancellationToken);
        var files = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
        foreach (var (slug, group) in found)
        {
            var (file, rejections) = DocumentIdentity.Choose(group, existing.GetValueOrDefault(slug)?.DiskHash);
            issues.AddRange(rejections);
            files[slug] = file;
            if (file.Problem is not null)
            {
                issues.Add(file.Problem);
            }
        }
        var publishedHashes = await db.DocumentVersions
            .Where(v => v.Document!.PublishedVersionNumber == v.Number)
            .ToDictionaryAsync(v => v.DocumentId, v => v.ContentHash, cancellationToken);
        var pendingWrites = (await db.PendingFileWrites.Select(p => p.DocumentId).ToListAsync(cancellationToken)).ToHashSet();
        var openConflicts = await db.ContentConflicts.Where(c => c.ResolvedAt == null).ToDictionaryAsync(c => c.DocumentId, cancellationToken);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0, removed = 0, conflicts = 0;

        foreach (var file in files.Values.Where(f => f.Text is not null))
        {
            if (!existing.TryGetValue(file.Slug, out var document))
            {
                document = new StoredDocument { Slug = file.Slug, CreatedAt = now, UpdatedAt = now };
                db.Documents.Add(document);
                AddPublishedVersion(db, document, file, now);
                created++;
                continue;
            }
            if (document.RemovedFromDisk)
            {
                document.RemovedFromDisk = false;
            }
            if (document.DiskHash == file.DiskHash)
            {
                continue;
            }
            var textHash = ContentHash.Of(file.Text!);
            if (publishedHashes.GetValueOrDefault(document.Id) == textHash)
            {
                document.DiskHash = file.DiskHash; // same text, other bytes (BOM, CRLF): nothing new to store
                continue;
            }
            if (HasUnsyncedPortalChanges(document, pendingWrites) || openConflicts.ContainsKey(document.Id))
            {
                RecordConflict(db, openConflicts, document, file, now);
                conflicts++;
                continue;
            }
            AddPublishedVersion(db, document, file, now);
            updated++;
        }

        // A document never written to disk (a new draft) or waiting for its write is not "removed".
        foreach (var document in existing.Values.Where(d => !d.RemovedFromDisk && !files.ContainsKey(d.Slug)
            && d.PublishedVersionNumber is not null && !pendingWrites.Contains(d.Id)))
        {
            document.RemovedFromDisk = true;
            document.UpdatedAt = now;
            removed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(created, updated, removed, issues, conflicts);
    }

    /// <summary>Drafts newer than the published version, or a published change not yet on disk.</summary>
    internal static bool HasUnsyncedPortalChanges(StoredDocument document, IReadOnlySet<int> pendingWrites) =>
        document.PublishedVersionNumber is null
        || document.LatestVersionNumber > document.PublishedVersionNumber
        || pendingWrites.Contains(document.Id);

    private static void RecordConflict(PortalDbContext db, Dictionary<int, ContentConflict> open, StoredDocument document, ContentFile file, DateTimeOffset now)
    {
        if (open.TryGetValue(document.Id, out var conflict))
        {
            if (conflict.DiskHash != file.DiskHash)
            {
                conflict.DiskText = file.Text!;
                conflict.DiskHash = file.DiskHash;
                conflict.DetectedAt = now;
            }
            return;
        }
        conflict = new ContentConflict { DocumentId = document.Id, Slug = document.Slug, DiskText = file.Text!, DiskHash = file.DiskHash, DetectedAt = now };
        db.ContentConflicts.Add(conflict);
        open[document.Id] = conflict;
    }

    private static void AddPublishedVersion(PortalDbContext db, StoredDocument document, ContentFile file, DateTimeOffset now)
    {
        var version = new DocumentVersion
        {
            Document = document,
            Number = ++document.LatestVersionNumber,
            Content = file.Text!,
            ContentHash = ContentHash.Of(file.Text!),
            CreatedAt = now,
            Author = ImportAuthor,
            Comment = "Importeret fra " + file.FilePath,
            Source = VersionSource.Import,
            State = VersionState.Published,
        };
        db.DocumentVersions.Add(version);
        document.PublishedVersionNumber = version.Number;
        document.DiskHash = file.DiskHash;
        document.UpdatedAt = now;
        document.ConcurrencyStamp = Guid.NewGuid();
    }
}
