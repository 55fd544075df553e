using Portal.Content;

namespace Portal.Search;

/// <summary>Runs a request against an index: ranking, filters, facets with counts, snippets, "did you mean" and related documents.</summary>
public static class Searcher
{
    public const int MaxTake = 100;
    public const string NoWordsMessage = "Søgningen indeholder ingen ord, der kan søges på. Skriv fx 'afslag merudgifter', 'overgang til voksen' eller 'SEL 41'.";

    /// <summary>Answers kept per index (see <see cref="SearchIndex.Responses"/>); past this many the cache starts over.</summary>
    public const int MaxCachedResponses = 2000;

    /// <summary>
    /// The estimated memory the kept answers may take, for the same reason: 2,000 answers of twenty snippets were about
    /// 60 MB of a server's memory, most of it answers nobody asked for again.
    /// </summary>
    public const long MaxCachedResponseBytes = 16L * 1024 * 1024;

    // One counter per value of Area (Children, Adults, Shared).
    private static readonly int AreaSlots = Enum.GetValues<Area>().Max(a => (int)a) + 1;

    // Most results first, then by label.
    private static readonly Comparer<FacetCount> s_facetOrder = Comparer<FacetCount>.Create(static (a, b) =>
        a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Label, b.Label));

    public static SearchResponse Search(SearchIndex index, SearchRequest request, DateOnly today, ContentOptions options)
    {
        using var activity = Telemetry.PortalTelemetry.Source.StartActivity("search");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // The same question on the same index and day has the same answer: many caseworkers search the same few
        // words, and the quick search asks again for every prefix typed back and forth.
        var key = (request, today, options.ReviewSoonDays);
        var cached = index.Responses.TryGetValue(key, out var response);
        if (!cached)
        {
            response = SearchCore(index, request, today, options);
            var size = EstimatedBytes(response);
            // Counted beside the dictionary: ConcurrentDictionary.Count takes every lock, and asking it on each new
            // answer made concurrent searches wait for one another.
            if (Interlocked.Increment(ref index.ResponseCount) > MaxCachedResponses || Interlocked.Add(ref index.ResponseBytes, size) > index.MaxResponseBytes)
            {
                index.Responses.Clear();
                Interlocked.Exchange(ref index.ResponseBytes, size);
                Interlocked.Exchange(ref index.ResponseCount, 1);
            }
            index.Responses[key] = response;
        }
        activity?.SetTag("portal.search.cached", cached);
        Telemetry.PortalTelemetry.SearchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        activity?.SetTag("portal.search.hits", response!.Hits.Count);
        return response!;
    }

    private static SearchResponse SearchCore(SearchIndex index, SearchRequest request, DateOnly today, ContentOptions options)
    {
        var plan = index.Planner.Plan(request.Query);
        if (plan.IsEmpty)
        {
            return new SearchResponse { Query = request.Query, Message = NoWordsMessage };
        }
        // In no order: only the page of hits is ordered; the total and the facets only count.
        var ranked = index.RankUnordered(plan);
        var docs = index.Documents;
        bool TypeOk(ScoredDocument r) => request.Type is null || docs[r.Doc].Type == request.Type;
        bool AreaOk(ScoredDocument r) => request.Area is null || docs[r.Doc].Area == request.Area;

        var take = Math.Clamp(request.Take, 1, MaxTake);
        var hits = index.Best(ranked, take, r => TypeOk(r) && AreaOk(r)).Select(r => ToHit(index, plan, r, today, options)).ToList();
        // The total and the facets counted in one pass, by the type's ordinal and the area's number: grouping thousands
        // of results into lists was a sixth of a search, and a string key per result still a tenth.
        var total = 0;
        var wantedType = request.Type is null ? -2 : index.TypeOrdinal(request.Type);
        var ordinals = index.TypeOrdinals;
        Span<int> typeCount = index.TypeNames.Count <= 64 ? stackalloc int[index.TypeNames.Count] : new int[index.TypeNames.Count];
        Span<int> areaCount = stackalloc int[AreaSlots];
        foreach (var r in ranked)
        {
            var (type, area) = (ordinals[r.Doc], docs[r.Doc].Area);
            var (typeOk, areaOk) = (wantedType == -2 || type == wantedType, request.Area is null || area == request.Area);
            if (areaOk)
            {
                typeCount[type]++;
            }
            if (typeOk)
            {
                areaCount[(int)area]++;
            }
            if (typeOk && areaOk)
            {
                total++;
            }
        }
        var typeCounts = new Dictionary<string, (string Label, int Count)>(StringComparer.Ordinal);
        for (var t = 0; t < typeCount.Length; t++)
        {
            if (typeCount[t] > 0)
            {
                typeCounts[index.TypeNames[t].Key] = (index.TypeNames[t].Label, typeCount[t]);
            }
        }
        var areaCounts = new Dictionary<Area, int>();
        for (var a = 0; a < areaCount.Length; a++)
        {
            if (areaCount[a] > 0)
            {
                areaCounts[(Area)a] = areaCount[a];
            }
        }
        var types = typeCounts.Select(t => new FacetCount(t.Key, t.Value.Label, t.Value.Count)).OrderBy(f => f, s_facetOrder).ToList();
        var areas = areaCounts.Select(a => new FacetCount(AreaNames.Key(a.Key), AreaNames.Label(a.Key), a.Value)).OrderBy(f => f, s_facetOrder).ToList();

        IReadOnlyList<SearchHit> related = [];
        if (hits.Count == 0)
        {
            var relaxed = index.Planner.Plan(request.Query, relaxed: true);
            related = index.Best(index.RankUnordered(relaxed), 5, _ => true).Select(r => ToHit(index, relaxed, r, today, options)).ToList();
        }
        return new SearchResponse
        {
            Query = request.Query,
            Hits = hits,
            Total = total,
            Types = types,
            Areas = areas,
            Suggestions = Suggest(index, plan),
            Related = related,
        };
    }

    /// <summary>About what an answer holds in memory: its strings (two bytes a character) and an object header per part.</summary>
    internal static long EstimatedBytes(SearchResponse response)
    {
        static long Hit(SearchHit h) => 160 + 2L * (h.Slug.Length + h.Title.Length + h.Type.Length + h.TypeLabel.Length + h.SnippetHtml.Length + h.Url.Length);
        static long Facet(FacetCount f) => 80 + 2L * (f.Key.Length + f.Label.Length);
        return 200 + 2L * (response.Query.Length + (response.Message?.Length ?? 0))
            + response.Hits.Sum(Hit) + response.Related.Sum(Hit)
            + response.Types.Sum(Facet) + response.Areas.Sum(Facet)
            + response.Suggestions.Sum(s => 40 + 2L * s.Length);
    }

    public static SearchHit ToHit(SearchIndex index, QueryPlan plan, ScoredDocument scored, DateOnly today, ContentOptions options)
    {
        var doc = index.Documents[scored.Doc];
        var overdue = ReviewStatusNames.Compute(doc.ReviewDate, today, options.ReviewSoonDays) == ReviewStatus.Overdue;
        return new SearchHit(doc.Slug, doc.Title, doc.Type, doc.TypeLabel, doc.Area, Snippets.For(doc, plan, index),
            Math.Round(scored.Score, 3), MarkdownRenderer.DocumentRoute + doc.Slug, overdue);
    }

    /// <summary>The query with each unknown word replaced by the nearest known word (two typos at most).</summary>
    public static IReadOnlyList<string> Suggest(SearchIndex index, QueryPlan plan)
    {
        var query = plan.Query;
        var replaced = false;
        foreach (var clause in plan.Clauses.Where(c => !c.Known && c.Word is { Length: >= 3 }).OrderByDescending(c => c.Start))
        {
            var near = index.Vocabulary.Near(clause.Word!, clause.Word!.Length >= 5 ? 2 : 1, 1);
            if (near.Count == 0)
            {
                continue;
            }
            query = query[..clause.Start] + near[0].Word.Display + query[(clause.Start + clause.Length)..];
            replaced = true;
        }
        return replaced ? [query.Trim()] : [];
    }
}
