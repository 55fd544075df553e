namespace Portal.Content;

/// <summary>A published, parsed and rendered content document as served to users.</summary>
public sealed record LibraryDocument
{
    public required string Slug { get; init; }
    public required string FilePath { get; init; }
    public required string Folder { get; init; }
    public required string Title { get; init; }
    public required string Type { get; init; }
    public required string TypeLabel { get; init; }
    public required Area Area { get; init; }
    public required Owner Owner { get; init; }
    public required DateOnly ReviewDate { get; init; }

    /// <summary>The review date was moved by the demo install (<c>Demo:ReviewDates</c>), not read from the file.</summary>
    public bool HasDemoReviewDate { get; init; }
    public required IReadOnlyList<LawReference> LegalBasis { get; init; }
    public string? Phase { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Summary { get; init; }
    public DateOnly? Updated { get; init; }
    /// <summary>Where the body's HTML comes from: held after a fresh parse, fetched through the bounded cache when served.</summary>
    public required DocumentHtml HtmlSource { get; init; }

    /// <summary>The sanitised HTML of the body.</summary>
    public string Html => HtmlSource.Value;
    public required IReadOnlyList<TocEntry> Toc { get; init; }
    public required IReadOnlyList<string> Headings { get; init; }
    /// <summary>The Markdown body (front matter removed).</summary>
    public required string Body
    {
        get => _body ?? System.Text.Encoding.UTF8.GetString(_bodyUtf8!);
        init => (_body, _bodyUtf8) = (value, null);
    }

    private string? _body;
    private byte[]? _bodyUtf8;

    /// <summary>Whether the body is held as UTF-8 (<see cref="WithCompactBody"/>); for tests.</summary>
    internal bool HoldsBodyAsUtf8 => _bodyUtf8 is not null;

    /// <summary>The body of the document as it holds it: a string, or UTF-8 after <see cref="WithCompactBody"/>.</summary>
    internal Func<string> BodyReader()
    {
        var (text, utf8) = (_body, _bodyUtf8);
        return text is not null ? () => text : () => System.Text.Encoding.UTF8.GetString(utf8!);
    }

    /// <summary>
    /// The same document with its body held as UTF-8: about half the memory of a string for Danish text, for the
    /// thousands of documents a snapshot holds; each read of <see cref="Body"/> then decodes it (a few microseconds for
    /// a page). Templates are not compacted: every letter reads its template's body.
    /// </summary>
    public LibraryDocument WithCompactBody() =>
        _body is null || IsTemplate ? this : WithUtf8Body(System.Text.Encoding.UTF8.GetBytes(_body));

    /// <summary>The same document with this UTF-8 body, held as <see cref="WithCompactBody"/> holds it (a template's as a string).</summary>
    public LibraryDocument WithUtf8Body(byte[] body)
    {
        if (IsTemplate)
        {
            return this with { Body = System.Text.Encoding.UTF8.GetString(body) };
        }
        var copy = this with { };
        (copy._bodyUtf8, copy._body) = (body, null);
        return copy;
    }

    /// <summary>Parsed on first use: a document restored from the parse cache needs its YAML only for features that read their own keys.</summary>
    public required Lazy<FrontMatter> LazyFrontMatter { get; init; }
    public FrontMatter FrontMatter => LazyFrontMatter.Value;
    public IReadOnlyList<DocumentLink> Links { get; init; } = [];
    public IReadOnlyList<ContentIssue> Warnings { get; init; } = [];

    /// <summary>The database version served (published).</summary>
    public int VersionNumber { get; init; }
    public string ContentHash { get; init; } = "";
    public DateTimeOffset ChangedAt { get; init; }
    public string? ChangedBy { get; init; }

    public bool IsTemplate => Slug.StartsWith("skabeloner/", StringComparison.Ordinal);

    public ReviewStatus ReviewStatusOn(DateOnly today, int soonDays) => ReviewStatusNames.Compute(ReviewDate, today, soonDays);
}
