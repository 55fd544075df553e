using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Content;

public sealed record ImportResult(int Created, int Updated, int Removed, IReadOnlyList<ContentIssue> Issues);

/// <summary>
/// Imports content/ into the database as documents with versions: a changed file becomes a new
/// version with its hash, an unchanged file adds nothing, so re-import is idempotent.
/// </summary>
public sealed class ContentImporter(IDbContextFactory<PortalDbContext> dbFactory, ContentFileReader reader, TimeProvider clock)
{
    public const string ImportAuthor = "Import fra content/";

    public async Task<ImportResult> ImportAsync(string root, CancellationToken cancellationToken = default)
    {
        var issues = new List<ContentIssue>();
        var files = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
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
            if (files.TryGetValue(file.Slug, out var first))
            {
                issues.Add(new ContentIssue(relative, 0, IssueSeverity.Error,
                    $"Filen har samme identitet ('{file.Slug}') som '{first.FilePath}'. Identiteten er stien uden store/små bogstaver; omdøb en af filerne."));
                continue;
            }
            files[file.Slug] = file;
            if (file.Problem is not null)
            {
                issues.Add(file.Problem);
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Documents.ToDictionaryAsync(d => d.Slug, cancellationToken);
        var publishedHashes = await db.DocumentVersions
            .Where(v => v.Document!.PublishedVersionNumber == v.Number)
            .ToDictionaryAsync(v => v.DocumentId, v => v.ContentHash, cancellationToken);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0, removed = 0;

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
            AddPublishedVersion(db, document, file, now);
            updated++;
        }

        foreach (var document in existing.Values.Where(d => !d.RemovedFromDisk && !files.ContainsKey(d.Slug)))
        {
            document.RemovedFromDisk = true;
            document.UpdatedAt = now;
            removed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(created, updated, removed, issues);
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
