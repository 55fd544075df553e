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
    public required string Body { get; init; }
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
