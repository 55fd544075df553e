using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Data;
using Portal.Documents;

namespace Portal.Editing;

public sealed record VersionSummary(int Number, DateTimeOffset CreatedAt, string Author, string? Comment, VersionSource Source, VersionState State, bool IsPublished, bool IsLatest);

public sealed record DocumentHistoryView(string Slug, Guid Stamp, IReadOnlyList<VersionSummary> Versions, IReadOnlyList<string> OldAddresses);

public sealed record RecentChange(string Slug, int Number, DateTimeOffset At, string Author, string? Comment, VersionSource Source);

/// <summary>Reads a document's versions, compares two of them, and lists recent published changes.</summary>
public sealed class DocumentHistory(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<DocumentHistoryView?> GetAsync(string slug, CancellationToken cancellationToken = default)
    {
        slug = DocumentEditor.Normalize(slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == document.Id).OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.CreatedAt, v.Author, v.Comment, v.Source, v.State,
                v.Number == document.PublishedVersionNumber, v.Number == document.LatestVersionNumber))
            .ToListAsync(cancellationToken);
        var oldAddresses = await db.DocumentRedirects.AsNoTracking().Where(r => r.ToSlug == slug).Select(r => r.FromSlug).ToListAsync(cancellationToken);
        return new DocumentHistoryView(document.Slug, document.ConcurrencyStamp, versions, oldAddresses);
    }

    public async Task<VersionView?> GetVersionAsync(string slug, int number, CancellationToken cancellationToken = default)
    {
        slug = DocumentEditor.Normalize(slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.DocumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Document!.Slug == slug && v.Number == number, cancellationToken);
        return version is null ? null : VersionView.Of(version);
    }

    /// <summary>The diff from version <paramref name="from"/> to <paramref name="to"/>, or null when either is missing.</summary>
    public async Task<IReadOnlyList<DiffLine>?> DiffAsync(string slug, int from, int to, CancellationToken cancellationToken = default)
    {
        var older = await GetVersionAsync(slug, from, cancellationToken);
        var newer = await GetVersionAsync(slug, to, cancellationToken);
        return older is null || newer is null ? null : VersionDiff.Compute(older.Content, newer.Content);
    }

    /// <summary>Published versions after the first, newest first: what changed in the library and why.</summary>
    public async Task<IReadOnlyList<RecentChange>> RecentChangesAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Published && v.Number > 1 && v.CreatedAt >= since)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
            .Take(max)
            .Select(v => new RecentChange(v.Document!.Slug, v.Number, v.CreatedAt, v.Author, v.Comment, v.Source))
            .ToListAsync(cancellationToken);
        return rows;
    }
}
