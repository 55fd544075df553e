using Portal.Content;

namespace Portal.Search;

/// <summary>
/// Holds the current index and rebuilds it off the request path whenever the content catalog changes
/// (import, edits, synonymer.yml). Queries always use the last complete index.
/// </summary>
public sealed class SearchService : IDisposable
{
    private readonly ContentCatalog _catalog;
    private readonly ContentRoot _root;
    private readonly ILogger<SearchService> _logger;
    private readonly Lock _gate = new();
    private readonly Lock _firstBuild = new();
    private volatile SearchIndex? _index;
    private LibrarySnapshot? _wanted;
    private LibrarySnapshot? _built;
    private bool _building;
    private SynonymSet _synonyms = SynonymSet.Empty;
    private readonly SearchIndexBuilder.AnalysisCache _analysis = new();
    private Dictionary<string, SearchDocument> _plainBodies = new(StringComparer.Ordinal);

    public SearchService(ContentCatalog catalog, ContentRoot root, ILogger<SearchService> logger)
    {
        _catalog = catalog;
        _root = root;
        _logger = logger;
        _catalog.Changed += Schedule;
        Schedule(catalog.Current);
    }

    /// <summary>False until the first index is built (start-up); /health/ready reports it as degraded meanwhile.</summary>
    public bool HasIndex => _index is not null;

    /// <summary>Completes when the index reflects the latest content change (for tests and the start page).</summary>
    public Task Idle => _idle.Task;

    private TaskCompletionSource _idle = NewIdle(true);

    /// <summary>The current index; only the very first query waits, for the first build.</summary>
    public SearchIndex Index
    {
        get
        {
            if (_index is { } index)
            {
                return index;
            }
            // Wait for the build under way rather than build a second index beside it on a starved CPU.
            if (_idle.Task is { IsCompleted: false } building)
            {
                building.Wait();
                if (_index is { } built)
                {
                    return built;
                }
            }
            lock (_firstBuild)
            {
                return _index ??= BuildFrom(_catalog.Current);
            }
        }
    }

    private void Schedule(LibrarySnapshot snapshot)
    {
        lock (_gate)
        {
            _wanted = snapshot;
            if (_building)
            {
                return;
            }
            _building = true;
            if (_idle.Task.IsCompleted)
            {
                _idle = NewIdle(false);
            }
        }
        _ = Task.Run(BuildLoop);
    }

    private void BuildLoop()
    {
        while (true)
        {
            LibrarySnapshot wanted;
            lock (_gate)
            {
                if (ReferenceEquals(_wanted, _built) || _wanted is null)
                {
                    _building = false;
                    _idle.TrySetResult();
                    return;
                }
                wanted = _wanted;
            }
            try
            {
                var index = BuildFrom(wanted);
                lock (_firstBuild)
                {
                    _index = index;
                }
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Søgeindekset kunne ikke bygges; det forrige bruges fortsat");
            }
            lock (_gate)
            {
                _built = wanted;
            }
        }
    }

    private SearchIndex BuildFrom(LibrarySnapshot snapshot)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var issues = new List<ContentIssue>();
        var synonyms = SynonymSet.Load(_root.Path, issues);
        foreach (var issue in issues)
        {
            _logger.LogWarning("{File}:{Line}: {Message}", issue.File, issue.Line, issue.Message);
        }
        if (synonyms is not null)
        {
            _synonyms = synonyms;
        }
        // The plain text and the analysis of a version are kept from the build before (one build at a time: BuildLoop,
        // or the first query under _firstBuild), so an edit re-analyses one document, not the library.
        lock (_analysis)
        {
            var plain = _plainBodies;
            var documents = snapshot.Documents.Select(d =>
                plain.TryGetValue(d.Slug, out var kept) && kept.ContentHash == d.ContentHash && !string.IsNullOrEmpty(d.ContentHash)
                    ? SearchDocument.From(d, snapshot, kept.BodyUtf8, kept.BodyLength)
                    : SearchDocument.From(d, snapshot)).ToList();
            _plainBodies = documents.Where(d => d.ContentHash is not null).ToDictionary(d => d.Slug, StringComparer.Ordinal);
            var index = SearchIndexBuilder.Build(documents, snapshot.Laws, _synonyms, _analysis);
            _logger.LogInformation("Søgeindeks bygget: {Documents} dokumenter ({Analyzed} analyseret), {Terms} termer, {Synonyms} synonymgrupper på {Ms} ms",
                documents.Count, _analysis.LastAnalyzed, index.TermCount, _synonyms.Groups.Count, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return index;
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }
        return source;
    }

    public void Dispose() => _catalog.Changed -= Schedule;
}
