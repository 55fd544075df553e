using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Data;

namespace Portal.Documents;

public sealed record ImportCounts(int Created, int Updated, int Removed, int Conflicts);

/// <summary>
/// Stores what content/ holds: a changed file becomes a new published version with its hash, an unchanged file adds
/// nothing (re-import is idempotent), and a file changed on disk while the portal also has unsynced changes (a draft,
/// a pending write) becomes a conflict instead.
/// </summary>
public sealed class DocumentImport(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string ImportAuthor = "Import fra content/";

    /// <param name="files">The readable documents on disk by slug (files with a read problem have no text and are left alone).</param>
    public async Task<ImportCounts> ImportAsync(IReadOnlyDictionary<string, ContentFile> files, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Documents.ToDictionaryAsync(d => d.Slug, cancellationToken);
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
                openConflicts[document.Id] = ConflictRecorder.Record(db, openConflicts.GetValueOrDefault(document.Id), document, file.Text!, file.DiskHash, now);
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
        return new ImportCounts(created, updated, removed, conflicts);
    }

    /// <summary>Drafts newer than the published version, or a published change not yet on disk.</summary>
    internal static bool HasUnsyncedPortalChanges(StoredDocument document, IReadOnlySet<int> pendingWrites) =>
        document.PublishedVersionNumber is null
        || document.LatestVersionNumber > document.PublishedVersionNumber
        || pendingWrites.Contains(document.Id);

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
