using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Content;
using Portal.Data;

namespace Portal.Documents;

/// <summary>An old document address that leads to where the document lives now (after a move or rename).</summary>
public sealed class DocumentRedirect
{
    public int Id { get; set; }
    public required string FromSlug { get; set; }
    public required string ToSlug { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class DocumentRedirectConfiguration : IEntityTypeConfiguration<DocumentRedirect>
{
    public void Configure(EntityTypeBuilder<DocumentRedirect> builder)
    {
        builder.ToTable("DocumentRedirects");
        builder.HasIndex(r => r.FromSlug).IsUnique();
        builder.Property(r => r.FromSlug).HasMaxLength(400);
        builder.Property(r => r.ToSlug).HasMaxLength(400);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
    }
}

/// <summary>The redirect table in memory, read on every document request; reloaded after each move.</summary>
public sealed class RedirectTable(IDbContextFactory<PortalDbContext> dbFactory) : IDocumentRedirects
{
    private volatile IReadOnlyDictionary<string, string>? _map;

    public string? Resolve(string slug)
    {
        var map = _map ?? Load();
        var current = slug.Trim('/').ToLowerInvariant();
        string? target = null;
        // Moves are flattened when stored; the hop limit only guards against a hand-edited loop.
        for (var hops = 0; hops < 10 && map.TryGetValue(current, out var next); hops++)
        {
            target = current = next;
        }
        return target;
    }

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _map = ToMap(await db.DocumentRedirects.AsNoTracking().ToListAsync(cancellationToken));
    }

    private IReadOnlyDictionary<string, string> Load()
    {
        using var db = dbFactory.CreateDbContext();
        var map = ToMap([.. db.DocumentRedirects.AsNoTracking()]);
        _map = map;
        return map;
    }

    private static Dictionary<string, string> ToMap(List<DocumentRedirect> rows) =>
        rows.ToDictionary(r => r.FromSlug, r => r.ToSlug, StringComparer.OrdinalIgnoreCase);
}
