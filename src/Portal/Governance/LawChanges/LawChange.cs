using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Governance;

/// <summary>A registered change of law: which paragraphs, from when, and why; the documents it flagged are its flags.</summary>
public sealed class LawChange
{
    public int Id { get; set; }
    public required string Paragraphs { get; set; }
    public DateOnly InForce { get; set; }
    public required string Description { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public required string RegisteredBy { get; set; }
    public List<LawChangeFlag> Flags { get; set; } = [];
}

/// <summary>A document flagged "lovændring – skal gennemgås"; done once the document is reviewed or changed after the registration.</summary>
public sealed class LawChangeFlag
{
    public int Id { get; set; }
    public int LawChangeId { get; set; }
    public LawChange? LawChange { get; set; }
    public required string Slug { get; set; }
    public required string OwnerKey { get; set; }
}

internal sealed class LawChangeConfiguration : IEntityTypeConfiguration<LawChange>
{
    public void Configure(EntityTypeBuilder<LawChange> builder)
    {
        builder.ToTable("LawChanges");
        builder.Property(c => c.Paragraphs).HasMaxLength(400);
        builder.Property(c => c.Description).HasMaxLength(1000);
        builder.Property(c => c.Link).HasMaxLength(1000);
        builder.Property(c => c.RegisteredBy).HasMaxLength(200);
        builder.HasMany(c => c.Flags).WithOne(f => f.LawChange).HasForeignKey(f => f.LawChangeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LawChangeFlagConfiguration : IEntityTypeConfiguration<LawChangeFlag>
{
    public void Configure(EntityTypeBuilder<LawChangeFlag> builder)
    {
        builder.ToTable("LawChangeFlags");
        builder.HasIndex(f => new { f.LawChangeId, f.Slug }).IsUnique();
        builder.Property(f => f.Slug).HasMaxLength(400);
        builder.Property(f => f.OwnerKey).HasMaxLength(100);
    }
}
