using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Cluster;

/// <summary>One committed change to the library, written in the same transaction: other nodes rebuild when they see it.</summary>
public sealed class ClusterChange
{
    public long Id { get; set; }
    public string Node { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A named lease (e.g. the content folder): one holder until it expires or is renewed.</summary>
public sealed class ClusterLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A run of a scheduled job for one time slot; the key is unique, so only one node runs it.</summary>
public sealed class JobRun
{
    public string Key { get; set; } = "";
    public string Node { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
}

internal sealed class ClusterChangeConfiguration : IEntityTypeConfiguration<ClusterChange>
{
    public void Configure(EntityTypeBuilder<ClusterChange> builder)
    {
        builder.Property(c => c.Node).HasMaxLength(200);
        builder.HasIndex(c => c.At);
    }
}

internal sealed class ClusterLeaseConfiguration : IEntityTypeConfiguration<ClusterLease>
{
    public void Configure(EntityTypeBuilder<ClusterLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(j => j.Key);
        builder.Property(j => j.Key).HasMaxLength(200);
        builder.Property(j => j.Node).HasMaxLength(200);
        builder.HasIndex(j => j.StartedAt);
    }
}
