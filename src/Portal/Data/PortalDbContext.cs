using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Checklists;
using Portal.Documents;

namespace Portal.Data;

/// <summary>The portal's model. SQLite uses this type; PostgreSQL uses <see cref="PostgreSqlPortalDbContext"/> with its own migrations.</summary>
public class PortalDbContext : DbContext, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options)
    {
    }

    protected PortalDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SavedChecklist> SavedChecklists => Set<SavedChecklist>();
    public DbSet<PendingFileWrite> PendingFileWrites => Set<PendingFileWrite>();
    public DbSet<ContentConflict> ContentConflicts => Set<ContentConflict>();
    public DbSet<DocumentRedirect> DocumentRedirects => Set<DocumentRedirect>();
    public DbSet<Content.ParsedDocumentEntry> ParsedDocuments => Set<Content.ParsedDocumentEntry>();
    public DbSet<Reviews.ReviewRecord> Reviews => Set<Reviews.ReviewRecord>();
    public DbSet<Reviews.SentReminder> SentReminders => Set<Reviews.SentReminder>();
    public DbSet<Reviews.OwnerMessage> OwnerMessages => Set<Reviews.OwnerMessage>();
    public DbSet<Delivery.OutboxMessage> Outbox => Set<Delivery.OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Cluster.ClusterChange> ClusterChanges => Set<Cluster.ClusterChange>();
    public DbSet<Cluster.ClusterLease> ClusterLeases => Set<Cluster.ClusterLease>();
    public DbSet<Cluster.JobRun> JobRuns => Set<Cluster.JobRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
