using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Documents;

/// <summary>
/// A file change the database has committed to but the disk may not have seen yet (an outbox row).
/// Content null means "delete the file" (the old path after a move).
/// </summary>
public sealed class PendingFileWrite
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public StoredDocument? Document { get; set; }

    /// <summary>The file's identity (path under content/ without ".md").</summary>
    public required string Slug { get; set; }

    public string? Content { get; set; }

    /// <summary>For a delete: the file is only removed while it still has these bytes.</summary>
    public string? ExpectedDiskHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed tries so far; the row stays until the write succeeds (nothing is dropped).</summary>
    public int Attempts { get; set; }

    /// <summary>The last failure's reason, in Danish.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }
}

/// <summary>
/// A file changed on disk and in the portal since the last sync. Neither side is overwritten until a
/// coordinator decides; the disk text is kept here.
/// </summary>
public sealed class ContentConflict
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public required string Slug { get; set; }
    public required string DiskText { get; set; }
    public required string DiskHash { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }

    public bool IsOpen => ResolvedAt is null;
}

internal sealed class PendingFileWriteConfiguration : IEntityTypeConfiguration<PendingFileWrite>
{
    public void Configure(EntityTypeBuilder<PendingFileWrite> builder)
    {
        builder.ToTable("PendingFileWrites");
        builder.HasOne(p => p.Document).WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Slug).HasMaxLength(400);
        builder.Property(p => p.LastError).HasMaxLength(400);
    }
}

internal sealed class ContentConflictConfiguration : IEntityTypeConfiguration<ContentConflict>
{
    public void Configure(EntityTypeBuilder<ContentConflict> builder)
    {
        builder.ToTable("ContentConflicts");
        builder.HasIndex(c => new { c.DocumentId, c.ResolvedAt });
        builder.Property(c => c.Slug).HasMaxLength(400);
        builder.Property(c => c.ResolvedBy).HasMaxLength(200);
        builder.Property(c => c.Resolution).HasMaxLength(200);
        builder.Ignore(c => c.IsOpen);
    }
}
