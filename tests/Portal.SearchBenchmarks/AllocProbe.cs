using Portal.Content;
using Portal.Search;

namespace Portal.SearchBenchmarks;

/// <summary>
/// Bytes allocated per stage of an answer (`-- allocs`): planning, ranking, twenty snippets, suggestions and the whole
/// search, averaged over the labelled queries on one thread (the second round, so the JIT and the caches are warm).
/// Says where an answer's garbage comes from; the answers benchmark gives the total.
/// </summary>
public static class AllocProbe
{
    public static void Run(string contentPath, string queriesPath)
    {
        var (_, _, index) = ContentLoader.LoadIndex(contentPath);
        var queries = Portal.Tests.Search.RelevanceSet.Load(queriesPath).Select(q => q.Query).ToList();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var options = new ContentOptions();
        long plan = 0, rank = 0, snippets = 0, suggest = 0, whole = 0;
        for (var round = 0; round < 2; round++)
        {
            foreach (var query in queries)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var planned = index.Planner.Plan(query);
                var afterPlan = GC.GetAllocatedBytesForCurrentThread();
                var ranked = index.Rank(planned);
                var afterRank = GC.GetAllocatedBytesForCurrentThread();
                foreach (var hit in ranked.Take(20))
                {
                    Snippets.For(index.Documents[hit.Doc], planned, index);
                }
                var afterSnippets = GC.GetAllocatedBytesForCurrentThread();
                Searcher.Suggest(index, planned);
                var afterSuggest = GC.GetAllocatedBytesForCurrentThread();
                // A query not asked before, so the answer is computed, not kept.
                Searcher.Search(index, new SearchRequest(query + " x" + round), today, options);
                var afterSearch = GC.GetAllocatedBytesForCurrentThread();
                if (round == 1)
                {
                    (plan, rank, snippets, suggest, whole) = (plan + afterPlan - before, rank + afterRank - afterPlan,
                        snippets + afterSnippets - afterRank, suggest + afterSuggest - afterSnippets, whole + afterSearch - afterSuggest);
                }
            }
        }
        var n = Math.Max(1, queries.Count) * 1024L;
        Console.WriteLine($"KB pr. søgning: plan {plan / n}, rangering {rank / n}, 20 uddrag {snippets / n}, forslag {suggest / n}, hele søgningen {whole / n}");
    }
}
