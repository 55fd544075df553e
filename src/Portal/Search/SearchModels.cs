using Portal.Content;

namespace Portal.Search;

/// <summary>A search as asked by the results page, the quick search or the API.</summary>
public sealed record SearchRequest(string Query, string? Type = null, Area? Area = null, int Take = 20);

/// <summary>One result: SnippetHtml is escaped text with the matched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(string Slug, string Title, string Type, string TypeLabel, Area Area, string SnippetHtml, double Score, string Url, bool Overdue);

/// <summary>A facet value and how many results have it.</summary>
public sealed record FacetCount(string Key, string Label, int Count);

public sealed record SearchResponse
{
    public required string Query { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];

    /// <summary>All results before take, after the type and area filters.</summary>
    public int Total { get; init; }
    public IReadOnlyList<FacetCount> Types { get; init; } = [];
    public IReadOnlyList<FacetCount> Areas { get; init; } = [];

    /// <summary>"Mente du ...?": the query with unknown words replaced by the nearest words in the library.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>When nothing matched: documents that match a looser reading of the query.</summary>
    public IReadOnlyList<SearchHit> Related { get; init; } = [];

    /// <summary>A Danish explanation when the query could not be searched (no words in it).</summary>
    public string? Message { get; init; }
}
