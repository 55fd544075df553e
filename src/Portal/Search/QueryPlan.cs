namespace Portal.Search;

/// <summary>One way to satisfy a clause: all of its terms (a phrase, a split compound) with a weight.</summary>
public sealed record QueryAlternative(string[] Terms, float Weight);

/// <summary>What one word, phrase or paragraph of the query asks for: the best of its alternatives counts.</summary>
public sealed record QueryClause(string Text, int Start, int Length, IReadOnlyList<QueryAlternative> Alternatives)
{
    /// <summary>The word as typed was found in the corpus (no typo forgiven, no split needed).</summary>
    public bool Known { get; init; }

    /// <summary>The normalised word, for "did you mean"; null for paragraphs and phrases.</summary>
    public string? Word { get; init; }
}

/// <summary>A query turned into clauses over index terms.</summary>
public sealed record QueryPlan(string Query, IReadOnlyList<QueryClause> Clauses)
{
    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>The query asks how to do something ("hvordan ...", "sådan ..."): procedures answer that, not letters.</summary>
    public bool AsksHow { get; init; }

    /// <summary>Every index term the query may match: the highlighter marks words that analyse to one of these.</summary>
    public HashSet<string> Terms { get; } = Clauses.SelectMany(c => c.Alternatives).SelectMany(a => a.Terms).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the query names a paragraph (§-terms): only then are a text's law references worth finding.</summary>
    public bool HasParagraphTerms => _hasParagraphTerms ??= Terms.Any(t => t.StartsWith('§'));

    private bool? _hasParagraphTerms;

    // The highlighter's verdict per normalised word, for this query: a page of hits repeats the same words thousands of
    // times, and each verdict costs a stemming and a decompounding. One plan serves one request, hence no lock.
    // Made when the first snippet needs it, sized for a page of bodies' words: growing it from empty was a fifteenth
    // of a search.
    internal Dictionary<string, bool> WordMatches => _wordMatches ??= new(2048, StringComparer.Ordinal);

    private Dictionary<string, bool>? _wordMatches;

    /// <summary>
    /// Finds any of the word terms (<see cref="Terms"/> but the §-terms) in folded text at once (vectorised), for the
    /// highlighter's line filter; null when a term is empty, which would match everywhere. Made on first use, once per
    /// request.
    /// </summary>
    internal System.Buffers.SearchValues<string>? TermFinder => _termFinder ??= Terms.Contains("")
        ? null
        : System.Buffers.SearchValues.Create(Terms.Where(t => !t.StartsWith('§')).ToArray(), StringComparison.Ordinal);

    private System.Buffers.SearchValues<string>? _termFinder;
}
