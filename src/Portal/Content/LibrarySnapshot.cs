namespace Portal.Content;

/// <summary>An immutable view of all served documents and all content issues, swapped whole on change.</summary>
public sealed class LibrarySnapshot
{
    public static readonly LibrarySnapshot Empty = new([], [], new Dictionary<string, FolderInfo>(), Roster.Empty, LawCatalog.Empty(""), DateTimeOffset.MinValue);

    private readonly Dictionary<string, LibraryDocument> _bySlug;

    public LibrarySnapshot(IReadOnlyList<LibraryDocument> documents, IReadOnlyList<ContentIssue> issues,
        IReadOnlyDictionary<string, FolderInfo> folders, Roster roster, LawCatalog laws, DateTimeOffset builtAt)
    {
        Documents = documents;
        Issues = issues;
        Folders = folders;
        Roster = roster;
        Laws = laws;
        BuiltAt = builtAt;
        _bySlug = documents.ToDictionary(d => d.Slug, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<LibraryDocument> Documents { get; }

    /// <summary>The stored texts the snapshot was built from, for checks in the editor against the same set.</summary>
    public IReadOnlyList<SourceDocument> Sources { get; init; } = [];
    public IReadOnlyList<ContentIssue> Issues { get; }
    public IReadOnlyDictionary<string, FolderInfo> Folders { get; }
    public Roster Roster { get; }
    public LawCatalog Laws { get; }
    public DateTimeOffset BuiltAt { get; }

    public IEnumerable<LibraryDocument> LibraryDocuments => Documents.Where(d => !d.IsTemplate);

    public LibraryDocument? Find(string slug) => _bySlug.GetValueOrDefault(slug.Trim('/'));

    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);
}

/// <summary>Holds the current snapshot; features read it and subscribe to changes (search index, caches).</summary>
public sealed class ContentCatalog
{
    private volatile LibrarySnapshot _current = LibrarySnapshot.Empty;

    public LibrarySnapshot Current => _current;

    public event Action<LibrarySnapshot>? Changed;

    internal void Publish(LibrarySnapshot snapshot)
    {
        _current = snapshot;
        Changed?.Invoke(snapshot);
    }
}
