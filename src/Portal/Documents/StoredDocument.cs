using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Documents;

/// <summary>A content document's identity and state in the database; its text lives in versions.</summary>
public sealed class StoredDocument
{
    public int Id { get; set; }

    /// <summary>The path under content/ without ".md", lower case: the document's identity.</summary>
    public required string Slug { get; set; }

    /// <summary>The version caseworkers see; later versions may be drafts.</summary>
    public int? PublishedVersionNumber { get; set; }

    public int LatestVersionNumber { get; set; }

    /// <summary>SHA-256 of the file bytes as last read from or written to disk (the last sync).</summary>
    public string? DiskHash { get; set; }

    /// <summary>The file is gone from disk; the document and its history stay in the database.</summary>
    public bool RemovedFromDisk { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: changes on every save so a stale editor cannot overwrite.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<DocumentVersion> Versions { get; set; } = [];
}

public enum VersionSource
{
    Import,
    Editor,
    Restore,
    Review,

    /// <summary>Published by a second person who approved the draft (four eyes).</summary>
    Approval,
}

public enum VersionState
{
    Draft,
    Published,
}

/// <summary>An immutable snapshot of a document's full text (front matter + body).</summary>
public sealed class DocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public StoredDocument? Document { get; set; }
    public int Number { get; set; }
    public required string Content { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Author { get; set; }
    public string? Comment { get; set; }
    public VersionSource Source { get; set; }
    public VersionState State { get; set; }
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("Documents");
        builder.HasIndex(d => d.Slug).IsUnique();
        builder.Property(d => d.Slug).HasMaxLength(400);
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(d => d.Versions).WithOne(v => v.Document).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ToTable("DocumentVersions");
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Author).HasMaxLength(200);
        builder.Property(v => v.Comment).HasMaxLength(1000);
    }
}
