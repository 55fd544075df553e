using Portal.Content;

namespace Portal.Search;

/// <summary>A term's documents and their precomputed BM25F weights, plus its idf.</summary>
public sealed record Posting(int[] Docs, float[] Weights, float Idf);

/// <summary>A document's place in a ranking.</summary>
public readonly record struct ScoredDocument(int Doc, float Score);

/// <summary>
/// The immutable in-memory index over every served document: swapped whole on change, so queries never
/// wait for a rebuild and never see half of one.
/// </summary>
public sealed class SearchIndex
{
    /// <summary>Documents scoring below this share of the best hit are left out: they match only a stray word.</summary>
    public const float RelativeCutoff = 0.05f;
    private const int TitleBonusCandidates = 200;

    /// <summary>Documents that describe a way of working: what a "hvordan ..." query is after.</summary>
    private static readonly HashSet<string> HowToTypes = new(StringComparer.Ordinal) { DocumentTypes.Procedure, DocumentTypes.Guide, DocumentTypes.Checklist, DocumentTypes.Agenda };

    /// <summary>Best score first; equal scores by title, then by place in the index, so the order is always the same.</summary>
    private readonly struct BestFirst(IReadOnlyList<SearchDocument> documents) : IComparer<ScoredDocument>
    {
        public int Compare(ScoredDocument a, ScoredDocument b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : string.CompareOrdinal(documents[a.Doc].Title, documents[b.Doc].Title) is var byTitle and not 0 ? byTitle
            : a.Doc.CompareTo(b.Doc);
    }

    private readonly Dictionary<string, Posting> _terms;
    private readonly HashSet<string>[] _titleTerms;

    /// <summary>
    /// Answers given by this index, per request, day and review window (<see cref="Searcher.Search"/>). A content
    /// change builds a new index, so no answer outlives the library it came from.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<(SearchRequest, DateOnly, int), SearchResponse> Responses { get; } = new();

    /// <summary>The estimated size of <see cref="Responses"/> (<see cref="Searcher.EstimatedBytes"/>), kept beside it.</summary>
    internal long ResponseBytes;

    /// <summary>About how many answers <see cref="Responses"/> holds (a repeated key counts twice: it only starts over sooner).</summary>
    internal int ResponseCount;

    /// <summary>The bound on <see cref="ResponseBytes"/> (tests lower it).</summary>
    internal long MaxResponseBytes { get; set; } = Searcher.MaxCachedResponseBytes;

    public SearchIndex(IReadOnlyList<SearchDocument> documents, Dictionary<string, Posting> terms, HashSet<string>[] titleTerms,
        Vocabulary vocabulary, Decompounder decompounder, SynonymSet synonyms, LawQueryParser laws)
    {
        Documents = documents;
        _terms = terms;
        _titleTerms = titleTerms;
        Vocabulary = vocabulary;
        Decompounder = decompounder;
        Synonyms = synonyms;
        Laws = laws;
        Planner = new QueryPlanner(this);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        TypeOrdinals = new int[documents.Count];
        var typeNames = new List<(string Key, string Label)>();
        for (var i = 0; i < documents.Count; i++)
        {
            ref var ordinal = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(types, documents[i].Type, out var exists);
            if (!exists)
            {
                ordinal = typeNames.Count;
                typeNames.Add((documents[i].Type, documents[i].TypeLabel));
            }
            TypeOrdinals[i] = ordinal;
        }
        (TypeNames, _typeOrdinalByKey) = (typeNames, types);
    }

    /// <summary>
    /// Each document's type as a number into <see cref="TypeNames"/>: the facets count thousands of results per search,
    /// and a string key per result was hashed each time.
    /// </summary>
    internal int[] TypeOrdinals { get; }

    /// <summary>The types of the index's documents, by ordinal: key and the label of the first document of the type.</summary>
    internal IReadOnlyList<(string Key, string Label)> TypeNames { get; }

    private readonly Dictionary<string, int> _typeOrdinalByKey;

    /// <summary>The ordinal of a type, or -1 when no document has it.</summary>
    internal int TypeOrdinal(string type) => _typeOrdinalByKey.GetValueOrDefault(type, -1);

    public static SearchIndex Empty { get; } = SearchIndexBuilder.Build([], LawCatalog.Empty(""), SynonymSet.Empty);

    public IReadOnlyList<SearchDocument> Documents { get; }
    public Vocabulary Vocabulary { get; }
    public Decompounder Decompounder { get; }
    public SynonymSet Synonyms { get; }
    public LawQueryParser Laws { get; }
    public QueryPlanner Planner { get; }
    public int TermCount => _terms.Count;

    public bool HasTerm(string term) => _terms.ContainsKey(term);

    /// <summary>
    /// The k-th largest value (1 = the largest), as <c>sorted[^k]</c> of an ascending sort would give it, found by
    /// selection in linear time: the ranking needs only the score of its 200th document, not all scores in order.
    /// The values are reordered.
    /// </summary>
    internal static float KthLargest(Span<float> values, int k)
    {
        var target = values.Length - k; // its place in ascending order
        var (low, high) = (0, values.Length - 1);
        while (low < high)
        {
            // Median of three as the pivot, then a three-way partition: runs of equal scores are common.
            var mid = low + ((high - low) >> 1);
            var pivot = Median(values[low], values[mid], values[high]);
            var (lt, i, gt) = (low, low, high);
            while (i <= gt)
            {
                if (values[i] < pivot)
                {
                    (values[lt], values[i]) = (values[i], values[lt]);
                    lt++;
                    i++;
                }
                else if (values[i] > pivot)
                {
                    (values[i], values[gt]) = (values[gt], values[i]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }
            if (target < lt)
            {
                high = lt - 1;
            }
            else if (target > gt)
            {
                low = gt + 1;
            }
            else
            {
                return pivot;
            }
        }
        return values[target];

        static float Median(float a, float b, float c) => a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    }

    /// <summary>All matching documents, best first.</summary>
    public List<ScoredDocument> Rank(QueryPlan plan)
    {
        var ranked = RankUnordered(plan);
        // Sorted as a span with the comparer as a type argument: its calls are direct, not through an interface.
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ranked).Sort(new BestFirst(Documents));
        return ranked;
    }

    /// <summary>
    /// The best <paramref name="count"/> of <paramref name="ranked"/> that pass <paramref name="keep"/>, best first: the
    /// same documents in the same order as the start of <see cref="Rank"/> filtered, found without ordering the
    /// thousands below them (a page of results needs twenty).
    /// </summary>
    internal List<ScoredDocument> Best(List<ScoredDocument> ranked, int count, Func<ScoredDocument, bool> keep)
    {
        var order = new BestFirst(Documents);
        // The worst kept document on top, to be pushed out by a better one.
        var kept = new PriorityQueue<ScoredDocument, ScoredDocument>(count + 1, Comparer<ScoredDocument>.Create((a, b) => order.Compare(b, a)));
        foreach (var candidate in ranked)
        {
            if (!keep(candidate))
            {
                continue;
            }
            if (kept.Count < count)
            {
                kept.Enqueue(candidate, candidate);
            }
            else if (order.Compare(candidate, kept.Peek()) < 0)
            {
                kept.EnqueueDequeue(candidate, candidate);
            }
        }
        var best = new List<ScoredDocument>(kept.Count);
        while (kept.TryDequeue(out var document, out _))
        {
            best.Add(document);
        }
        best.Reverse();
        return best;
    }

    /// <summary>All matching documents in no particular order (<see cref="Rank"/> orders them).</summary>
    internal List<ScoredDocument> RankUnordered(QueryPlan plan)
    {
        var n = Documents.Count;
        if (plan.IsEmpty || n == 0)
        {
            return [];
        }
        // The per-document arrays come clean from this thread's last ranking, which cleaned what it touched: allocated
        // anew they were two thirds of an answer's garbage (about 500 KB at 10,000 documents), and collecting that
        // stopped every request in flight.
        var scratch = RankScratch.For(n);
        try
        {
            return Score(plan, scratch);
        }
        catch
        {
            RankScratch.Discard(); // it may not be clean
            throw;
        }
        finally
        {
            foreach (var d in scratch.Any)
            {
                (scratch.Total[d], scratch.Matched[d], scratch.Exact[d]) = (0, 0, 0);
            }
            scratch.Touched.Clear();
            scratch.TouchedAlt.Clear();
            scratch.Any.Clear();
        }
    }

    private List<ScoredDocument> Score(QueryPlan plan, RankScratch scratch)
    {
        var (total, matched, best, sum, count, exact, exactInClause) =
            (scratch.Total, scratch.Matched, scratch.Best, scratch.Sum, scratch.Count, scratch.Exact, scratch.ExactInClause);
        var (touched, touchedAlt, any) = (scratch.Touched, scratch.TouchedAlt, scratch.Any);
        foreach (var clause in plan.Clauses)
        {
            foreach (var alternative in clause.Alternatives)
            {
                if (alternative.Terms.Length == 1)
                {
                    if (_terms.TryGetValue(alternative.Terms[0], out var posting))
                    {
                        var factor = alternative.Weight * posting.Idf;
                        for (var i = 0; i < posting.Docs.Length; i++)
                        {
                            Raise(posting.Docs[i], factor * posting.Weights[i]);
                            exactInClause[posting.Docs[i]] |= alternative.Weight >= 1f;
                        }
                    }
                    continue;
                }
                // All terms of a phrase or split compound: partial matches count less.
                var k = alternative.Terms.Length;
                foreach (var term in alternative.Terms)
                {
                    if (!_terms.TryGetValue(term, out var posting))
                    {
                        continue;
                    }
                    for (var i = 0; i < posting.Docs.Length; i++)
                    {
                        var d = posting.Docs[i];
                        if (count[d] == 0)
                        {
                            touchedAlt.Add(d);
                        }
                        sum[d] += posting.Idf * posting.Weights[i];
                        count[d]++;
                    }
                }
                foreach (var d in touchedAlt)
                {
                    var share = (float)count[d] / k;
                    Raise(d, alternative.Weight * sum[d] / k * share * share);
                    exactInClause[d] |= count[d] == k && alternative.Weight >= 1f;
                    sum[d] = 0;
                    count[d] = 0;
                }
                touchedAlt.Clear();
            }
            foreach (var d in touched)
            {
                if (matched[d] == 0)
                {
                    any.Add(d);
                }
                total[d] += best[d];
                matched[d]++;
                best[d] = 0;
                if (exactInClause[d])
                {
                    exact[d]++;
                    exactInClause[d] = false;
                }
            }
            touched.Clear();
        }

        var clauses = (float)plan.Clauses.Count;
        var ranked = new List<ScoredDocument>(any.Count);
        foreach (var d in any)
        {
            var coverage = matched[d] / clauses;
            ranked.Add(new ScoredDocument(d, total[d] * coverage * coverage));
        }
        // Reward titles that cover the query: the title is what a caseworker recognises. Only the best scores are
        // candidates; they are found from the scores alone (one sort of floats, not of the whole list twice).
        var threshold = float.MinValue;
        if (ranked.Count > TitleBonusCandidates)
        {
            var scores = System.Buffers.ArrayPool<float>.Shared.Rent(ranked.Count);
            for (var i = 0; i < ranked.Count; i++)
            {
                scores[i] = ranked[i].Score;
            }
            threshold = KthLargest(scores.AsSpan(0, ranked.Count), TitleBonusCandidates);
            System.Buffers.ArrayPool<float>.Shared.Return(scores);
        }
        var atThreshold = TitleBonusCandidates - ranked.Count(r => r.Score > threshold);
        for (var i = 0; i < ranked.Count; i++)
        {
            // Ties at the last place go to the first documents in index order.
            if (ranked[i].Score < threshold || (ranked[i].Score == threshold && atThreshold-- <= 0))
            {
                continue;
            }
            var title = _titleTerms[ranked[i].Doc];
            var inTitle = InTitle(plan, title);
            var howTo = plan.AsksHow && HowToTypes.Contains(Documents[ranked[i].Doc].Type) ? Ranking.HowToFactor : 1f;
            ranked[i] = ranked[i] with { Score = ranked[i].Score * (1 + 0.5f * inTitle / clauses) * howTo };
        }
        if (ranked.Count > 0)
        {
            // A document holding every word as typed stays, however briefly it mentions them: "BPA" once in a table counts.
            // Left out before the sort: the long tail of stray matches need not be ordered.
            var cutoff = ranked.Max(r => r.Score) * RelativeCutoff;
            var all = plan.Clauses.Count;
            ranked.RemoveAll(r => r.Score < cutoff && exact[r.Doc] < all);
        }
        return ranked;

        void Raise(int d, float score)
        {
            if (best[d] == 0)
            {
                touched.Add(d);
            }
            if (score > best[d])
            {
                best[d] = score;
            }
        }
    }

    // How many clauses have an alternative whose terms are all in the title; loops, as LINQ made three delegates per
    // candidate and clause.
    private static int InTitle(QueryPlan plan, HashSet<string> title)
    {
        var count = 0;
        for (var c = 0; c < plan.Clauses.Count; c++)
        {
            var alternatives = plan.Clauses[c].Alternatives;
            for (var a = 0; a < alternatives.Count; a++)
            {
                if (AllIn(alternatives[a].Terms, title))
                {
                    count++;
                    break;
                }
            }
        }
        return count;

        static bool AllIn(string[] terms, HashSet<string> title)
        {
            foreach (var term in terms)
            {
                if (!title.Contains(term))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>One thread's arrays for ranking, sized for an index; clean (all zero, lists empty) between rankings.</summary>
    private sealed class RankScratch
    {
        [ThreadStatic]
        private static RankScratch? t_current;

        private RankScratch(int n) =>
            (Total, Matched, Best, Sum, Count, Exact, ExactInClause) = (new float[n], new byte[n], new float[n], new float[n], new byte[n], new byte[n], new bool[n]);

        public float[] Total { get; }
        public byte[] Matched { get; }
        public float[] Best { get; }
        public float[] Sum { get; }
        public byte[] Count { get; }
        public byte[] Exact { get; }
        public bool[] ExactInClause { get; }

        // Sized for a common word's documents from the start: growing them by doubling was a tenth of ranking.
        public List<int> Touched { get; } = new(4096);
        public List<int> TouchedAlt { get; } = new(4096);
        public List<int> Any { get; } = new(4096);

        public static RankScratch For(int n) => t_current is { } current && current.Total.Length == n ? current : t_current = new RankScratch(n);

        public static void Discard() => t_current = null;
    }
}
