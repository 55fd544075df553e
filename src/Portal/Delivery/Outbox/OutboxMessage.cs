using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Delivery;

public enum OutboxStatus
{
    Pending,
    Delivered,
    Failed,
    Cancelled,
}

/// <summary>
/// One letter to one destination (Digital Post or the case file), waiting for or done with delivery. The payload
/// (the MeMo message with the CPR number, or the PDF) lives only here and is deleted once delivered.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The letter: what the caseworker and the API call the outbox id; shared by its destinations.</summary>
    public Guid LetterId { get; set; }

    public required string Destination { get; set; }

    /// <summary>Letter + destination: sent to the receiver so a retry after a crash is recognised, never delivered twice.</summary>
    public required string IdempotencyKey { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The last failure in Danish, for the caseworker and the coordinator.</summary>
    public string? LastError { get; set; }

    /// <summary>The receiver's reference (journal document id, Digital Post transaction id).</summary>
    public string? Receipt { get; set; }

    public byte[]? Payload { get; set; }
    public required string FileName { get; set; }
    public required string Label { get; set; }
    public required string CaseNumber { get; set; }
    public required string Template { get; set; }
    public int TemplateVersion { get; set; }
    public required string ManifestHash { get; set; }

    /// <summary>The sender's user id (shown their own failed deliveries) and audit name.</summary>
    public required string SentById { get; set; }
    public required string SentBy { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => m.LetterId);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Destination).HasMaxLength(40);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(80);
        builder.Property(m => m.FileName).HasMaxLength(200);
        builder.Property(m => m.Label).HasMaxLength(256);
        builder.Property(m => m.CaseNumber).HasMaxLength(100);
        builder.Property(m => m.Template).HasMaxLength(400);
        builder.Property(m => m.ManifestHash).HasMaxLength(64);
        builder.Property(m => m.SentById).HasMaxLength(200);
        builder.Property(m => m.SentBy).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.Receipt).HasMaxLength(200);
    }
}
