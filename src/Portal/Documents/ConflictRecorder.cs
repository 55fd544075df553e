using Portal.Data;

namespace Portal.Documents;

/// <summary>The one place a disk-versus-portal conflict is opened or refreshed (by the import and by the file outbox).</summary>
internal static class ConflictRecorder
{
    /// <summary>Opens a conflict holding the disk text, or refreshes the open one when the disk text has changed again.</summary>
    public static ContentConflict Record(PortalDbContext db, ContentConflict? open, StoredDocument document, string diskText, string diskHash, DateTimeOffset now)
    {
        if (open is not null)
        {
            if (open.DiskHash != diskHash)
            {
                (open.DiskText, open.DiskHash, open.DetectedAt) = (diskText, diskHash, now);
            }
            return open;
        }
        var conflict = new ContentConflict { DocumentId = document.Id, Slug = document.Slug, DiskText = diskText, DiskHash = diskHash, DetectedAt = now };
        db.ContentConflicts.Add(conflict);
        return conflict;
    }
}
