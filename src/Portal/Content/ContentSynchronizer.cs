using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Content;

/// <summary>
/// Imports content/ and rebuilds the served snapshot. Rendering is cached by content hash so a
/// change to one file re-renders one document, not the library.
/// </summary>
public sealed class ContentSynchronizer(
    ContentRoot root,
    ContentImporter importer,
    DocumentParser parser,
    ContentCatalog catalog,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IOptions<LawPortalOptions> lawOptions,
    TimeProvider clock,
    ILogger<ContentSynchronizer> logger,
    IEnumerable<IBeforeImportStep> beforeImport,
    IEnumerable<IDocumentRedirects> redirects,
    IEnumerable<IDocumentCheck> checks,
    MarkdownRenderer renderer,
    ParseCache parseCache,
    HtmlCache htmlCache,
    IEnumerable<IDocumentAdjuster> adjusters)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<(string Slug, string Hash), ParseResult> _parsed = new();
    private string _contextStamp = "";
    private string _stamp = "";
    private int _parseCount;

    // Up to this many documents to restore or parse, their texts and cache entries are fetched by slug; beyond it
    // (a restart, a new pipeline) in one pass over the table.
    private const int PartialLoadLimit = 500;

    // What a restart allocates building the library, with room: 210 MB with 10,171 generated documents.
    private const long BurstBytes = 240L * 1024 * 1024;

    /// <summary>How many documents this instance has parsed (not restored from a cache); for tests and logs.</summary>
    public int ParseCount => _parseCount;

    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var step in beforeImport)
            {
                try
                {
                    await step.RunAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Et trin før importen fejlede ({Step}); importen fortsætter", step.GetType().Name);
                }
            }
            using var activity = Telemetry.PortalTelemetry.Source.StartActivity("content.import");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var import = await importer.ImportAsync(root.Path, cancellationToken);
            var importMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Telemetry.PortalTelemetry.ImportDuration.Record(importMs);
            logger.LogInformation("Indholdsmappen læst og sammenlignet på {Ms} ms", (int)importMs);
            if (import.Created + import.Updated + import.Removed > 0)
            {
                logger.LogInformation("Indhold importeret: {Created} nye, {Updated} ændrede, {Removed} fjernet", import.Created, import.Updated, import.Removed);
            }
            if (import.Conflicts > 0)
            {
                logger.LogWarning("{Conflicts} filer er ændret både på disken og i portalen; de venter på en koordinator", import.Conflicts);
            }
            await RebuildCoreAsync(import.Issues, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds the snapshot from the database when it already holds a published library (a restart, which can then serve
    /// it before reading content/); false, with nothing published, when it holds none (a first start). One read of the
    /// published versions answers both: a separate check was a query of its own on the start's critical path.
    /// </summary>
    public Task<bool> RebuildStoredAsync(CancellationToken cancellationToken = default) =>
        RebuildExclusiveAsync(onlyWhenStored: true, cancellationToken);

    /// <summary>The comparison with content/ after a restart, off the request path; a failure is logged, and the watcher tries again.</summary>
    public async Task SyncAfterStartAsync(CancellationToken stopping)
    {
        try
        {
            await SyncAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Sammenligningen med indholdsmappen efter start fejlede; den gentages ved næste ændring i mappen");
        }
    }

    /// <summary>Rebuilds the snapshot from the database without reading content files (after an edit is published).</summary>
    public Task RebuildAsync(CancellationToken cancellationToken = default) =>
        RebuildExclusiveAsync(onlyWhenStored: false, cancellationToken);

    private async Task<bool> RebuildExclusiveAsync(bool onlyWhenStored, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RebuildCoreAsync(FileIssues(), cancellationToken, onlyWhenStored);
        }
        finally
        {
            _gate.Release();
        }
    }

    // A file's own errors (line 0: unreadable, bad front matter) stay across a rebuild that does not read the files.
    private List<ContentIssue> FileIssues() =>
        catalog.Current.Issues.Where(i => i.Line == 0 && i.Severity == IssueSeverity.Error).ToList();

    /// <summary>
    /// Runs a change to stored documents exclusively with imports (so an import never sees half a change),
    /// then rebuilds the snapshot when asked.
    /// </summary>
    public async Task<T> ChangeAsync<T>(Func<CancellationToken, Task<T>> change, bool rebuild, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = await change(cancellationToken);
            if (rebuild)
            {
                await RebuildCoreAsync(FileIssues(), cancellationToken);
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> RebuildCoreAsync(IReadOnlyList<ContentIssue> importIssues, CancellationToken cancellationToken, bool onlyWhenStored = false)
    {
        using var activity = Telemetry.PortalTelemetry.Source.StartActivity("content.render");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var parsedBefore = _parseCount;
        if (!await RebuildSnapshotAsync(importIssues, cancellationToken, onlyWhenStored))
        {
            return false;
        }
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Telemetry.PortalTelemetry.RebuildDuration.Record(elapsed);
        logger.LogInformation("Biblioteket bygget på {Ms} ms: {Documents} dokumenter, {Parsed} fortolket, resten fra parse-cachen",
            (int)elapsed, catalog.Current.Documents.Count, _parseCount - parsedBefore);
        return true;
    }

    /// <returns>False when <paramref name="onlyWhenStored"/> and nothing is published: then nothing is published now either.</returns>
    private async Task<bool> RebuildSnapshotAsync(IReadOnlyList<ContentIssue> importIssues, CancellationToken cancellationToken, bool onlyWhenStored)
    {
        var issues = new List<ContentIssue>(importIssues);
        var roster = Roster.Load(root.Path, issues);
        var laws = LawCatalog.Load(root.Path, lawOptions.Value.BaseUrl, issues);
        RateTable.Load(root.Path, DateOnly.FromDateTime(clock.GetLocalNow().Date), issues); // satser.yml problems show on Indholdsfejl
        var folders = FolderCatalog.Load(root.Path, options.Value.DocumentFolders, issues);

        // Everything a parse depends on besides the text: a change to any of it re-parses the whole library.
        var stamp = StampOf(Roster.FileName) + StampOf(LawCatalog.FileName)
            + ContentHash.Of(options.Value.ParseSettings() + lawOptions.Value.BaseUrl
                + string.Join(",", checks.Select(c => c.GetType().FullName)));
        if (stamp != _contextStamp)
        {
            _parsed.Clear();
            _contextStamp = stamp;
            _stamp = parseCache.StampFor(stamp);
        }

        // The published versions without their texts: a rebuild after one change needs the text of that document only.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var publishedVersions = db.DocumentVersions.AsNoTracking()
            .Where(v => !v.Document!.RemovedFromDisk && v.Document.PublishedVersionNumber == v.Number);
        var published = await publishedVersions
            .Select(v => new { v.Document!.Slug, v.Number, v.ContentHash, v.CreatedAt, v.Author })
            .ToListAsync(cancellationToken);
        if (onlyWhenStored && published.Count == 0)
        {
            return false;
        }
        var missing = published.Where(p => !_parsed.ContainsKey((p.Slug, p.ContentHash))).Select(p => p.Slug).ToList();
        // Texts: of what this process has not parsed yet (a restart: all of it), and of the folders checks read across
        // documents (the phrases), which go to the parse context.
        var sourceFolders = checks.SelectMany(c => c.SourceFolders).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        bool IsSource(string slug) => sourceFolders.Any(f => slug.StartsWith(f, StringComparison.OrdinalIgnoreCase));
        var wanted = missing.Concat(published.Select(p => p.Slug).Where(IsSource)).ToHashSet(StringComparer.Ordinal);
        // Only what this process has not parsed yet is looked up in the persisted cache (a restart: all of it). It is
        // read on its own connection beside the texts (SQLite's async calls run synchronously, hence Task.Run): on a
        // restart the two reads are the larger part of building the library.
        var persistStamp = _stamp;
        var storedRead = missing.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<string, (string Hash, byte[] Metadata)>>(new Dictionary<string, (string Hash, byte[] Metadata)>())
            : Task.Run(() => parseCache.LoadAsync(persistStamp, missing.Count > PartialLoadLimit ? null : missing, cancellationToken), cancellationToken);
        var whole = wanted.Count > PartialLoadLimit;
        // A restart's whole library is read and restored without a collection in between (AllocationBurst); ended
        // once the documents are built, or by the runtime when a first import's parsing allocates more.
        using var burst = missing.Count > PartialLoadLimit ? Performance.AllocationBurst.Begin(BurstBytes) : null;
        // As UTF-8 (Utf8Rows): a restored document holds its body as UTF-8 anyway, and only a text parsed anew is decoded.
        var texts = new Dictionary<string, byte[]>(wanted.Count, StringComparer.Ordinal);
        await Data.Utf8Rows.ReadAsync(db, (whole ? publishedVersions : publishedVersions.Where(v => wanted.Contains(v.Document!.Slug)))
                .Select(v => new { v.Document!.Slug, v.Content }), 1,
            (row, text) =>
            {
                if (row.GetString(0) is var slug && wanted.Contains(slug))
                {
                    texts[slug] = text;
                }
            }, cancellationToken);
        var context = new ParseContext(roster, laws, options.Value)
        {
            Sources = published.Where(p => IsSource(p.Slug) && texts.ContainsKey(p.Slug)).Select(p => new SourceDocument(p.Slug, System.Text.Encoding.UTF8.GetString(texts[p.Slug]))).ToList(),
        };

        var stored = await storedRead;
        var fresh = new ConcurrentBag<ParsedDocumentEntry>();

        // The HTML of a few documents parsed anew (an edit, a new file) is kept for the reader who comes next; that of a
        // whole import is not: it filled the cache with pages nobody had asked for, and it is in the parse cache anyway.
        var keepHtml = missing.Count <= PartialLoadLimit;
        // Parsing is independent per document: use both cores at start-up.
        var results = new ParseResult[published.Count];
        Parallel.For(0, published.Count, i =>
        {
            var row = published[i];
            results[i] = _parsed.TryGetValue((row.Slug, row.ContentHash), out var known) ? known
                : Restore(row.Slug, row.ContentHash, texts[row.Slug], stored, laws, persistStamp)
                    ?? ParseAndRender(row.Slug, row.ContentHash, System.Text.Encoding.UTF8.GetString(texts[row.Slug]), context, fresh, persistStamp, keepHtml);
        });
        // Added after the parallel loop, not in it: on a restart all 10,000 documents are new, and the dictionary's
        // growth took every lock while both cores waited for it. Rebuilds run one at a time (the gate), so no other
        // writer races these.
        for (var i = 0; i < published.Count; i++)
        {
            _parsed.TryAdd((published[i].Slug, published[i].ContentHash), results[i]);
        }
        // Versions no longer published are not kept: over a long uptime every edit would otherwise stay in memory.
        var current = published.Select(p => (p.Slug, p.ContentHash)).ToHashSet();
        foreach (var key in _parsed.Keys.Where(k => !current.Contains(k)))
        {
            _parsed.TryRemove(key, out _);
        }

        var documents = new List<LibraryDocument>(published.Count);
        for (var i = 0; i < published.Count; i++)
        {
            var row = published[i];
            issues.AddRange(results[i].Issues);
            if (results[i].Document is { } doc)
            {
                var served = doc with { VersionNumber = row.Number, ContentHash = row.ContentHash, ChangedAt = row.CreatedAt, ChangedBy = row.Author };
                foreach (var adjuster in adjusters)
                {
                    served = adjuster.Adjust(served);
                }
                documents.Add(served);
            }
        }

        var slugs = published.Select(p => p.Slug).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var doc in documents)
        {
            foreach (var link in doc.Links.Where(l => !slugs.Contains(l.TargetSlug)))
            {
                var movedTo = redirects.Select(r => r.Resolve(link.TargetSlug)).FirstOrDefault(t => t is not null);
                issues.Add(movedTo is null
                    ? new ContentIssue(doc.FilePath, link.Line, IssueSeverity.Error, $"Linket '{link.Written}' peger på et dokument, der ikke findes ('{link.TargetSlug}').")
                    : new ContentIssue(doc.FilePath, link.Line, IssueSeverity.Warning, $"Linket '{link.Written}' peger på en gammel adresse; dokumentet er flyttet til '{movedTo}'. Linket virker, men bør rettes."));
            }
        }

        burst?.Dispose();
        documents.Sort((a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        // One comparison instead of three chained key sorts (the list is long with many documents); the position
        // breaks ties, so the order is the stable one of before.
        var positioned = issues.Select((issue, index) => (Issue: issue, Index: index)).ToArray();
        Array.Sort(positioned, static (a, b) => a.Issue.Severity != b.Issue.Severity ? a.Issue.Severity.CompareTo(b.Issue.Severity)
            : string.CompareOrdinal(a.Issue.File, b.Issue.File) is var byFile and not 0 ? byFile
            : a.Issue.Line != b.Issue.Line ? a.Issue.Line.CompareTo(b.Issue.Line) : a.Index.CompareTo(b.Index));
        var ordered = positioned.Select(p => p.Issue).ToList();
        catalog.Publish(new LibrarySnapshot(documents, ordered, folders, roster, laws, clock.GetUtcNow()) { Sources = context.Sources });

        if (!fresh.IsEmpty || stored.Keys.Any(k => !slugs.Contains(k)))
        {
            await parseCache.SaveAsync(fresh, published.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal), cancellationToken);
        }
        return true;
    }

    /// <summary>The document as import computed it last time, or null when the entry is missing, stale or unreadable.</summary>
    private ParseResult? Restore(string slug, string hash, byte[] text, IReadOnlyDictionary<string, (string Hash, byte[] Metadata)> stored, LawCatalog laws, string stamp)
    {
        if (!stored.TryGetValue(slug, out var entry) || entry.Hash != hash
            || ParseCache.Deserialize(entry.Metadata) is not { } m || FrontMatterReader.PartsOf(text) is not ({ } head, { } body))
        {
            return null;
        }
        var filePath = slug + ".md";
        var document = new LibraryDocument
        {
            Slug = slug,
            FilePath = filePath,
            Folder = slug.Contains('/') ? slug[..slug.LastIndexOf('/')] : "",
            Title = m.Title,
            Type = m.Type,
            TypeLabel = m.TypeLabel,
            Area = m.Area,
            Owner = m.Owner,
            ReviewDate = m.ReviewDate,
            LegalBasis = m.LegalBasis,
            Phase = m.Phase,
            Tags = m.Tags,
            Summary = m.Summary,
            Updated = m.Updated,
            HtmlSource = DocumentHtml.Of(""), // set below, from the body as the served document holds it
            Toc = m.Toc,
            Headings = m.Headings,
            Body = "", // the UTF-8 below
            // The head only: the whole text in this closure was a second copy of every body in memory.
            LazyFrontMatter = FrontMatterReader.LazyFrom(head, filePath),
            Links = m.Links,
            Warnings = m.Warnings(),
        }.WithUtf8Body(body);
        return new ParseResult(Served(document, hash, laws, stamp), m.Issues);
    }

    private ParseResult ParseAndRender(string slug, string hash, string text, ParseContext context, ConcurrentBag<ParsedDocumentEntry> fresh, string stamp, bool keepHtml)
    {
        Interlocked.Increment(ref _parseCount);
        var result = parser.Parse(slug, slug + ".md", text, context);
        if (result.Document is not { } document)
        {
            return result; // documents with errors are not cached: they are few, and their messages must stay current
        }
        // Render now: the syntax tree is then not kept alive for a page nobody may open, and the HTML can be persisted.
        var html = document.Html;
        if (keepHtml)
        {
            htmlCache.Add(slug, hash, html);
        }
        fresh.Add(new ParsedDocumentEntry { Slug = slug, ContentHash = hash, Stamp = stamp, Metadata = ParseCache.Serialize(document, result.Issues), Html = html });
        // The parsed YAML tree is dropped for a lazy parse of the head, as for a restored document: held for every
        // document after an import, it was the largest part of the library in memory.
        var lazyFrontMatter = FrontMatterReader.PartsOf(text) is ({ } head, _) ? FrontMatterReader.LazyFrom(head, document.FilePath) : document.LazyFrontMatter;
        return result with { Document = Served(document with { LazyFrontMatter = lazyFrontMatter }, hash, context.Laws, stamp) };
    }

    // The document as the snapshot holds it: its body compacted (a template's kept as a string) and its HTML served
    // from the bounded cache, where a miss reads the persisted entry and without one renders again. The HTML's loader
    // reads the same compacted body: a string captured here would keep a second copy of every body in memory.
    private LibraryDocument Served(LibraryDocument document, string hash, LawCatalog laws, string stamp)
    {
        var compact = document.WithCompactBody();
        var body = compact.BodyReader();
        var slug = document.Slug;
        return compact with
        {
            HtmlSource = new(() => htmlCache.Get(slug, hash, () => parseCache.LoadHtml(slug, hash, stamp) ?? renderer.Render(body(), slug, laws).Html)),
        };
    }

    private string StampOf(string fileName)
    {
        var path = Path.Combine(root.Path, fileName);
        return File.Exists(path) ? ContentHash.Of(File.ReadAllBytes(path)) : "-";
    }
}
