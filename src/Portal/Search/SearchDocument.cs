using Portal.Content;

namespace Portal.Search;

/// <summary>What the index needs from a document: its texts per field and its facets.</summary>
public sealed record SearchDocument
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Type { get; init; }
    public required string TypeLabel { get; init; }
    public required Area Area { get; init; }
    public required DateOnly ReviewDate { get; init; }
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Summary { get; init; }
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>Type, area, folder titles and phase: words that describe the document without being in it.</summary>
    public IReadOnlyList<string> Meta { get; init; } = [];

    /// <summary>The body as plain text (no Markdown, no template code), lines kept for snippets.</summary>
    /// <remarks>
    /// Held as UTF-8 (Danish text is about half the size of a .NET string) for every document of the library, for the
    /// life of the index; it is read when a document is analysed and for the snippets of a page of results.
    /// </remarks>
    public required string Body
    {
        get => System.Text.Encoding.UTF8.GetString(BodyUtf8);
        init
        {
            BodyUtf8 = System.Text.Encoding.UTF8.GetBytes(value);
            BodyLength = value.Length;
        }
    }

    /// <summary>The plain body as stored (see <see cref="Body"/>), for a later build of the same version to reuse.</summary>
    internal byte[] BodyUtf8 { get; private init; } = [];

    /// <summary>The length of <see cref="Body"/> in characters, without decoding it.</summary>
    public int BodyLength { get; private init; }

    /// <summary>The stored text's hash: with the other texts, it tells an index build whether the analysis can be reused.</summary>
    public string? ContentHash { get; init; }

    /// <param name="plainBody">The body as plain text, when the caller kept it from an earlier build of the same version.</param>
    /// <param name="keptUtf8">The plain body of an earlier build of the same version, as it stored it.</param>
    internal static SearchDocument From(LibraryDocument doc, LibrarySnapshot snapshot, byte[] keptUtf8, int keptLength) =>
        From(doc, snapshot, plainBody: "") with { BodyUtf8 = keptUtf8, BodyLength = keptLength };

    public static SearchDocument From(LibraryDocument doc, LibrarySnapshot snapshot, string? plainBody = null)
    {
        var meta = new List<string> { doc.TypeLabel, AreaNames.Label(doc.Area) };
        if (doc.IsTemplate)
        {
            meta.Add("skabelon");
        }
        if (doc.Phase is not null)
        {
            meta.Add(doc.Phase);
        }
        for (var folder = doc.Folder; folder.Length > 0; folder = folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "")
        {
            if (snapshot.Folders.TryGetValue(folder, out var info))
            {
                meta.Add(info.Title);
            }
        }
        return new SearchDocument
        {
            Slug = doc.Slug,
            Title = doc.Title,
            Type = doc.Type,
            TypeLabel = doc.TypeLabel,
            Area = doc.Area,
            ReviewDate = doc.ReviewDate,
            LegalBasis = doc.LegalBasis.Select(l => l.Text).ToList(),
            Tags = doc.Tags,
            Summary = doc.Summary,
            Headings = doc.Headings,
            Meta = meta,
            Body = plainBody ?? PlainText.FromMarkdown(doc.Body),
            ContentHash = string.IsNullOrEmpty(doc.ContentHash) ? null : doc.ContentHash,
        };
    }
}
