using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Checklists;
using Portal.Documents;

namespace Portal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SavedChecklist> SavedChecklists => Set<SavedChecklist>();
    public DbSet<PendingFileWrite> PendingFileWrites => Set<PendingFileWrite>();
    public DbSet<ContentConflict> ContentConflicts => Set<ContentConflict>();
    public DbSet<DocumentRedirect> DocumentRedirects => Set<DocumentRedirect>();
    public DbSet<Reviews.ReviewRecord> Reviews => Set<Reviews.ReviewRecord>();
    public DbSet<Reviews.SentReminder> SentReminders => Set<Reviews.SentReminder>();
    public DbSet<Reviews.OwnerMessage> OwnerMessages => Set<Reviews.OwnerMessage>();
    public DbSet<Delivery.OutboxMessage> Outbox => Set<Delivery.OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
