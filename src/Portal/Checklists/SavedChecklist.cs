using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Checklists;

/// <summary>A checklist the caseworker chose to save: owned by one caseworker and deleted when ExpiresAt passes.</summary>
public sealed class SavedChecklist
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public required string DocumentSlug { get; set; }
    public required string DocumentTitle { get; set; }
    public string Label { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
    public required string StateJson { get; set; }
}

internal sealed class SavedChecklistConfiguration : IEntityTypeConfiguration<SavedChecklist>
{
    public void Configure(EntityTypeBuilder<SavedChecklist> builder)
    {
        builder.ToTable("SavedChecklists");
        builder.HasIndex(c => new { c.OwnerId, c.DocumentSlug });
        builder.HasIndex(c => c.ExpiresAt);
        builder.Property(c => c.OwnerId).HasMaxLength(200);
        builder.Property(c => c.DocumentSlug).HasMaxLength(400);
        builder.Property(c => c.DocumentTitle).HasMaxLength(400);
        builder.Property(c => c.Label).HasMaxLength(ChecklistStore.MaxLabelLength);
    }
}
