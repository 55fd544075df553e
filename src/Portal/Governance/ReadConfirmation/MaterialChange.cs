using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Documents;

namespace Portal.Governance;

/// <summary>A published version marked "væsentlig": who must read it, who marked it and when.</summary>
public sealed class MaterialChange
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int VersionNumber { get; set; }
    public AudienceKind AudienceKind { get; set; }

    /// <summary>The area key ("børn"/"voksen") or the role; empty for all caseworkers.</summary>
    public string AudienceValue { get; set; } = "";

    /// <summary>The user id of the person who published it (the name is on the version and in the audit log).</summary>
    public required string MarkedById { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    public ReadAudience Audience => new(AudienceKind, AudienceValue);
}

/// <summary>"Jeg har læst ændringen": the user id, the document, the version and the time; nothing else.</summary>
public sealed class ReadReceipt
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int DocumentId { get; set; }
    public int VersionNumber { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
}

internal sealed class MaterialChangeConfiguration : IEntityTypeConfiguration<MaterialChange>
{
    public void Configure(EntityTypeBuilder<MaterialChange> builder)
    {
        builder.ToTable("MaterialChanges");
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.DocumentId, m.VersionNumber }).IsUnique();
        builder.Property(m => m.AudienceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AudienceValue).HasMaxLength(40);
        builder.Property(m => m.MarkedById).HasMaxLength(200);
        builder.Ignore(m => m.Audience);
    }
}

internal sealed class ReadReceiptConfiguration : IEntityTypeConfiguration<ReadReceipt>
{
    public void Configure(EntityTypeBuilder<ReadReceipt> builder)
    {
        builder.ToTable("ReadReceipts");
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        // Once per user and version: a second click finds the row and adds nothing.
        builder.HasIndex(r => new { r.DocumentId, r.UserId, r.VersionNumber }).IsUnique();
        builder.Property(r => r.UserId).HasMaxLength(200);
    }
}
