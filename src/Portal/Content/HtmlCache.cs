namespace Portal.Content;

/// <summary>
/// The sanitised HTML of a document body: held by a fresh parse (editor, preview), or fetched on demand through the
/// bounded <see cref="HtmlCache"/> so the served library does not keep every body in memory.
/// </summary>
public sealed class DocumentHtml(Func<string> get)
{
    public static DocumentHtml Held(Lazy<string> html) => new(() => html.Value);

    public static DocumentHtml Of(string html) => new(() => html);

    public string Value => get();
}

/// <summary>
/// Least-recently-used cache of document HTML, bounded by bytes (UTF-16: two per character) rather than entries,
/// because bodies range from a paragraph to a whole handbook. A miss calls the loader (the persisted parse cache,
/// or a re-render), so eviction never loses a page.
/// </summary>
public sealed class HtmlCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Slug, string Hash), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bytes;

    private sealed record Entry((string Slug, string Hash) Key, string Html);

    public HtmlCache(long maxBytes) => MaxBytes = maxBytes;

    public long MaxBytes { get; }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool Contains(string slug, string hash)
    {
        lock (_gate)
        {
            return _entries.ContainsKey((slug, hash));
        }
    }

    /// <summary>The cached HTML, or the loader's (outside the lock: loading may read the database).</summary>
    public string Get(string slug, string hash, Func<string> load)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((slug, hash), out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Html;
            }
        }
        var html = load();
        Add(slug, hash, html);
        return html;
    }

    public void Add(string slug, string hash, string html)
    {
        var size = SizeOf(html);
        if (size > MaxBytes)
        {
            return; // larger than the whole cache: serve it, do not keep it
        }
        lock (_gate)
        {
            if (_entries.Remove((slug, hash), out var old))
            {
                _recency.Remove(old);
                _bytes -= SizeOf(old.Value.Html);
            }
            _entries[(slug, hash)] = _recency.AddFirst(new Entry((slug, hash), html));
            _bytes += size;
            while (_bytes > MaxBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= SizeOf(last.Value.Html);
            }
        }
    }

    private static long SizeOf(string html) => 2L * html.Length;
}
