using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Data;
using Portal.Documents;

namespace Portal.Governance;

public enum AsOfStatus
{
    NotFound,
    NotYetPublished,
    Found,
}

/// <summary>The document as it was published on a date, and what is in force now.</summary>
public sealed record AsOfResult(AsOfStatus Status, DateOnly Date)
{
    public LibraryDocument? Document { get; init; }
    public PublishedVersion? Version { get; init; }
    public PublishedVersion? Current { get; init; }
    public DateTimeOffset? FirstPublishedAt { get; init; }

    public bool IsCurrent => Version is not null && Version.Number == Current?.Number;

    /// <summary>The banner: "Sådan så arbejdsgangen ud den 1. juni 2025; den gældende version er …".</summary>
    public string Banner => Status switch
    {
        AsOfStatus.Found when IsCurrent =>
            $"Sådan så {AsOfRule.DefiniteNoun(Document!.Type)} ud den {DanishFormat.Date(Date)}. Det er også den gældende version (version {Version!.Number}, udgivet {DanishFormat.DateTime(Version.PublishedAt)}).",
        AsOfStatus.Found =>
            $"Sådan så {AsOfRule.DefiniteNoun(Document!.Type)} ud den {DanishFormat.Date(Date)} (version {Version!.Number}, udgivet {DanishFormat.DateTime(Version.PublishedAt)}); " +
            $"den gældende version er version {Current!.Number} fra {DanishFormat.Date(Current.PublishedAt)}.",
        AsOfStatus.NotYetPublished when FirstPublishedAt is { } first =>
            $"Dokumentet var ikke udgivet i portalen den {DanishFormat.Date(Date)}. Den første udgivne version er fra {DanishFormat.Date(first)}.",
        AsOfStatus.NotYetPublished => $"Dokumentet var ikke udgivet i portalen den {DanishFormat.Date(Date)}.",
        _ => "Dokumentet findes ikke.",
    };
}

/// <summary>Finds and renders the version in force on a date, for complaints and Ankestyrelsen: which procedure applied then?</summary>
public sealed class DocumentAsOf(IDbContextFactory<PortalDbContext> dbFactory, ContentCatalog catalog, DocumentParser parser, MarkdownRenderer renderer, ContentOptions options)
{
    public async Task<AsOfResult> GetAsync(string slug, DateOnly date, CancellationToken cancellationToken = default)
    {
        slug = DocumentStore.Normalize(slug);
        var snapshot = catalog.Current;
        var current = snapshot.Find(slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (document is null || current is null)
        {
            return new AsOfResult(AsOfStatus.NotFound, date);
        }
        // SQLite cannot compare DateTimeOffset in SQL; a document has few published versions, so the rule runs in memory.
        var published = (await db.DocumentVersions.AsNoTracking()
                .Where(v => v.DocumentId == document.Id && v.State == VersionState.Published)
                .Select(v => new { v.Number, v.CreatedAt, v.Author, v.Comment })
                .ToListAsync(cancellationToken))
            .Select(v => new PublishedVersion(v.Number, v.CreatedAt, v.Author, v.Comment)).ToList();
        var inForce = AsOfRule.InForceOn(published, date);
        var now = published.FirstOrDefault(v => v.Number == document.PublishedVersionNumber);
        if (inForce is null)
        {
            return new AsOfResult(AsOfStatus.NotYetPublished, date) { Current = now, FirstPublishedAt = published.MinBy(v => v.Number)?.PublishedAt };
        }
        var text = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && v.Number == inForce.Number).Select(v => v.Content).FirstAsync(cancellationToken);
        return new AsOfResult(AsOfStatus.Found, date) { Document = Render(current, text, snapshot), Version = inForce, Current = now };
    }

    /// <summary>Every published version of a document, newest first (the letter page's "compare with an earlier version").</summary>
    public async Task<IReadOnlyList<PublishedVersion>> PublishedVersionsAsync(string slug, CancellationToken cancellationToken = default)
    {
        slug = DocumentStore.Normalize(slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (document is null)
        {
            return [];
        }
        var versions = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && v.State == VersionState.Published)
            .Select(v => new { v.Number, v.CreatedAt, v.Author, v.Comment })
            .ToListAsync(cancellationToken);
        return versions.Select(v => new PublishedVersion(v.Number, v.CreatedAt, v.Author, v.Comment)).OrderByDescending(v => v.Number).ToList();
    }

    /// <summary>One published version parsed and rendered as it was; null when the document or the version is not published.</summary>
    public async Task<LibraryDocument?> PublishedVersionAsync(string slug, int number, CancellationToken cancellationToken = default)
    {
        slug = DocumentStore.Normalize(slug);
        var snapshot = catalog.Current;
        if (snapshot.Find(slug) is not { } current)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var text = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.Document!.Slug == slug && v.Number == number && v.State == VersionState.Published)
            .Select(v => v.Content).FirstOrDefaultAsync(cancellationToken);
        return text is null ? null : Render(current, text, snapshot) with { VersionNumber = number };
    }

    private LibraryDocument Render(LibraryDocument current, string text, LibrarySnapshot snapshot)
    {
        var context = new ParseContext(snapshot.Roster, snapshot.Laws, options) { Sources = snapshot.Sources };
        if (parser.Parse(current.Slug, current.FilePath, text, context).Document is { } old)
        {
            return old;
        }
        // An old text may fail today's rules (a tovholder since removed): show its body under today's metadata rather than nothing.
        var split = DocumentText.Split(text);
        var rendered = renderer.Render(split.Body, current.Slug, snapshot.Laws);
        return current with { HtmlSource = DocumentHtml.Held(rendered.LazyHtml), Toc = rendered.Toc, Body = split.Body, Headings = rendered.Headings };
    }
}
