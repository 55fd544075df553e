using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Reviews;

/// <summary>"Markér som gennemgået": who reviewed which document when, and the review date it set.</summary>
public sealed class ReviewRecord
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public required string Slug { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
    public required string Reviewer { get; set; }
    public DateOnly PreviousReviewDate { get; set; }
    public DateOnly NextReviewDate { get; set; }
    public int VersionNumber { get; set; }
}

/// <summary>A reminder e-mail that went out, so each document gets at most one per stage and review date.</summary>
public sealed class SentReminder
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public ReminderStage Stage { get; set; }
    public DateOnly ReviewDate { get; set; }
    public required string OwnerKey { get; set; }
    public required string To { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

public enum ReminderStage
{
    /// <summary>Sent when the review date is at most ReminderDaysBefore days away.</summary>
    DueSoon,

    /// <summary>Sent when the review date has passed.</summary>
    Overdue,
}

/// <summary>"Giv besked til tovholder": a caseworker's note that a document is outdated, unclear or missing something.</summary>
public sealed class OwnerMessage
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string OwnerKey { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public required string FromName { get; set; }
    public string? FromEmail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? MailedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandledBy { get; set; }
}

internal sealed class ReviewRecordConfiguration : IEntityTypeConfiguration<ReviewRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRecord> builder)
    {
        builder.ToTable("Reviews");
        builder.HasIndex(r => r.Slug);
        builder.Property(r => r.Slug).HasMaxLength(400);
        builder.Property(r => r.Reviewer).HasMaxLength(200);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("SentReminders");
        builder.HasIndex(r => new { r.Slug, r.Stage, r.ReviewDate }).IsUnique();
        builder.Property(r => r.Slug).HasMaxLength(400);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OwnerKey).HasMaxLength(100);
        builder.Property(r => r.To).HasMaxLength(300);
    }
}

internal sealed class OwnerMessageConfiguration : IEntityTypeConfiguration<OwnerMessage>
{
    public void Configure(EntityTypeBuilder<OwnerMessage> builder)
    {
        builder.ToTable("OwnerMessages");
        builder.HasIndex(m => new { m.OwnerKey, m.HandledAt });
        builder.Property(m => m.Slug).HasMaxLength(400);
        builder.Property(m => m.OwnerKey).HasMaxLength(100);
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.Text).HasMaxLength(2000);
        builder.Property(m => m.FromName).HasMaxLength(200);
        builder.Property(m => m.FromEmail).HasMaxLength(300);
        builder.Property(m => m.HandledBy).HasMaxLength(200);
    }
}
