using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Governance;

public enum ApprovalStatus
{
    Pending,
    Approved,
    Returned,

    /// <summary>A newer submission of the same document replaced it.</summary>
    Superseded,
}

/// <summary>A draft version sent "til godkendelse": who sent it, why, and what the second person decided.</summary>
public sealed class ApprovalRequest
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int VersionNumber { get; set; }

    /// <summary>The published version the diff is made against (null for a document never published).</summary>
    public int? BaseVersionNumber { get; set; }

    public required string Title { get; set; }
    public required string DocumentType { get; set; }
    public required string Area { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public string AuthorEmail { get; set; } = "";
    public string? Comment { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public ApprovalStatus Status { get; set; }
    public string? DeciderId { get; set; }
    public string? DeciderName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Remark { get; set; }
    public int? PublishedVersionNumber { get; set; }
}

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("ApprovalRequests");
        builder.HasIndex(a => new { a.Status, a.Slug });
        builder.Property(a => a.Slug).HasMaxLength(400);
        builder.Property(a => a.Title).HasMaxLength(400);
        builder.Property(a => a.DocumentType).HasMaxLength(60);
        builder.Property(a => a.Area).HasMaxLength(20);
        builder.Property(a => a.AuthorId).HasMaxLength(200);
        builder.Property(a => a.AuthorName).HasMaxLength(200);
        builder.Property(a => a.AuthorEmail).HasMaxLength(320);
        builder.Property(a => a.Comment).HasMaxLength(1000);
        builder.Property(a => a.DeciderId).HasMaxLength(200);
        builder.Property(a => a.DeciderName).HasMaxLength(200);
        builder.Property(a => a.Remark).HasMaxLength(1000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
    }
}
