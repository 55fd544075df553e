using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Data;

namespace Portal.Documents;

public sealed record FlushResult(int Written, int Conflicts, int Failed);

/// <summary>A file the database has committed to but the disk refused, for Indholdsfejl.</summary>
public sealed record FailedFileWrite(string Slug, bool IsDelete, int Attempts, string Reason, DateTimeOffset LastAttempt);

/// <summary>
/// Completes the file writes the database has committed to (the outbox). Runs right after each publish
/// and before every import, so a crash between database and disk is finished on the next start.
/// A file changed on disk since the last sync is never overwritten: it becomes a conflict.
/// </summary>
public sealed class ContentOutbox(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentRoot root,
    IContentFileWriter writer,
    TimeProvider clock,
    ILogger<ContentOutbox> logger,
    ContentLease? lease = null) : IBeforeImportStep
{
    public Task RunAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    /// <summary>Queues the document's published text for its file; only the newest text per file matters.</summary>
    public static async Task EnqueueWriteAsync(PortalDbContext db, StoredDocument document, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var older = await db.PendingFileWrites.Where(p => p.Slug == document.Slug && p.Content != null).ToListAsync(cancellationToken);
        db.PendingFileWrites.RemoveRange(older);
        db.PendingFileWrites.Add(new PendingFileWrite { DocumentId = document.Id, Slug = document.Slug, Content = text, CreatedAt = now, Document = document });
    }

    public static void EnqueueDelete(PortalDbContext db, StoredDocument document, string slug, string? expectedDiskHash, DateTimeOffset now) =>
        db.PendingFileWrites.Add(new PendingFileWrite { DocumentId = document.Id, Slug = slug, Content = null, ExpectedDiskHash = expectedDiskHash, CreatedAt = now, Document = document });

    public async Task<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (lease is { IsHeld: false })
        {
            return new FlushResult(0, 0, 0); // queued: the node with the content lease writes it when it sees the change
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Writes before deletes: after a move the old file goes only once the new one is on disk.
        var rows = await db.PendingFileWrites.OrderBy(p => p.Content == null).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var unwritten = new HashSet<int>();
        int written = 0, conflicts = 0, failed = 0;
        foreach (var row in rows)
        {
            if (row.Content is null && unwritten.Contains(row.DocumentId))
            {
                continue; // the document's new file is not written yet: keep the old one
            }
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == row.DocumentId, cancellationToken);
            var path = ContentPaths.Resolve(root.Path, row.Slug);
            try
            {
                var outcome = row.Content is null ? Delete(row, path) : await WriteAsync(db, document, row, path, cancellationToken);
                written += outcome == FileStatus.Written ? 1 : 0;
                conflicts += outcome == FileStatus.Conflict ? 1 : 0;
                db.PendingFileWrites.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left in the outbox: the next publish or import tries again. The failure is kept on the row, so
                // Indholdsfejl shows it with its reason, and logged once, not on every retry.
                failed++;
                unwritten.Add(row.DocumentId);
                db.ChangeTracker.Clear();
                await RecordFailureAsync(db, row.Id, path, ex, cancellationToken);
            }
        }
        return new FlushResult(written, conflicts, failed);
    }

    /// <summary>The file writes that have failed at least once and are still waiting, oldest first.</summary>
    public async Task<IReadOnlyList<FailedFileWrite>> FailedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PendingFileWrites.AsNoTracking().Where(p => p.Attempts > 0).ToListAsync(cancellationToken);
        return rows.OrderBy(p => p.Id)
            .Select(p => new FailedFileWrite(p.Slug, p.Content is null, p.Attempts, p.LastError ?? "", p.LastAttemptAt ?? p.CreatedAt))
            .ToList();
    }

    private async Task RecordFailureAsync(PortalDbContext db, long rowId, string path, Exception ex, CancellationToken cancellationToken)
    {
        var row = await db.PendingFileWrites.FirstOrDefaultAsync(p => p.Id == rowId, cancellationToken);
        if (row is null)
        {
            return;
        }
        row.Attempts++;
        row.LastAttemptAt = clock.GetUtcNow();
        row.LastError = FileProblem.Describe(ex, row.Content is null ? FileProblem.Operation.Delete : FileProblem.Operation.Write);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (row.Attempts == 1)
        {
            logger.LogError(ex, "Filen {Path} kunne ikke skrives; forsøges igen ved næste synkronisering", path);
        }
        else
        {
            logger.LogDebug("Filen {Path} kunne stadig ikke skrives (forsøg {Attempts})", path, row.Attempts);
        }
    }

    private async Task<FileStatus> WriteAsync(PortalDbContext db, StoredDocument? document, PendingFileWrite row, string path, CancellationToken cancellationToken)
    {
        if (document is null || document.Slug != row.Slug)
        {
            return FileStatus.NotWritten; // moved since: the move queued the file at its new address
        }
        var newHash = ContentHash.Of(row.Content!);
        var diskBytes = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
        var diskHash = diskBytes is null ? null : ContentHash.Of(diskBytes);
        if (diskHash == newHash)
        {
            document.DiskHash = newHash; // written before a crash, or the same text arrived on disk
            return FileStatus.Written;
        }
        if (diskHash is not null && diskHash != document.DiskHash)
        {
            await RecordConflictAsync(db, document, Decode(diskBytes!), diskHash, cancellationToken);
            return FileStatus.Conflict;
        }
        writer.Write(path, row.Content!);
        document.DiskHash = newHash;
        return FileStatus.Written;
    }

    private FileStatus Delete(PendingFileWrite row, string path)
    {
        if (!File.Exists(path))
        {
            return FileStatus.Written;
        }
        if (ContentHash.Of(File.ReadAllBytes(path)) != row.ExpectedDiskHash)
        {
            // Changed on disk after the move: keep it; the import brings it back as its own document.
            logger.LogWarning("Den gamle fil {Path} er ændret på disken efter flytningen og slettes derfor ikke", path);
            return FileStatus.Conflict;
        }
        writer.Delete(path);
        return FileStatus.Written;
    }

    private async Task RecordConflictAsync(PortalDbContext db, StoredDocument document, string diskText, string diskHash, CancellationToken cancellationToken)
    {
        var open = await db.ContentConflicts.FirstOrDefaultAsync(c => c.DocumentId == document.Id && c.ResolvedAt == null, cancellationToken);
        ConflictRecorder.Record(db, open, document, diskText, diskHash, clock.GetUtcNow());
        logger.LogWarning("{Slug} er ændret både på disken og i portalen; filen er ikke overskrevet", document.Slug);
    }

    private static string Decode(byte[] bytes) => TextNormalizer.NormalizeNewlines(Encoding.UTF8.GetString(bytes));
}
